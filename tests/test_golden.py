"""The seed comparison page, byte for byte. After a deliberate change, run `make golden` and review
the diff of tests/golden/ like any other change."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build import render_site
from generator.model import Catalog

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["compare/gemma-4-vs-qwen-3-5.md"]


def test_seed_page_matches_golden(catalog: Catalog) -> None:
    files = render_site(catalog)
    for page in PAGES:
        golden = GOLDEN / page.replace("/", "__")
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_bytes(files[page])
        assert files[page].decode() == golden.read_text(encoding="utf-8"), f"{page} differs from {golden}"


def test_rendering_is_deterministic(catalog: Catalog) -> None:
    assert render_site(catalog) == render_site(catalog)
