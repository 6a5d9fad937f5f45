"""The build's summary line, and a progress bar only on a terminal and only for long runs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.cli import main
from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(progress: Progress, total: int) -> None:
    for done in range(1, total + 1):
        progress(done, total)
    progress.close()


def test_bar_is_drawn_on_a_terminal_for_a_long_run() -> None:
    stream = Terminal()
    run(Progress("rendering pages", stream, min_items=50), 500)
    out = stream.getvalue()
    assert out.startswith("\rrendering pages [") and out.endswith("] 500/500\n")
    assert "#" * 30 in out


def test_no_bar_when_not_a_terminal_or_short() -> None:
    piped = io.StringIO()
    run(Progress("rendering pages", piped, min_items=50), 500)
    short = Terminal()
    run(Progress("rendering pages", short, min_items=50), 10)
    assert piped.getvalue() == short.getvalue() == ""


def test_generate_prints_a_summary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "generate"]) == 0
    first = capsys.readouterr().out
    assert main(["--root", str(project), "generate"]) == 0
    second = capsys.readouterr().out
    assert " 0 unchanged" in first and " 0 written" in second
    assert "published" in first and " s)" in first
    assert "\r" not in first + second  # captured output is not a terminal: no bar
