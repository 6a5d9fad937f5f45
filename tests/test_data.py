"""The default data is a real site: enough families, each with its licence, release date and linked sources."""

from __future__ import annotations

from generator.build import render_site
from generator.model import Catalog

# Families sourced only from the seed article, which states no release dates (and for some no
# licence). Listed so that adding the missing figures makes this test fail until the list shrinks.
SEED_ONLY = {"gemma-4", "qwen-2-5-math", "qwen-3-5", "qwen-3-6"}


def test_at_least_eight_families_have_models(catalog: Catalog) -> None:
    assert sum(1 for family in catalog.families.values() if family.models) >= 8


def test_every_family_beyond_the_seed_has_a_license_and_release_date(catalog: Catalog) -> None:
    missing = {f.id for f in catalog.families.values() if f.license is None or f.released is None}
    assert missing == SEED_ONLY


def test_every_source_has_a_url(catalog: Catalog) -> None:
    # The seed article is the one source that is not online.
    assert [s.id for s in catalog.sources.values() if s.url is None] == ["seed-article"]


def test_a_missing_ollama_tag_is_not_read_as_no_ollama_support(catalog: Catalog) -> None:
    # Our sources give no Ollama tag for Llama 3.1; that is not evidence that Ollama cannot run it.
    page = render_site(catalog)["compare/llama-3-1-vs-phi-4.md"].decode()
    assert "Only Phi-4 has an Ollama command in our sources:" in page
    assert "works with Ollama" not in page
