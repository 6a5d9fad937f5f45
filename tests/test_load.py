"""Loading YAML: every surprise PyYAML would let through is an error with a line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import LoadError, load_file, load_text, resolve_plain


def error_of(text: str) -> str:
    with pytest.raises(LoadError) as caught:
        load_text(text, "f.yaml")
    return str(caught.value)


def test_values_remember_their_line_and_column() -> None:
    loaded = load_text("a: 1\nb:\n  - x\n  - {c: 2}\n", "f.yaml")
    assert loaded.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert str(loaded.place(("b", 1, "c"))) == "f.yaml:4:9"
    assert str(loaded.place(("b", 1, "c"), key=True)) == "f.yaml:4:6"


def test_duplicate_key_is_rejected_at_the_second_occurrence() -> None:
    assert error_of("name: a\nid: x\nname: b\n") == (
        "f.yaml:3:1: duplicate key 'name' (first defined on line 1); keep one"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("off", "off"),
        ("010", 10),
        ("0o10", 8),
        ("1e3", 1000.0),
        ("2024-01-02", "2024-01-02"),
        ("true", True),
        ("~", None),
        ("1.5", 1.5),
        ("12:30", "12:30"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_quoted_scalars_stay_text() -> None:
    assert load_text("a: \"010\"\nb: 'no'\n", "f.yaml").data == {"a": "010", "b": "no"}


def test_alias_bomb_fails_fast_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    message = error_of(bomb)
    assert message.startswith("f.yaml:2:")
    assert "aliases" in message


def test_syntax_error_names_line_and_column() -> None:
    message = error_of("a: [1, 2\nb: 3\n")
    assert message.startswith("f.yaml:2:")
    assert "YAML syntax error" in message


def test_tab_indentation_is_explained() -> None:
    message = error_of("a:\n\tb: 1\n")
    assert message.startswith("f.yaml:2:1")
    assert "tabs" in message


def test_empty_file_is_an_error() -> None:
    assert error_of("# only a comment\n") == "f.yaml:1:1: file is empty; expected a mapping of fields"


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(LoadError) as caught:
        load_file(path, "f.yaml")
    assert str(caught.value) == "f.yaml:2:7: byte 0xe9 is not valid UTF-8; save the file as UTF-8"


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: " + b"x" * 2_000_000 + b"\n")
    with pytest.raises(LoadError, match="limited to"):
        load_file(path, "f.yaml")


def test_custom_tags_and_merge_keys_are_refused() -> None:
    assert "tag" in error_of("a: !!python/object:os.system x\n")
    assert "merge keys" in error_of("c:\n  <<: {x: 1}\n")
