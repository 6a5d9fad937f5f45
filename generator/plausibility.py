"""Plausibility: data that is well-formed and consistent, yet probably not what the editor meant.

Each check is an error at the value's place that says what was probably meant. They run after the
schema and the references (validate.check_references), each in its own function.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from generator import quotes, schema
from generator.errors import ErrorCollector, shown_number
from generator.load import LoadedFile, shorten

# Charts are drawn twice, on Material's light page (#ffffff) and on its dark "slate" page
# (hsla(225deg, 15%, 14%) = #1e2129); a maker's colour marks its bars and points on both. WCAG 2.1
# asks 3:1 of graphical objects against what is around them (success criterion 1.4.11).
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}
MIN_CONTRAST = 3.0
# Two colours closer than this (CIE76 distance in L*a*b*) read as one maker in a legend.
MIN_COLOUR_DISTANCE = 12.0


class Owned(Protocol):
    @property
    def file(self) -> LoadedFile: ...

    @property
    def obj(self) -> Any: ...

    @property
    def nodes(self) -> Sequence[tuple[tuple[str | int, ...], Any]]: ...


def check_plausibility(items: Iterable[Owned], collector: ErrorCollector) -> None:
    items = list(items)
    units = {b.id: b.unit for i in items if isinstance(i.obj, schema.Shared) for b in i.obj.benchmarks}
    names = {f.id: f.name for i in items if isinstance(i.obj, schema.Family) for f in (i.obj,)}
    for item in items:
        if isinstance(item.obj, schema.Shared):
            _check_colours(item.obj, item.file, collector)
        if isinstance(item.obj, schema.Family):
            _check_measurements_have_figures(item.obj, item.file, collector)
            _check_percent_fractions(item.obj, item.file, units, collector)
        _check_quotes(item.nodes, item.file, names, collector)


# --- quotes that do not state their value --------------------------------------------------------


def _check_quotes(
    nodes: Sequence[tuple[tuple[str | int, ...], Any]], f: LoadedFile, names: dict[str, str], collector: ErrorCollector
) -> None:
    """Every figure's value appears in its own quote (generator/quotes.py says how sources may write
    it); where the quote writes it otherwise, `as_written:` holds the quote's words for it. `nodes`:
    every value of the file with its path (schema.walk)."""
    for path, node in nodes:
        stated = _stated(node)
        if not stated:
            continue
        as_written = getattr(node, "as_written", None)
        if as_written:
            if not quotes.written_in(node.quote, as_written):
                collector.add(
                    f.place((*path, "as_written")),
                    f"as_written: {as_written!r} is not in the quote; copy the quote's own words for the value",
                )
            continue
        for field, value in stated:
            if quotes.states(node.quote, value) or _names_it(node.quote, value, names):
                continue
            if getattr(node, "approx", False) and _is_number(value) and quotes.hedged_in(node.quote, value):
                continue  # "~30B" for an approximate 30: the figure says it is approximate
            collector.add(f.place((*path, *field)), _not_stated(field, value, node.quote, hasattr(node, "approx")))


# Entries whose quote states several figures and no `value`: the fields it must state. Every other
# quoted entry states its `value` (a test keeps new kinds of entries from being forgotten).
STATED_FIELDS: dict[type, tuple[str, ...]] = {
    schema.Measurement: ("ram_gb", "vram_gb", "tokens_per_second"),
    schema.FileSize: ("size_gb", "size_gib"),
    schema.Offer: ("input_usd_per_mtok", "output_usd_per_mtok"),
    schema.PastPrice: ("input_usd_per_mtok", "output_usd_per_mtok"),
}


def _stated(node: Any) -> list[tuple[tuple[str, ...], Any]]:
    """The values an entry's quote must state, by their path within the entry."""
    if not hasattr(node, "quote"):
        return []
    if type(node) in STATED_FIELDS:
        return [((name,), getattr(node, name)) for name in STATED_FIELDS[type(node)] if getattr(node, name) is not None]
    value = getattr(node, "value", None)
    if isinstance(value, schema.Languages):
        return [(("value", "count"), value.count)]
    return [] if value is None else [(("value",), value)]


def _names_it(quote: str, value: Any, names: dict[str, str]) -> bool:
    """A family id (a variant) is stated by the family's name."""
    if isinstance(value, list):
        return all(quotes.states(quote, v) or _names_it(quote, v, names) for v in value)
    return isinstance(value, str) and value in names and quotes.states(quote, names[value])


def _not_stated(field: tuple[str, ...], value: Any, quote: str, can_be_approx: bool) -> str:
    """What is wrong, and the likely fix: the quote's hedged words, or the one number it does state."""
    if _is_number(value) and (hedged := quotes.hedged_in(quote, value)):
        fix = "add `approx: true`" if can_be_approx else f'add `as_written: "{hedged}"`'
        return f"{field[-1]}: the quote hedges {shown_number(value)} ({hedged!r}): {fix}, so that readers see it is approximate"
    said = f'{field[-1]}: {_shown(value)} is not what its quote states ("{shorten(quote, 40)}")'
    numbers = sorted({shown_number(float(n)) for n in quotes.numbers_in(quote, scaled=False)}, key=float)
    said += f"; did you mean {numbers[0]}?" if _is_number(value) and len(numbers) == 1 else "."
    return (
        f"{said} If the quote writes it otherwise (`0.8841` for 88.41 percent, `eight billion`), copy those "
        "words into `as_written:`; if it says something else, check the source: never change a value to fit"
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if _is_number(value):
        return shown_number(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return repr(str(value))


# --- a fraction where a percentage is wanted -----------------------------------------------------


def _check_percent_fractions(
    fam: schema.Family, f: LoadedFile, units: dict[str, str], collector: ErrorCollector
) -> None:
    """0.8841 on a percent benchmark was shown as "0.88": a score between 0 and 1 is a fraction, unless
    its quote writes it with a percent sign ("0.8%")."""
    for i, model in enumerate(fam.models):
        for j, score in enumerate(model.scores):
            if units.get(score.benchmark) != "percent" or not 0 < score.value < 1:
                continue
            if re.search(rf"(?<![\d.]){re.escape(shown_number(score.value))}\s?%", score.quote):
                continue
            collector.add(
                f.place(("models", i, "scores", j, "value")),
                f"value: {shown_number(score.value)} on {score.benchmark}, a percent benchmark, reads as "
                f"{shown_number(score.value)} percent: did you mean {shown_number(round(score.value * 100, 10))}? "
                f'(write the percentage; if the source gives a fraction, add as_written: "{shown_number(score.value)}")',
            )


# --- entries with nothing in them ----------------------------------------------------------------


def _check_measurements_have_figures(fam: schema.Family, f: LoadedFile, collector: ErrorCollector) -> None:
    """A hardware entry with a source and a quote but no number says nothing, yet it counted as "the
    model was measured" (a local model, a hardware row of dashes)."""
    figures = STATED_FIELDS[schema.Measurement]
    for i, model in enumerate(fam.models):
        for j, entry in enumerate(model.hardware):
            if all(getattr(entry, name) is None for name in figures):
                collector.add(
                    f.place(("models", i, "hardware", j)),
                    f"hardware: this measurement has no figure; give at least one of {', '.join(figures)} "
                    "(the numbers its quote states), or delete it",
                )


# --- maker colours -------------------------------------------------------------------------------


def _check_colours(shared: schema.Shared, f: LoadedFile, collector: ErrorCollector) -> None:
    seen: list[tuple[str, str]] = []  # (maker id, colour) of the makers above
    for i, maker in enumerate(shared.makers):
        place = f.place(("makers", i, "colour"))
        weak = {name: ratio for name, bg in BACKGROUNDS.items() if (ratio := contrast(maker.colour, bg)) < MIN_CONTRAST}
        if weak:
            said = " and ".join(
                f"{ratio:.1f}:1 on the {name} background ({BACKGROUNDS[name]})" for name, ratio in weak.items()
            )
            collector.add(
                place,
                f"colour: {maker.colour} has too little contrast for a chart: {said}; charts need "
                f"{MIN_CONTRAST:g}:1 on both, e.g. {readable(maker.colour)} (the same hue)",
            )
        for other, colour in seen:
            if distance(maker.colour, colour) < MIN_COLOUR_DISTANCE:
                same = "the same colour as" if maker.colour.lower() == colour.lower() else "nearly the same colour as"
                collector.add(
                    place, f"colour: {maker.colour} is {same} {other}'s ({colour}); charts tell makers apart by colour"
                )
                break
        seen.append((maker.id, maker.colour))


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    """Relative luminance, as WCAG defines it."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str) -> str:
    """The nearest colour of the same hue that has 3:1 on both pages (a suggestion, not a rule)."""
    hue, _, _ = colorsys.rgb_to_hls(*_rgb(colour))
    shades = [_hex(colorsys.hls_to_rgb(hue, light / 50, sat / 10)) for light in range(1, 50) for sat in range(11)]
    passing = [s for s in shades if all(contrast(s, bg) >= MIN_CONTRAST + 0.1 for bg in BACKGROUNDS.values())]
    return min(passing, key=lambda shade: distance(shade, colour))


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def distance(a: str, b: str) -> float:
    """CIE76 colour difference: Euclidean distance in L*a*b* (D65)."""
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b), strict=True)) ** 0.5


def _lab(colour: str) -> tuple[float, float, float]:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    x = (0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    z = (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)
