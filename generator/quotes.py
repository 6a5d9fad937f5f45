"""Does a quote state a value? The matching rules of the data format (v2), in one place.

A figure's quote must state its value, allowing for how sources write numbers and dates:

- numbers: `131072` is stated by "131,072", "128K" or "128k" (K and M in binary or decimal), `8.2`
  (billions of parameters) by "8.2B", `1500` by "1.5T", `0.8` by "800M", `88.4` by "88.40" or "88.4%";
- dates: `2025-04-29` by "2025-04-29", "April 29, 2025", "29 April 2025" or "2025.04.29";
- true and false by a config line that says so (`"tie_word_embeddings": false`);
- text by the same text, in any case; a list when each of its items is stated.

A number the source hedges ("~30B") or writes in words ("eight billion"), or a fraction for a percent
("0.8841" for 88.41), does not state the value: the figure says how the quote writes it with
`as_written:`, which must then appear in the quote word for word.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(
    r"(?<![\w.,])(?P<hedge>[~≈]\s?)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:\s?(?P<suffix>[KMBTkmbt])(?![A-Za-z]))?"
)
# What a number with a suffix may mean: K and M of tokens in binary or decimal, M/B/T of parameters
# in billions (the unit of every parameter figure), or the plain amount.
_SCALES = {
    "k": (Decimal(1000), Decimal(1024)),
    "m": (Decimal(10) ** 6, Decimal(2) ** 20, Decimal("0.001")),
    "b": (Decimal(1), Decimal(10) ** 9),
    "t": (Decimal(1000), Decimal(10) ** 12),
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def states(quote: str, value: object) -> bool:
    """True when the quote states the value by the rules above."""
    if isinstance(value, bool):
        return re.search(rf"\b{str(value).lower()}\b", quote.lower()) is not None
    if isinstance(value, (int, float, Decimal)):
        return _states_number(quote, value)
    if isinstance(value, datetime.date):
        return any(_squeeze(form) in _squeeze(quote) for form in date_forms(value))
    if isinstance(value, str):
        return _squeeze(value) in _squeeze(quote)
    if isinstance(value, (list, tuple)):
        return all(states(quote, item) for item in value)
    return True  # a mapping (languages) is checked field by field by its caller


def numbers_in(quote: str, scaled: bool = True) -> list[Decimal]:
    """Every amount a quote states as digits, with each reading of its suffix (unless not `scaled`);
    hedged ones left out."""
    found: list[Decimal] = []
    for match in _NUMBER.finditer(quote):
        if match.group("hedge"):
            continue
        digits = match.group("int").replace(",", "") + (f".{match.group('frac')}" if match.group("frac") else "")
        amount = Decimal(digits)
        found.append(amount)
        suffix = (match.group("suffix") or "").lower()
        if scaled:
            found.extend(amount * scale for scale in _SCALES.get(suffix, ()))
    return found


def hedged_in(quote: str, value: int | float) -> str | None:
    """The quote's words for the value where it hedges it ("~30B" for 30), else None."""
    wanted = Decimal(str(value))
    for match in _NUMBER.finditer(quote):
        if match.group("hedge") and wanted in numbers_in(match.group()[len(match.group("hedge")) :]):
            return match.group()
    return None


def _states_number(quote: str, value: int | float | Decimal) -> bool:
    try:
        wanted = Decimal(str(value))
    except InvalidOperation:
        return False
    return any(amount == wanted for amount in numbers_in(quote))


def date_forms(day: datetime.date) -> list[str]:
    month = _MONTHS[day.month - 1]
    return [
        day.isoformat(),
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ]


def _squeeze(text: str) -> str:
    """Case and runs of white space do not count."""
    return " ".join(text.split()).casefold()


def written_in(quote: str, as_written: str) -> bool:
    """`as_written` is the quote's own words: they must be in it as whole words (`0.884` is not in
    "0.8841"), white space aside."""
    words = " ".join(as_written.split())
    if not words:
        return False
    before = r"(?<![\w.])" if re.match(r"[\w.]", words) else ""
    after = r"(?![\w])" if re.search(r"\w$", words) else ""
    return re.search(before + re.escape(words) + after, " ".join(quote.split())) is not None
