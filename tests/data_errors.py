"""Helpers for tests that break the data on purpose and read the errors back."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataErrors
from generator.validate import validate
from tests.conftest import TODAY


def errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        validate(project / "data", project, TODAY)
    return [str(e) for e in caught.value.errors]


def line_of(project: Path, relative: str, text: str) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)
