"""TreeWriter: a folder ends up holding exactly what was written, and only changed files are touched."""

from __future__ import annotations

from pathlib import Path

from generator.write import TreeWriter


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_folder_holds_exactly_what_was_written(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    first = TreeWriter(out)
    for path, content in {"a.md": b"a", "x/y/b.md": b"b", "x/z/c.md": b"c", "d.md": b"d"}.items():
        first.write(path, content)
    assert (first.finish().written, _files(out)) == (
        4,
        {"a.md": b"a", "x/y/b.md": b"b", "x/z/c.md": b"c", "d.md": b"d"},
    )
    unchanged_at = (out / "a.md").stat().st_mtime_ns

    second = TreeWriter(out)
    second.write("a.md", b"a")  # the same bytes: left alone
    second.write("x/y/b.md", b"B")  # changed: replaced
    second.write("e/f.md", b"f")  # new, in a new folder
    stats = second.finish()  # x/z/c.md and d.md are gone, and x/z/ with them

    assert (stats.written, stats.unchanged, stats.removed) == (2, 1, 2)
    assert _files(out) == {"a.md": b"a", "x/y/b.md": b"B", "e/f.md": b"f"}
    assert not (out / "x" / "z").exists() and (out / "x" / "y").is_dir()
    assert (out / "a.md").stat().st_mtime_ns == unchanged_at
    assert not list(out.rglob("*.tmp"))


def test_a_file_written_twice_in_one_run_is_refused(tmp_path: Path) -> None:
    writer = TreeWriter(tmp_path)
    writer.write("a.md", b"a")
    try:
        writer.write("a.md", b"b")
    except ValueError as exc:
        assert "a.md" in str(exc)
    else:
        raise AssertionError("a second write to the same path passed")
