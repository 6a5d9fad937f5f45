"""The render pool: its workers end when the pool ends them, whatever handlers the CLI has set."""

from __future__ import annotations

import signal

import pytest

from generator.cli import _unwinding_on_signals
from generator.render import parallel


def _handler(_: object) -> str:
    return str(signal.getsignal(signal.SIGTERM))


def test_workers_die_on_sigterm_under_the_clis_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI unwinds on SIGTERM by raising SystemExit; a forked worker doing the same when the pool
    terminates it could hang the build in its exit handlers, so workers take the default back."""
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_WORKER", 1)
    monkeypatch.setenv("OMC_RENDER_JOBS", "2")
    with _unwinding_on_signals():
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
        seen = set(parallel.render_all(_handler, list(range(8))))
    assert seen == {str(signal.SIG_DFL)}
