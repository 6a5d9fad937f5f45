"""The benchmark's synthetic data: the same for the same seed, and valid under the real validator."""

from __future__ import annotations

import difflib
from pathlib import Path

from bench.synthetic import edit_one_score, synthesize
from generator.model import build_catalog
from generator.validate import validate
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_data(tmp_path: Path) -> None:
    first = synthesize(ROOT / "data", tmp_path / "a", 6, seed=3)
    synthesize(ROOT / "data", tmp_path / "b", 6, seed=3)
    synthesize(ROOT / "data", tmp_path / "c", 6, seed=4)
    assert len(first) == 6
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_synthetic_data_passes_the_real_validator(tmp_path: Path) -> None:
    ids = synthesize(ROOT / "data", tmp_path / "data", 20, seed=7)
    catalog = build_catalog(validate(tmp_path / "data", tmp_path, TODAY), TODAY)
    assert sorted(catalog.families) == sorted(ids)
    assert len(catalog.models) >= 2 * len(ids)  # a few models per family, as in real data
    assert any(m.scores for m in catalog.models.values())
    assert any(m.hardware for m in catalog.models.values())
    assert catalog.comparisons, "curated comparisons are part of the mix"


def test_editing_one_score_changes_one_line(tmp_path: Path) -> None:
    synthesize(ROOT / "data", tmp_path / "data", 4, seed=7)
    before = _files(tmp_path / "data")
    model_id, _ = edit_one_score(tmp_path / "data")
    after = _files(tmp_path / "data")
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == 1 and model_id.startswith(Path(changed[0]).stem)
    diff = difflib.ndiff(before[changed[0]].decode().splitlines(), after[changed[0]].decode().splitlines())
    assert sum(1 for line in diff if line.startswith("+ ")) == 2  # the value and the quote that states it
    build_catalog(validate(tmp_path / "data", tmp_path, TODAY), TODAY)
