"""The page cache: a build reuses a page an earlier build rendered from the same inputs, and what it
writes is what a build rendering every page writes, byte for byte, after edits of every kind."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import store as store_module
from generator.build import OUTPUT, STORE, generate
from generator.page_cache import INDEX


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def rebuilt_from_the_cache(project: Path, elsewhere: pytest.TempPathFactory) -> tuple[int, int]:
    """Build as CI does (no build/, the cache restored) and compare with a build that renders every
    page; (pages rendered, pages in all)."""
    shutil.rmtree(project / "build")
    report = generate(project)
    whole = elsewhere.mktemp("whole") / "docs"
    reference = generate(project, out=whole, reuse_pages=False)
    assert files(project / OUTPUT) == files(whole)
    return len(report.rendered), len(reference.rendered)


def test_an_unchanged_project_renders_no_page_and_links_every_file(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    first = generate(project)
    assert len(first.rendered) > 100
    rendered, _ = rebuilt_from_the_cache(project, tmp_path_factory)
    assert rendered == 0
    page = project / OUTPUT / "compare" / "gemma-4-vs-qwen-3-5.md"
    assert page.stat().st_nlink >= 2  # the store's file, not a copy of it
    again = generate(project, fresh=True)
    assert again.charts == first.charts and again.pages == first.pages


PHI_4 = "data/families/phi-4.yaml"
EDITS = {
    # Phi-4's MMLU, with its quote: the MMLU leaderboard and Phi-4's pages show it.
    "a score": (PHI_4, [("value: 84.8\n", "value: 84.6\n"), ("MMLU 84.8 ", "MMLU 84.6 ")], False),
    "a family's check date": ("data/families/gemma-4.yaml", [("checked: 2026-12-01", "checked: 2025-01-02")], False),
    "shared data": ("data/site.yaml", [("stale_after_days: ", "stale_after_days: 1")], True),
    "a name": (PHI_4, [("name: Phi-4\n", "name: Phi Four\n")], True),  # on every page linking it
}


@pytest.mark.parametrize("what", EDITS)
def test_after_an_edit_the_cached_build_is_the_whole_build(
    project: Path, tmp_path_factory: pytest.TempPathFactory, what: str
) -> None:
    path, replacements, everything = EDITS[what]
    generate(project)
    data = project / path
    text = data.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, (what, old)
        text = text.replace(old, new)
    data.write_text(text, encoding="utf-8")
    rendered, total = rebuilt_from_the_cache(project, tmp_path_factory)
    assert (rendered == total) if everything else (0 < rendered < total // 2), (what, rendered, total)


def test_a_kept_file_edited_in_place_is_not_reused(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Build/docs links the store's files: an edit by hand through one edits the other."""
    generate(project)
    page = project / OUTPUT / "families" / "phi-4.md"
    with page.open("w", encoding="utf-8") as stream:  # in place, as some editors write
        stream.write("edited by hand\n")
    rendered, _ = rebuilt_from_the_cache(project, tmp_path_factory)
    assert rendered >= 1
    assert "edited by hand" not in page.read_text(encoding="utf-8")


def test_the_store_keeps_the_files_of_the_last_build_only(project: Path) -> None:
    generate(project)
    data = project / "data/families/phi-4.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("name: Phi-4\n", "name: Phi Four\n", 1), "utf-8")
    generate(project)
    blobs = list((project / STORE).iterdir())
    assert blobs and all(b.stat().st_nlink >= 2 for b in blobs)
    assert len(blobs) == len({store_module.digest(c) for c in files(project / OUTPUT).values()})


def test_without_hard_links_every_file_is_written(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object) -> None:
        raise PermissionError("no links here")

    monkeypatch.setattr(os, "link", refused)
    generate(project)
    rendered, _ = rebuilt_from_the_cache(project, tmp_path_factory)
    assert rendered > 100  # nothing was kept, so nothing could be reused
    assert all(p.stat().st_nlink == 1 for p in (project / OUTPUT).rglob("*.md"))


@pytest.mark.parametrize("damage", [lambda index: index.write_text("{not json", "utf-8"), Path.unlink])
def test_a_damaged_or_missing_index_renders_every_page(
    project: Path, tmp_path_factory: pytest.TempPathFactory, damage: Callable[[Path], object]
) -> None:
    generate(project)
    damage(project / INDEX)
    rendered, total = rebuilt_from_the_cache(project, tmp_path_factory)
    assert rendered == total
