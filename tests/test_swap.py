"""The swap of site/, the build lock and signals: a build stopped at any point leaves a site that the
next build can replace, no MkDocs process and no temporary folder behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import cli
from generator.lock import build_lock
from generator.write import discard, recover, swap_in, write_atomic

ROOT = Path(__file__).resolve().parent.parent


def folder(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def test_swap_replaces_the_site_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    site = folder(tmp_path / "site", "old")
    assert swap_in(folder(tmp_path / "new", "new"), site) == []
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_kill_between_the_two_renames_is_recovered(tmp_path: Path) -> None:
    """The first rename done, the second not: no site/ at all, until the next build puts it back."""
    folder(tmp_path / ".site.old", "last good")
    assert recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "last good"
    assert not recover(tmp_path / "site")  # nothing to undo: idempotent


def test_a_swap_after_an_interrupted_one_still_succeeds(tmp_path: Path) -> None:
    folder(tmp_path / ".site.old", "last good")  # and no site/
    swap_in(folder(tmp_path / "new", "new"), tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_that_cannot_be_removed_is_moved_aside_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once, with site/ read-only, the first build replaced it yet exited 1 and every later build
    failed until .site.old was removed by hand. Now the build succeeds and says what is left."""
    site = folder(tmp_path / "site", "old")

    def refuse(path: object, **_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(shutil, "rmtree", refuse)
    (warning,) = swap_in(folder(tmp_path / "new", "new"), site)
    assert warning.startswith("could not remove .site.old (Permission denied); moved it to .site.old-")
    assert (site / "index.html").read_text() == "new"
    assert not (tmp_path / ".site.old").exists()
    (again,) = swap_in(folder(tmp_path / "newer", "newer"), site)  # and the next build too
    assert (site / "index.html").read_text() == "newer"
    assert again.startswith("could not remove .site.old")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores write protection")
def test_a_read_only_site_is_replaced_and_removed(tmp_path: Path) -> None:
    site = folder(tmp_path / "site", "old")
    folder(site / "sub", "deeper")
    for path in (site / "sub", site):
        path.chmod(0o555)
    assert swap_in(folder(tmp_path / "new", "new"), site) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_discard_of_nothing_is_nothing(tmp_path: Path) -> None:
    assert discard(tmp_path / "absent") == []


def test_concurrent_writers_of_one_file_never_collide(tmp_path: Path) -> None:
    """The chart cache is shared between copies of the project: two builds writing the same drawing
    once shared one `.tmp` name, so one renamed the other's half-written file or found it gone."""
    target = tmp_path / "chart.svg"
    failures: list[BaseException] = []

    def write(content: bytes) -> None:
        try:
            for _ in range(300):
                write_atomic(target, content)
        except BaseException as exc:  # noqa: BLE001 - any failure of a writer fails the test
            failures.append(exc)

    writers = [threading.Thread(target=write, args=(bytes([65 + i]) * 1000,)) for i in range(4)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    assert not failures
    assert target.read_bytes() in {bytes([65 + i]) * 1000 for i in range(4)}
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_a_second_build_waits_for_the_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two builds of one project once rewrote build/docs under each other's MkDocs; the second now
    waits, saying for whom, and starts only once the first has let go."""
    release, released = tmp_path / "release", tmp_path / "released"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from pathlib import Path; from generator.lock import build_lock\n"
            f"with build_lock(Path({str(tmp_path)!r})):\n"
            "    print('held', flush=True)\n"
            f"    while not Path({str(release)!r}).exists(): time.sleep(0.02)\n"
            f"    Path({str(released)!r}).write_text('x')\n",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout and holder.stdout.readline() == "held\n"
    inside: list[bool] = []

    def second() -> None:
        with build_lock(tmp_path), build_lock(tmp_path):  # re-entrant within one process
            inside.append(released.exists())

    waiting = threading.Thread(target=second)
    waiting.start()
    said = ""
    deadline = time.monotonic() + 60
    while "waiting for it" not in said and time.monotonic() < deadline:
        said += capsys.readouterr().err
        time.sleep(0.02)
    assert f"another build of this project is running (pid {holder.pid}," in said
    assert not inside  # still waiting
    release.write_text("x")
    waiting.join(timeout=60)
    assert holder.wait(timeout=60) == 0
    assert inside == [True]  # it got the lock only after the first build let go


def test_sigterm_stops_the_child_and_unwinds(tmp_path: Path) -> None:
    """SIGTERM during MkDocs once left MkDocs running and a 25 MB `.site-*` folder behind."""
    marker = tmp_path / "child.pid"
    child_code = f"import os, time; open({str(marker)!r}, 'w').write(str(os.getpid())); time.sleep(60)"

    def stop_when_started() -> None:
        while not marker.exists() or not marker.read_text():
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)

    timer = threading.Thread(target=stop_when_started)
    with pytest.raises(SystemExit) as stopped, cli._unwinding_on_signals():
        timer.start()
        cli._run_child([sys.executable, "-c", child_code], tmp_path, dict(os.environ))
    timer.join()
    assert stopped.value.code == 128 + signal.SIGTERM
    child = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # terminated and reaped
    assert signal.getsignal(signal.SIGTERM) is not cli._exit_on_signal  # the previous handler is back


def test_sigterm_during_a_site_build_leaves_no_process_or_folder(project: Path) -> None:
    """The whole command, as a deployment would stop it: nothing of the build outlives it, and the
    previous site/ is still there."""
    folder(project / "site", "last good")
    assert cli.main(["--root", str(project), "generate"]) == 0  # the stamp makes the run below skip to MkDocs
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project), "site"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not list(project.glob(".site-*")) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    temporary = list(project.glob(".site-*"))
    assert temporary, "the build never reached MkDocs"
    mkdocs = _children(build.pid)
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=60) == 128 + signal.SIGTERM
    assert not list(project.glob(".site-*"))
    assert (project / "site/index.html").read_text() == "last good"
    assert mkdocs
    for pid in mkdocs:
        assert _stat(pid)[0] in ("", "Z")  # gone, or exited and waiting to be reaped


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (MkDocs, once it has started)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _stat(int(p.name))[1] == pid]
        if found:
            return found
        time.sleep(0.05)
    return []


def _stat(pid: int) -> tuple[str, int]:
    """A process's state letter and parent id from /proc (after the command name, which may hold spaces)."""
    try:
        state, parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[:2]
    except (OSError, ValueError):
        return "", 0
    return state, int(parent)


# Stands in for `mkdocs build --site-dir DIR`: writes a page into DIR after a third of a second of CPU.
_BUSY_MKDOCS = """
import pathlib, sys, time
started = time.process_time()
while time.process_time() - started < 0.3:
    pass
site = pathlib.Path(sys.argv[1])
site.mkdir(parents=True)
(site / "index.html").write_text("built", encoding="utf-8")
"""


def test_site_says_how_much_cpu_mkdocs_took(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`site` prints MkDocs' own CPU time (its child's, not the generator's): what `make bench` sets
    a build against."""

    def busy(command: list[str], cwd: Path, env: dict[str, str]) -> int:
        return subprocess.run([sys.executable, "-c", _BUSY_MKDOCS, command[-1]], check=False).returncode

    monkeypatch.setattr(cli, "_run_child", busy)
    assert cli.build_html(tmp_path, tmp_path / "site") == 0
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "built"
    found = re.search(r"MkDocs (\d+\.\d+) s of CPU", capsys.readouterr().out)
    assert found and 0.29 <= float(found.group(1)) < 5, found
