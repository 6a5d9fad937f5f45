"""Validation: each class of mistake gets file:line:column, what is wrong and what would be right."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import schema
from generator.errors import DataErrors
from generator.validate import validate
from tests.conftest import TODAY
from tests.data_errors import errors, line_of

Edit = Callable[[str, str, str], Path]
QWEN = "data/families/qwen-3-5.yaml"


def test_the_default_data_is_valid(project: Path) -> None:
    assert validate(project / "data", project, TODAY)


def test_unknown_field_suggests_the_right_one(project: Path, edit: Edit) -> None:
    edit(QWEN, "successor: qwen-3-6", "sucessor: qwen-3-6")
    line = line_of(project, QWEN, "sucessor")
    assert errors(project) == [f"{QWEN}:{line}:1: unknown field 'sucessor'; did you mean 'successor'?"]


def test_wrong_type_says_what_was_expected(project: Path, edit: Edit) -> None:
    edit(QWEN, "ram_gb: 16", 'ram_gb: "16 GB"')
    line = line_of(project, QWEN, "ram_gb")
    assert errors(project) == [
        f"{QWEN}:{line}:17: models.1.hardware.0.ram_gb: expected a number, got text '16 GB' "
        "(write the number without quotes or units)"
    ]


def test_yaml_1_1_boolean_trap_is_caught(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "edge: {value: true,", "edge: {value: yes,")
    (message,) = errors(project)
    assert "expected true or false, got text 'yes'" in message
    assert "YAML 1.2" in message


def test_out_of_range_value(project: Path, edit: Edit) -> None:
    edit(QWEN, "      total:\n        value: 35\n", "      total:\n        value: -35\n")
    (message,) = errors(project)
    assert message.startswith(f"{QWEN}:{line_of(project, QWEN, 'value: -35')}:")
    assert "greater than 0" in message


def test_percent_value_above_100_is_rejected(project: Path, edit: Edit) -> None:
    edit(QWEN, "value: 82.1", "value: 821")
    (message,) = errors(project)
    assert "percent" in message and "821" in message


def test_enum_typo_gets_a_did_you_mean(project: Path, edit: Edit) -> None:
    edit(QWEN, "architecture: {value: moe,", "architecture: {value: mooe,")
    (message,) = errors(project)
    assert "'mooe' is not one of dense, moe (did you mean 'moe'?)" in message


def test_dangling_reference_suggests_the_nearest_id(project: Path, edit: Edit) -> None:
    edit(QWEN, "{benchmark: mmlu,", "{benchmark: mmluu,")
    line = line_of(project, QWEN, "mmluu")
    assert errors(project) == [f"{QWEN}:{line}:21: benchmark: no benchmark has the id 'mmluu'; did you mean 'mmlu'?"]


def test_unknown_source_is_rejected(project: Path, edit: Edit) -> None:
    edit(QWEN, 'quote: "Flash | 0.6B"', 'quote: "Flash | 0.6B", source: seed-articel')
    (message,) = errors(project)
    assert "duplicate key 'source'" in message


def test_figure_without_a_source_is_rejected(project: Path, edit: Edit) -> None:
    edit(QWEN, "- {value: 0.6, source: seed-article, ", "- {value: 0.6, ")
    (message,) = errors(project)
    assert message.startswith(f"{QWEN}:{line_of(project, QWEN, 'value: 0.6')}:")
    assert "missing required field 'source'" in message


def test_duplicate_model_id_names_the_first(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "id: gemma-4-e4b", "id: gemma-4-e2b")
    (message,) = errors(project)
    assert "duplicate model id 'gemma-4-e2b' (first defined at data/families/gemma-4.yaml:" in message


def test_family_id_must_match_its_file_name(project: Path, edit: Edit) -> None:
    edit(QWEN, "id: qwen-3-5\n", "id: qwen-35\n")
    assert any("must match its file name" in e for e in errors(project))


def test_all_errors_of_all_files_are_reported_together(project: Path, edit: Edit) -> None:
    edit(QWEN, "successor: qwen-3-6", "sucessor: qwen-3-6")
    edit("data/families/gemma-4.yaml", "name: Gemma 4\n", "name: Gemma 4\nname: again\n")
    edit("data/site.yaml", "limited_ram_gb: 8", "limited_ram_gb: -8")
    found = errors(project)
    assert len(found) == 3
    assert {e.split(":")[0] for e in found} == {QWEN, "data/families/gemma-4.yaml", "data/site.yaml"}


def test_unknown_file_in_data_is_reported(project: Path) -> None:
    (project / "data" / "notes.txt").write_text("hello", encoding="utf-8")
    assert any(e.startswith("data/notes.txt: not a known data file") for e in errors(project))


def test_links_must_be_http(project: Path, edit: Edit) -> None:
    edit("data/catalog.yaml", "url: https://ollama.com/", "url: javascript:alert(1)")
    (message,) = errors(project)
    assert "https://" in message


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("limited_ram_gb: 8", "limited_ram_gb: .inf", "limited_ram_gb: .inf is not a number any figure can have"),
        ("limited_ram_gb: 8", "limited_ram_gb: 1e309", "limited_ram_gb: number 1e309 is too large to be a figure"),
        ("limited_ram_gb: 8", "limited_ram_gb: .NaN", "limited_ram_gb: .NaN is not a number any figure can have"),
        ("limited_ram_gb: 8", "limited_ram_gb: 8193", "limited_ram_gb: input should be less than or equal to 4096"),
        ("stale_after_days: ", "stale_after_days: 9" + "9" * 400 + " #", "stale_after_days: number 999999999999…"),
    ],
)
def test_site_settings_are_bounded(project: Path, edit: Edit, old: str, new: str, says: str) -> None:
    """data/site.yaml's numbers feed every verdict: infinities, overflows and giants are refused where
    written, never passed on to a traceback or a chart library."""
    edit("data/site.yaml", old, new)
    (message,) = errors(project)
    assert message.startswith(f"data/site.yaml:{line_of(project, 'data/site.yaml', new.split(':')[0] + ':')}:")
    assert says in message
    assert len(message) < 300  # a 400-digit number is echoed shortened


def test_every_number_in_the_schema_is_bounded() -> None:
    """Bounds are what keep a figure from reaching a chart or a sitemap it would break: every number
    an editor can write has a lower and an upper limit, so a new field cannot forget them."""
    unbounded = []
    for kind, cls in schema.FILE_KINDS.items():
        for where, node in _json_nodes(cls.model_json_schema(by_alias=True), kind):
            if node.get("type") in ("number", "integer"):
                low = "minimum" in node or "exclusiveMinimum" in node
                high = "maximum" in node or "exclusiveMaximum" in node
                if not (low and high):
                    unbounded.append(where)
    assert not unbounded


def _json_nodes(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _json_nodes(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _json_nodes(value, f"{where}.{i}")


# --- relations, addresses and anchors (generator/consistency.py) ---------------------------------

Q36 = "data/families/qwen-3-6.yaml"


def test_a_family_cannot_be_its_own_successor_or_variant(project: Path, edit: Edit) -> None:
    edit(QWEN, "successor: qwen-3-6", "successor: qwen-3-5")
    edit(QWEN, "value: [qwen-2-5-coder, qwen-2-5-math]", "value: [qwen-2-5-coder, qwen-3-5]")
    edit(Q36, "predecessor: qwen-3-5", "predecessor: qwen-3-6")
    assert [e for e in errors(project) if "its quote" not in e] == [
        f"{QWEN}:{line_of(project, QWEN, 'successor:')}:12: successor: a family cannot be its own successor",
        f"{QWEN}:{line_of(project, QWEN, 'value: [qwen-2-5-coder')}:27: variants: a family cannot be its own variant",
        f"{Q36}:{line_of(project, Q36, 'predecessor:')}:14: predecessor: a family cannot be its own predecessor",
    ]


def test_a_loop_of_successors_is_refused_once_naming_the_loop(project: Path, edit: Edit) -> None:
    # Qwen3 → Qwen3-2507 → Qwen 3.5 → Qwen 3.6 in the data; Qwen 3.6 naming Qwen3 closes the loop.
    edit(Q36, "predecessor: qwen-3-5\n", "predecessor: qwen-3-5\nsuccessor: qwen-3\n")
    line = line_of(project, "data/families/qwen-3.yaml", "successor:")
    assert errors(project) == [
        f"data/families/qwen-3.yaml:{line}:12: successor: these families form a loop "
        "(qwen-3 → qwen-3-2507 → qwen-3-5 → qwen-3-6 → qwen-3); a chain of successors must end at the latest family"
    ]


def test_families_that_are_each_others_variants_are_refused(project: Path, edit: Edit) -> None:
    edit(
        "data/families/qwen-2-5-coder.yaml",
        "maker: alibaba\n",
        'maker: alibaba\nvariants: {value: [qwen-3-5], source: seed-article, quote: "a variant of Qwen 3.5"}\n',
    )
    (message,) = errors(project)
    line = line_of(project, "data/families/qwen-2-5-coder.yaml", "variants: {value: [qwen-3-5]")
    assert message.startswith(f"data/families/qwen-2-5-coder.yaml:{line}:20: ")  # at the id that sorts first
    assert "variants: these families form a loop (qwen-2-5-coder, qwen-3-5)" in message


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("id: qwen-3-6-27b", "id: index", "model id 'index' is the address of a section's own page"),
        ("id: qwen-3-6-27b", "id: qwen-vs-gemma", "model id 'qwen-vs-gemma' contains '-vs-'"),
        ("predecessor: qwen-3-5\n", "predecessor: qwen-3-5\naliases: [qwen-3-5-vs-x]\n", "family alias"),
    ],
)
def test_ids_that_cannot_be_addresses(project: Path, edit: Edit, old: str, new: str, says: str) -> None:
    """`index` is each section's own page; `-vs-` joins a pair's ids, so `a` + `b-vs-c` and `a-vs-b` +
    `c` would both claim /compare/a-vs-b-vs-c/: refused where the id is written."""
    edit(Q36, old, new)
    (message,) = errors(project)
    assert message.startswith(f"{Q36}:{line_of(project, Q36, new.strip().splitlines()[-1])}:")
    assert says in message


def test_pair_addresses_cannot_collide(project: Path) -> None:
    """The class behind "two families whose pair URLs collide": neither id may contain `-vs-`."""
    for ident in ("a", "a-vs-b", "b-vs-c", "c"):
        (project / f"data/families/{ident}.yaml").write_text(f"id: {ident}\nname: X\nmaker: google\n")
    found = errors(project)
    assert found == [
        f"data/families/{ident}.yaml:1:5: family id {ident!r} contains '-vs-', which joins the two ids of a "
        f"comparison's address (/compare/<a>-vs-<b>/); choose an id without it, e.g. {ident.replace('-vs-', '-')!r}"
        for ident in ("a-vs-b", "b-vs-c")
    ]


def test_a_category_cannot_take_a_section_anchor(project: Path, edit: Edit) -> None:
    edit("data/catalog.yaml", "\nbenchmarks:", "  - {id: hardware, name: Hardware, topic: hardware}\n\nbenchmarks:")
    (message,) = errors(project)
    assert "category id 'hardware' is also the anchor of a comparison page's own #hardware section" in message


def test_comparison_anchors_are_the_templates() -> None:
    """The reserved category ids are exactly the fixed anchors of the comparison page."""
    from generator.consistency import COMPARISON_ANCHORS

    text = (Path(__file__).resolve().parent.parent / "generator/templates/comparison.md.j2").read_text()
    assert set(re.findall(r"\{#([a-z][a-z0-9-]*)", text)) == COMPARISON_ANCHORS


def test_matchup_names_one_model_of_each_family(project: Path, edit: Edit) -> None:
    comp = "data/comparisons/gemma-4-vs-qwen-3-5.yaml"
    edit(comp, "matchup: [qwen-3-5-plus, gemma-4-26b]", "matchup: [qwen-3-5-plus, qwen-3-6-27b]")
    (message,) = errors(project)
    assert message.startswith(f"{comp}:{line_of(project, comp, 'matchup:')}:")
    assert "matchup: 'qwen-3-6-27b' is a model of qwen-3-6, not of gemma-4; the matchup names one model" in message


def test_ram_tiers_that_read_the_same_are_refused(project: Path, edit: Edit) -> None:
    """Tiers 8 and 8.04 would be two headings `Best models under 8 GB RAM`, both #ram-8-gb."""
    edit("data/site.yaml", "ram_tiers_gb: [2, 4, 8, 16, 32, 64]", "ram_tiers_gb: [2, 4, 8, 8.04, 16, 32, 64]")
    assert errors(project) == [
        f"data/site.yaml:{line_of(project, 'data/site.yaml', 'ram_tiers_gb')}:25: ram_tiers_gb: 8.04 and 8 both read "
        "'8 GB' (and share the anchor #ram-8-gb); keep one, or make them differ by at least 0.1"
    ]


def test_size_classes_must_rise(project: Path, edit: Edit) -> None:
    """The filters' size classes are ranges between rising bounds: a bound below the one before it
    would make a class that holds nothing."""
    edit("data/site.yaml", "size_classes_b: [4, 15, 40]", "size_classes_b: [4, 40, 15]")
    (message,) = errors(project)
    assert message.startswith(f"data/site.yaml:{line_of(project, 'data/site.yaml', 'size_classes_b')}:")
    assert "the bounds must rise: 15 follows 40" in message


# --- messages in the editor's words --------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    ["mistral-small:24b-instruct-2501-q4_K_M", "qwen3:8b", "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"],
)
def test_ollama_tags_as_makers_publish_them_are_accepted(project: Path, edit: Edit, tag: str) -> None:
    """Mistral's own card gives `mistral-small:24b-instruct-2501-q4_K_M`: capitals in the tag."""
    edit("data/families/deepseek-r1.yaml", 'value: "deepseek-r1:671b"', f'value: "{tag}"')
    edit("data/families/deepseek-r1.yaml", 'ollama run deepseek-r1:671b"', f'ollama run {tag}"')
    assert validate(project / "data", project, TODAY)


@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [
        (QWEN, "maker: alibaba", "maker: Alibaba"),
        ("data/catalog.yaml", 'colour: "#0072B2"', 'colour: "orange"'),
        ("data/catalog.yaml", "url: https://ollama.com/", "url: https://ollama.com/a b"),
        ("data/families/deepseek-r1.yaml", 'value: "deepseek-r1:671b"', 'value: "DeepSeek R1"'),
    ],
)
def test_no_message_shows_a_regular_expression(project: Path, edit: Edit, relative: str, old: str, new: str) -> None:
    edit(relative, old, new)
    (message,) = errors(project)
    assert "is not " in message and "e.g." in message or "no spaces" in message
    assert not re.search(r"\^|\$'|\[a-z|\\S|\{6\}", message), message


def test_json_schema_descriptions_name_files_that_exist() -> None:
    """Every `data/...` file a hover text names is one of the project's real files or folders."""
    root = Path(__file__).resolve().parent.parent
    named = set()
    for path in (root / "schema").glob("*.json"):
        named |= set(re.findall(r"data/[a-z_./<>-]*[a-z>]", path.read_text(encoding="utf-8")))
    for name in named:
        real = name.split("<")[0].rstrip("/")
        assert (root / real).exists(), f"{name} is named in schema/ but does not exist"
    assert "data/sources.yaml" not in named


# --- plausibility (generator/plausibility.py) ----------------------------------------------------


def test_two_makers_with_one_colour_are_refused(project: Path, edit: Edit) -> None:
    edit("data/catalog.yaml", 'colour: "#0072B2"', 'colour: "#009E73"')  # google takes deepseek's
    (message,) = errors(project)
    line = line_of(project, "data/catalog.yaml", 'colour: "#009E73"') + 8  # said at the second, deepseek's
    assert message == (
        f"data/catalog.yaml:{line}:13: colour: #009E73 is the same colour as google's (#009E73); charts tell "
        "makers apart by colour"
    )


def test_a_colour_nearly_the_same_as_another_is_refused(project: Path, edit: Edit) -> None:
    edit("data/catalog.yaml", 'colour: "#006aff"', 'colour: "#0a78b5"')  # meta's, beside google's #0072B2
    (message,) = errors(project)
    assert "colour: #0a78b5 is nearly the same colour as google's (#0072B2)" in message


@pytest.mark.parametrize(("colour", "where"), [("#E69F00", "light"), ("#1f3a5f", "dark"), ("#f0e442", "light")])
def test_a_colour_without_contrast_on_a_page_is_refused(project: Path, edit: Edit, colour: str, where: str) -> None:
    """Charts are drawn on Material's white page and on its dark slate one: 3:1 on both (WCAG 1.4.11)."""
    edit("data/catalog.yaml", 'colour: "#0072B2"', f'colour: "{colour}"')
    (message,) = errors(project)
    assert f"colour: {colour} has too little contrast for a chart: " in message
    assert f"on the {where} background" in message
    suggested = re.search(r"e\.g\. (#[0-9a-f]{6})", message)
    assert suggested
    edit("data/catalog.yaml", f'colour: "{colour}"', f'colour: "{suggested.group(1)}"')
    assert all("contrast" not in e for e in errors_or_none(project))  # the suggestion passes


def errors_or_none(project: Path) -> list[str]:
    try:
        validate(project / "data", project, TODAY)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def test_a_percent_in_its_quote_is_not_a_fraction(project: Path, edit: Edit) -> None:
    """A genuine score below 1 percent, written with its percent sign, passes."""
    edit(QWEN, "value: 82.1", "value: 0.8")
    edit(QWEN, "82.1", "0.8%")
    assert not [e for e in errors_or_none(project) if "percent benchmark" in e]


def test_every_kind_of_quoted_entry_has_its_values_checked() -> None:
    """A new kind of sourced entry cannot slip past the rule that its quote states its values: it has
    a `value`, or plausibility.py lists the fields its quote must state."""
    from generator.plausibility import STATED_FIELDS

    def subclasses(cls: type) -> set[type]:
        return {cls} | {s for sub in cls.__subclasses__() for s in subclasses(sub)}

    quoted = (subclasses(schema.Sourced) - {schema.Sourced}) | subclasses(schema.Conflicting)
    unchecked = [c.__name__ for c in quoted if "value" not in c.model_fields and c not in STATED_FIELDS]
    assert not unchecked
