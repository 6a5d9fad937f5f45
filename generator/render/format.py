"""How numbers and data text look on a page: "~30B", "128K", "8 GB", "2-3x", escaped text.

Every filter the templates use lives here, so one change of style reaches every page, and every
string from data passes through `escape` on its way out (a pull request cannot inject markup).
"""

from __future__ import annotations

import functools
import math
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.derive.facts import Quantity

if TYPE_CHECKING:
    from generator.derive.verdicts import Verdict

_MD_SPECIAL = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "|": "&#124;",
    "#": "&#35;",
    "{": "&#123;",
    "}": "&#125;",
}
_WHITESPACE = re.compile(r"\s+")
_MD_TABLE = str.maketrans(_MD_SPECIAL)


# What opens a block when it starts a line: a list (`- `, `+ `, `1. `, `1) `), a rule or setext
# underline (`---`, `- - -`, `===`), a fence (`~~~`), an admonition or details (`!!!`, `???`), a
# definition, a `:::` or `///` block. A value is one line (newlines fold), so the only line it can
# start is its own first one: making that one character inert closes the whole class, while `~30B`,
# `-3` or `0.6B`, which open nothing, stay as they are.
_BLOCK_START = re.compile(
    r"^( ?)(?:(-(?=[- ]|$)|\+(?= |$)|=(?=[= ]|$)|~(?=~)|:(?=[: ]|$)|!(?=!)|\?(?=\?)|/(?=/))|([0-9]+)([.)])(?= |$))"
)
_BLOCK_ENTITY = {c: f"&#{ord(c)};" for c in "-+=~:!?/.)"}


def escape(value: object) -> Markup:
    """Text from data, made inert for Markdown and HTML: every character that could start markup
    becomes an HTML entity, which both Python-Markdown and browsers show as the plain character.
    Newlines fold to spaces so that a value can never break out of a table row or list item, and a
    value that would open a block where it starts a line (`~~~mermaid`, `---`, `- `) cannot."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return _escaped(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> Markup:
    """escape, remembered per text: a page escapes the same names and labels dozens of times."""
    text = _WHITESPACE.sub(" ", text).translate(_MD_TABLE)
    return Markup(_BLOCK_START.sub(_inert_start, text, count=1))


def _inert_start(found: re.Match[str]) -> str:
    space, mark, digits, dot = found.groups()
    if mark:
        return space + _BLOCK_ENTITY[mark]
    return space + digits + _BLOCK_ENTITY[dot]


# Kept as they are in a link target; everything else is percent-encoded, so that `(`, `)`, `<`, `"` and
# spaces in a URL from data can neither close the Markdown link nor open a new one.
_URL_SAFE = "/:?#&=%~+!$,;@-._"


@functools.lru_cache(maxsize=1 << 16)
def url(value: str) -> str | None:
    """A link target from data or the site plan, inert in Markdown: http(s) or relative, never another
    scheme (`javascript:`, `data:`); None when it cannot be a link. Remembered: pages link the same
    few hundred addresses over and over."""
    scheme = urllib.parse.urlsplit(value).scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return None
    return urllib.parse.quote(value, safe=_URL_SAFE)


def number(value: float, digits: int = 1) -> str:
    """A number as a reader writes it: no trailing `.0`, at most `digits` decimals."""
    rounded = round(float(value), digits)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")


def size_class_labels(bounds: Iterable[float]) -> tuple[str, ...]:
    """The size filter's classes, named from their upper bounds (site.yaml's `size_classes_b`):
    [4, 15, 40] gives "Up to 4B", "4B to 15B", "15B to 40B" and "Over 40B"."""
    highs = [params(b) for b in bounds]
    between = [f"{low} to {high}" for low, high in zip(highs, highs[1:], strict=False)]
    return (f"Up to {highs[0]}", *between, f"Over {highs[-1]}")


def plain(value: float) -> str:
    """A number for a program to read (an HTML attribute): unrounded, no thousands separator, no
    trailing `.0`."""
    return str(int(value)) if value == int(value) else repr(float(value))


def params(value: float, approx: bool = False) -> str:
    text = f"{number(value / 1000, 2)}T" if value >= 1000 else f"{number(value, 2)}B"
    return f"~{text}" if approx else text


def tokens(value: float) -> str:
    value = int(value)
    for size, unit in ((1_000_000, "M"), (1024 * 1024, "M"), (1000, "K"), (1024, "K")):
        if value >= size and value % size == 0:
            return f"{value // size}{unit}"
    if value >= 1000:
        return f"{number(value / 1024, 1)}K"
    return str(value)


def gb(value: float) -> str:
    """`16.8 GB`; below 1 GB two decimals (`0.04 GB`), and `<0.01 GB` below that, so a small cache
    (a hybrid's few attention layers at 4K tokens) never reads as zero."""
    if 0 < value < 0.005:
        return "<0.01 GB"
    return f"{number(value, 2 if value < 1 else 1)} GB"


def need(found: object, quantisation: str | None = None) -> str:
    """What a model needs (a derive.memory.Need): `5.9 GB (estimated)`, `8 GB (measured, 4-bit)`."""
    how = "estimated" if found.estimated else f"measured, {quantisation}" if quantisation else "measured"  # type: ignore[attr-defined]
    return f"{gb(found.gb)} ({how})"  # type: ignore[attr-defined]


def percent(share: float) -> str:
    """A share as a percentage: 0.046 → `4.6%`."""
    return f"{number(share * 100)}%"


def signed_percent(share: float) -> str:
    """A relative error with its sign: `+0.7%`, `−19%`."""
    return ("+" if share > 0 else "−" if share < 0 else "") + percent(abs(share))


def miss(share: float) -> str:
    """A relative error in words: `19% under`, `3.1% over`."""
    return f"{percent(abs(share))} {'over' if share > 0 else 'under'}"


def doubt(found: object) -> str:
    """Why a stated figure cannot be right (a derive.memory.Doubt), as the warning beside it:
    `⚠ 26B weights at 4 bits need ≥13 GB`."""
    d = found  # typed loosely: format knows no derive types
    weights = f"{params(d.params_b)} {'active ' if d.what == 'speed' else ''}weights at {number(d.bits, 2)} bits"  # type: ignore[attr-defined]
    if d.what == "memory":  # type: ignore[attr-defined]
        return f"⚠ {weights} need ≥{gb(d.needed_gb)}"  # type: ignore[attr-defined]
    bandwidth = d.profile.bandwidth_gb_s.value  # type: ignore[attr-defined]
    return (
        f"⚠ {weights} are {gb(d.needed_gb)} read per token: at most {tps(d.limit_tps)} "  # type: ignore[attr-defined]
        f"at {number(bandwidth, 1)} GB/s"
    )


def tps(value: float) -> str:
    return f"{number(value, 1)} tok/s"


def usd(value: float) -> str:
    """A price to the digits its source gives, at least cents: 0.075 -> "$0.075", 1.1 -> "$1.10"."""
    whole, _, cents = f"{value:,.6f}".rstrip("0").partition(".")
    return f"${whole}.{cents.ljust(2, '0')}"


def quantity(q: Quantity | str | None) -> str:
    """Format a derived quantity by its kind; text passes through unchanged."""
    if q is None:
        return "—"
    if isinstance(q, str):
        return q
    if q.kind in ("text",):
        return str(q.value)
    value = float(q.value)
    formatters = {
        "params": lambda v: params(v, q.approx),
        "tokens": tokens,
        "gb": gb,
        "tps": tps,
        "score": lambda v: number(v, 2),
        "usd": usd,
        "ratio": times,
        "count": lambda v: number(v, 1),
    }
    text = formatters[q.kind](value)
    return f"~{text}" if q.approx and q.kind != "params" else text


def times(ratio: float) -> str:
    """A ratio of two figures as prose: 7.9 -> "8x", 1.5 -> "1.5x", 2.67 -> "2-3x" (no false precision)."""
    nearest = round(ratio)
    if abs(ratio - nearest) <= 0.15:
        return f"{nearest}x"
    half = round(ratio * 2) / 2
    if abs(ratio - half) <= 0.05:
        return f"{number(half, 1)}x"
    return f"{math.floor(ratio)}-{math.ceil(ratio)}x"


def size_range(span: tuple[Quantity, Quantity], dash: str = "—") -> str:
    """A family's size range: "0.6B — 235B", or one value when its smallest is its largest ("24B")."""
    low, high = span
    return quantity(low) if low.value == high.value else f"{quantity(low)} {dash} {quantity(high)}"


def more(ratio: float) -> str:
    """How much more one figure is than another: "about 13% more" below 2x (a ratio of 1.13 is not
    "1x more"), else "3x more"."""
    if ratio >= 2:
        return f"{times(ratio)} more"
    percent = round((ratio - 1) * 100)
    return f"about {percent}% more" if percent >= 1 else "slightly more"


_FRACTIONS = ((1 / 2, "half"), (1 / 3, "a third of"), (1 / 4, "a quarter of"), (2 / 3, "two thirds of"))


def fraction(share: float) -> str:
    """A share below one as prose: 0.5 -> "half", otherwise a percentage."""
    for value, words in _FRACTIONS:
        if abs(share - value) < 0.02:
            return words
    return f"{share:.0%} of"


def join_and(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill_text(wording: str, values: Mapping[str, Quantity | str]) -> str:
    """Data wording with its {placeholders} filled, as plain text (for Mermaid, JSON, or `fill`)."""

    def value(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise ValueError(f"wording {wording!r} uses {{{match.group(1)}}}, which this criterion does not provide")
        return quantity(values[match.group(1)])

    return _PLACEHOLDER.sub(value, wording)


def fill(wording: str, values: Mapping[str, Quantity | str]) -> Markup:
    """Data wording with {placeholders}, escaped: escaping is per character, so escaping the filled
    text is the same as escaping the literal parts and the values separately."""
    return escape(fill_text(wording, values))


# --- the verdict engine's counts and margins, in words ---------------------------------------------


def _counted(n: int, noun: str) -> str:
    """`the one benchmark`, `both benchmarks`, `all 3 benchmarks`."""
    if n == 1:
        return f"the one {noun}"
    return f"both {noun}s" if n == 2 else f"all {n} {noun}s"


def on_all(verdict: Verdict, noun: str) -> str:
    """Every row the verdict counts: the compared ones, or, when none could be compared, all."""
    return _counted(verdict.compared if verdict.kind != "apart" else len(verdict.rows), noun)


def wins_of(verdict: Verdict, noun: str) -> str:
    """The leader's wins among the compared rows: `2 of 3 benchmarks`, or `both benchmarks`."""
    won = max(verdict.wins)
    return _counted(won, noun) if won == verdict.compared else f"{won} of {verdict.compared} {noun}s"


_UNIT_WORDS = {"percent": "point", "score": "point", "elo": "rating point"}


def tie_text(verdict: Verdict) -> str:
    """The tie margin of the verdict's rows, `1 point`; rows of mixed units name the rule instead."""
    if verdict.unit is None or verdict.tie is None:
        return "the tie margin of their units"
    word = _UNIT_WORDS[verdict.unit]
    return f"{number(verdict.tie, 2)} {word}{'' if verdict.tie == 1 else 's'}"


def margin_text(verdict: Verdict, side: int | None = None) -> str:
    """`, by 5.7 to 6.2 points`: the margins of the rows a side won (by default the leader); empty when
    the rows' units differ, so that a sentence never adds percentage points to rating points."""
    margins = verdict.margins_of(verdict.leader if side is None else side)
    if not margins or verdict.unit is None:
        return ""
    low, high = number(margins[0], 2), number(margins[-1], 2)
    word = _UNIT_WORDS[verdict.unit] + ("" if low == high == "1" else "s")
    return f", by {low} {word}" if low == high else f", by {low} to {high} {word}"


def other_wins(verdict: Verdict, names: str) -> str:
    """`; Qwen 3.5 Plus is higher on the other 2, by 6.2 to 6.5 points`: what the side that trails won."""
    if verdict.leader is None:
        return ""
    won = verdict.wins[1 - verdict.leader]
    if not won:
        return ""
    rows = "the other one" if won == 1 else f"the other {won}"
    return f"; {names} {'is' if ' and ' not in names else 'are'} higher on {rows}{margin_text(verdict, 1 - verdict.leader)}"
