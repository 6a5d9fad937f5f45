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
    """An unclosed bracket is reported where it opens, not on the line where the parser gave up."""
    message = error_of("a: [1, 2\nb: 3\n")
    assert (
        message
        == "f.yaml:1:4: YAML syntax error: the [ that opens this list is never closed; add ] after its last item"
    )


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        # An unclosed quote runs on until the next quote of the file, or to its end: told where it opens.
        ('a: "one\nb: two\nc: "three"\n', "1:4", 'quotation mark " that opens this value is not closed'),
        ("a: 'one\nb: two\n", "1:4", "quotation mark ' that opens this value is not closed"),
        ('a: {value: "x, source: s}\nb: {quote: "y"}\n', "1:12", 'mark " that opens this value is not closed'),
        ("a: 'it's'\n", "1:8", "a ' inside '…' is written ''"),
        ('a: "x" y\n', "1:8", "text after the closing quotation mark"),
        # Indentation: what the line lines up with, in spaces.
        ("m:\n  - id: a\n    name: A\n   b: 1\n", "4:4", "indented 3 spaces, which lines up with nothing"),
        ("m:\n  - id: a\n    name: A\n  b: 1\n", "4:3", "lines up with the dash of a list entry"),
        ("a: 1\n  b: 2\n", "2:4", "indented deeper than the line above"),
        ("a: 1\n- b\n", "2:1", "a list item where a field was expected"),
        ("a: 1\nb 2\nc: 3\n", "2:1", "no colon after its field name"),
        ("quote: Context: 32K\n", "1:15", 'put the whole value in quotes, e.g. quote: "Context: 32K"'),
        ("a: {value: 1 source: x}\n", "1:20", "separated by commas"),
        ("a: @x\n", "1:4", "a value cannot start with @"),
        ('a: "C:\\path"\n', "1:8", "write \\\\ for a backslash"),
    ],
)
def test_syntax_errors_say_what_to_write_where_the_mistake_is(text: str, place: str, words: str) -> None:
    message = error_of(text)
    assert message.startswith(f"f.yaml:{place}: YAML syntax error: ")
    assert words in message
    assert "<block" not in message and "while parsing" not in message  # no parser jargon


def test_a_quoted_value_may_span_lines() -> None:
    """Only a quote closed on a later line *and* followed by a mistake is blamed; a legitimate
    multi-line quoted value followed by an unrelated mistake is not."""
    message = error_of('a: "one\n  two"\nb: 1\n c: 2\n')
    assert message.startswith("f.yaml:4:3:")
    assert "indented deeper" in message


@pytest.mark.parametrize(
    ("text", "place", "code"),
    [
        ("a: x\x01y\n", "1:5", "U+0001"),
        ("a: x\x1b[31my\n", "1:5", "U+001B"),
        ("a: x\x7fy\n", "1:5", "U+007F"),
        ("a: x\x85y\n", "1:5", "U+0085"),
        ('a: "x\\0y"\n', "1:4", "U+0000"),  # escapes in double quotes produce them too
        ('a: "x\\x1fy"\n', "1:4", "U+001F"),
        ('a:\n  - ok\n  - "\\u202ex"\n', "3:5", "U+202E"),
        ("a: x\u2066y\u2069\n", "1:5", "U+2066"),
        ("a: x\u2028y\n", "1:5", "U+2028"),
        ("k\x02: 1\n", "1:2", "U+0002"),
    ],
)
def test_control_and_bidi_characters_are_refused_where_they_are(text: str, place: str, code: str) -> None:
    message = error_of(text)
    assert message.startswith(f"f.yaml:{place}: character {code} (")
    assert "is not allowed" in message


def test_tabs_and_ordinary_unicode_are_fine() -> None:
    assert load_text('a: "x\\ty"\nb: Qwen 通义 — ok\n', "f.yaml").data == {"a": "x\ty", "b": "Qwen 通义 — ok"}


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
