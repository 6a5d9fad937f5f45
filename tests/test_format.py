"""Formatting: units as readers write them, ratios without false precision, data text made inert."""

from __future__ import annotations

import pytest

from generator.derive.facts import Quantity
from generator.render import format as fmt


@pytest.mark.parametrize(
    ("value", "approx", "text"),
    [
        (0.6, False, "0.6B"),
        (110, False, "110B"),
        (30, True, "~30B"),
        (3.8, False, "3.8B"),
        (32.5, False, "32.5B"),
        (671, False, "671B"),
        (1200, False, "1.2T"),
    ],
)
def test_params(value: float, approx: bool, text: str) -> None:
    assert fmt.params(value, approx) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(131072, "128K"), (262144, "256K"), (32768, "32K"), (128000, "128K"), (1048576, "1M"), (8192, "8K")],
)
def test_tokens(value: int, text: str) -> None:
    assert fmt.tokens(value) == text


@pytest.mark.parametrize(
    ("ratio", "text"), [(30 / 3.8, "8x"), (8 / 3, "2-3x"), (2.0, "2x"), (1.9, "2x"), (1.5, "1.5x"), (3.3, "3-4x")]
)
def test_times(ratio: float, text: str) -> None:
    assert fmt.times(ratio) == text


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (1.0, "slightly more"),
        (1.13, "about 13% more"),
        (1.5, "about 50% more"),
        (1.96, "about 96% more"),
        (8.0, "8x more"),
    ],
)
def test_more_says_a_small_ratio_as_a_percentage(ratio: float, text: str) -> None:
    assert fmt.more(ratio) == text  # never "activates 1x more parameters"


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.075, "$0.075"), (0.039, "$0.039"), (0.6, "$0.60"), (1.1, "$1.10"), (12.0, "$12.00"), (2500.5, "$2,500.50")],
)
def test_prices_keep_their_significant_digits(value: float, text: str) -> None:
    assert fmt.usd(value) == text


def test_a_size_range_of_one_value_is_one_value() -> None:
    assert fmt.size_range((Quantity("params", 24), Quantity("params", 24))) == "24B"
    assert fmt.size_range((Quantity("params", 0.6), Quantity("params", 235)), "–") == "0.6B – 235B"


@pytest.mark.parametrize(
    ("share", "text"), [(0.5, "half"), (1 / 3, "a third of"), (0.25, "a quarter of"), (0.8, "80% of")]
)
def test_fraction(share: float, text: str) -> None:
    assert fmt.fraction(share) == text


def test_quantities_by_kind() -> None:
    assert fmt.quantity(Quantity("gb", 8.0)) == "8 GB"
    assert fmt.quantity(Quantity("tps", 3.0)) == "3 tok/s"
    assert fmt.quantity(Quantity("score", 88.9)) == "88.9"
    assert fmt.quantity(Quantity("usd", 0.6)) == "$0.60"
    assert fmt.quantity(None) == "—"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "![x](https://evil/)",
        "`code`",
        "{: onclick=alert(1) }",
        "a | b",
        "**bold** _em_",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_escape_leaves_no_markup(hostile: str) -> None:
    escaped = str(fmt.escape(hostile))
    for char in "<>[]`{}|*_":
        assert char not in escaped


def test_escape_folds_newlines_so_text_cannot_leave_its_block() -> None:
    assert str(fmt.escape("a\n\n# heading\n- item")) == "a &#35; heading - item"


def test_fill_escapes_wording_and_values_but_keeps_placeholders() -> None:
    text = fmt.fill("You want {winner_value} <b>", {"winner_value": Quantity("tokens", 262144)})
    assert str(text) == "You want 256K &lt;b&gt;"
    with pytest.raises(ValueError, match="does not provide"):
        fmt.fill("{nope}", {})


@pytest.mark.parametrize(
    ("given", "target"),
    [
        ("https://example.org/a_b?x=1&y=2#top", "https://example.org/a_b?x=1&y=2#top"),
        ("../families/gemma-4/#benchmarks", "../families/gemma-4/#benchmarks"),
        ("https://e.example/a)[x](javascript:alert(1))", "https://e.example/a%29%5Bx%5D%28javascript:alert%281%29%29"),
        ('https://e.example/"onmouseover="x', "https://e.example/%22onmouseover=%22x"),
        ("https://e.example/<b> c", "https://e.example/%3Cb%3E%20c"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,x", None),
    ],
)
def test_url_is_inert_in_a_markdown_link(given: str, target: str | None) -> None:
    assert fmt.url(given) == target


@pytest.mark.parametrize(
    ("value", "text"), [(16.84, "16.8 GB"), (0.04, "0.04 GB"), (0.005, "0.01 GB"), (0.0047, "< 0.01 GB"), (0, "0 GB")]
)
def test_gb_never_reads_a_small_cache_as_zero(value: float, text: str) -> None:
    """A hybrid's cache of a few MB (Granite-4.0-H-350M at 4K tokens, q4_0) is not "0 GB"."""
    assert fmt.gb(value) == text
