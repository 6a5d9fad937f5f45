"""The no-op shortcut: a generate with unchanged inputs and outputs does nothing; any change re-renders."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import stamp
from generator.build import generate
from generator.cli import _site_key, main
from generator.errors import DataErrors
from generator.stamp import stamp_file


def test_unchanged_inputs_render_nothing_and_any_change_renders_again(
    project: Path, edit: Callable[[str, str, str], Path]
) -> None:
    first = generate(project)
    assert first.stats.written > 0
    again = generate(project)
    assert (again.stats.written, again.stats.unchanged) == (0, first.stats.written)
    assert (again.pages, again.redirects) == (first.pages, first.redirects)

    edit(
        "data/families/gemma-4.yaml",
        'value: 83.2, source: seed-article, quote: "MMLU | 82.1 | 83.2 |',
        'value: 83.3, source: seed-article, quote: "MMLU | 82.1 | 83.3 |',
    )
    edited = generate(project)
    assert edited.stats.written >= 1


def test_an_output_removed_by_hand_is_written_again(project: Path) -> None:
    generate(project)
    page = project / "build" / "docs" / "about.md"
    page.unlink()
    assert generate(project).stats.written == 1
    assert page.exists()


def test_a_failed_generate_leaves_no_stamp_to_trust(project: Path, edit: Callable[[str, str, str], Path]) -> None:
    generate(project)
    assert stamp_file(project / "build" / "docs").exists()
    edit("data/families/gemma-4.yaml", "value: 83.2", "value: oops")
    with pytest.raises(DataErrors):
        generate(project)
    assert not stamp_file(project / "build" / "docs").exists()


def test_a_site_built_from_unchanged_markdown_is_not_built_again(
    default_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs has no incremental build; when nothing it reads changed, `site` skips it (same bytes). A
    touched output, or a changed configuration, makes the stamp untrusted, so the next `site` builds
    again (checked on the stamp: two more full builds would say no more, at two minutes)."""
    root = tmp_path / "project"
    shutil.copytree(default_site.parent, root)  # outputs and stamps too, their times kept
    site = root / "site"
    index = site / "index.html"
    built = index.stat().st_mtime_ns
    capsys.readouterr()
    assert main(["--root", str(root), "site"]) == 0
    assert "site/ is current" in capsys.readouterr().out and index.stat().st_mtime_ns == built

    key = json.loads(stamp_file(site).read_text(encoding="utf-8"))["key"]
    assert stamp.load(site, key) is not None
    index.write_text("edited by hand", encoding="utf-8")
    assert stamp.load(site, key) is None  # a touched output is rebuilt

    before = _site_key(root, 0)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_name:", "site_name: Renamed #"), encoding="utf-8"
    )
    assert _site_key(root, 0) != before  # so is a changed configuration
