"""Errors that point at a place in a data file, collected so an editor fixes everything in one round."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in a data file; line and column count from 1, as editors show them."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class DataError:
    """One thing wrong with the data: where it is and what would be right."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DataErrors(Exception):
    """Raised once with every error of a run, sorted by place."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class ErrorCollector:
    """Gathers errors from all files and stages before anything fails."""

    errors: list[DataError] = field(default_factory=list)

    def add(self, location: Location, message: str) -> None:
        self.errors.append(DataError(location, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(self.errors)


def relative_name(path: Path, root: Path) -> str:
    """The name an editor recognises: the path relative to the project, with forward slashes (the
    name of a link itself, never of what it points to)."""
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def shown_number(value: float) -> str:
    """A number as the editor wrote it: `100.0000001` stays so (`:g` would say `100`), `88.0` is `88`."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
