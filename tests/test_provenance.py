"""Provenance: every figure sourced and traceable, incomparable settings never crowned, staleness exact."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.build import load_catalog, render_site
from generator.cli import main
from generator.derive import provenance, quality
from generator.derive.comparison import compare
from generator.derive.picks import decide
from generator.errors import DataErrors
from generator.model import Catalog
from generator.render.stale import stale_lines
from generator.validate import validate

Edit = Callable[[str, str, str], Path]
QWEN = "data/families/qwen-3-5.yaml"
GEMMA = "data/families/gemma-4.yaml"
CODER = "data/families/qwen-2-5-coder.yaml"


def errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        validate(project / "data", project)
    return [str(e) for e in caught.value.errors]


def line_of(project: Path, relative: str, text: str) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# --- every figure has a source ---------------------------------------------------------------------


def test_block_figure_without_a_source_is_rejected_at_its_line(project: Path, edit: Edit) -> None:
    edit(CODER, '  source: qwen-2-5-coder-family-blog\n  quote: "Qwen2.5-Coder-32B', '  quote: "Qwen2.5-Coder-32B')
    line = line_of(project, CODER, "license:")
    assert errors(project) == [f"{CODER}:{line + 1}:3: missing required field 'source'"]


def test_dangling_source_id_is_rejected_at_its_line_with_a_suggestion(project: Path, edit: Edit) -> None:
    edit(QWEN, "total: {value: 0.6, source: seed-article,", "total: {value: 0.6, source: seed-articel,")
    line = line_of(project, QWEN, "seed-articel")
    column = (project / QWEN).read_text(encoding="utf-8").splitlines()[line - 1].index("seed-articel") + 1
    assert errors(project) == [
        f"{QWEN}:{line}:{column}: source: no source has the id 'seed-articel'; did you mean 'seed-article'?"
    ]


# --- incomparable settings never produce a winner -----------------------------------------------


def test_comparable_needs_the_same_conditions_or_none() -> None:
    from generator.schema import Measurement, Score

    def score(setting: str | None) -> Score:
        return Score(benchmark="mmlu", value=1, source="s", quote="q", setting=setting)

    assert provenance.comparable(score("5-shot"), score("5-shot"))
    assert provenance.comparable(score(None), score(None))
    assert not provenance.comparable(score("5-shot"), score(None))
    assert not provenance.comparable(score("5-shot"), score("0-shot"))
    q4 = Measurement(quantisation="Q4", ram_gb=8, source="s", quote="q")
    q8 = Measurement(quantisation="Q8", ram_gb=8, source="s", quote="q")
    assert not provenance.comparable(q4, q8)
    assert provenance.incomparable_settings([q4, q8]) == ("Q4", "Q8")


@pytest.fixture
def incomparable(project: Path, edit: Edit) -> Catalog:
    for bench in ("mmlu", "arc-c", "gsm8k"):
        edit(QWEN, f"{{benchmark: {bench}, ", f"{{benchmark: {bench}, setting: 5-shot, ")
        for _ in range(2):  # Gemma 4 26B and 31B
            edit(GEMMA, f"{{benchmark: {bench}, value", f"{{benchmark: {bench}, setting: 0-shot, value")
    # The matchup's speeds measured at different quantisations: Gemma would be 2-3x faster on paper.
    edit(GEMMA, "quantisation: Q4\n        ram_gb: 8", "quantisation: Q8\n        ram_gb: 8")
    return load_catalog(project)


def test_incomparable_benchmark_rows_name_no_winner(incomparable: Catalog) -> None:
    pair = compare(incomparable, "gemma-4", "qwen-3-5")
    general = next(c for c in pair.categories if c.category.id == "general")
    assert general.rows and all(not r.comparable for r in general.rows)
    assert all(r.winner is None and r.best == () for r in general.rows)
    assert all(r.settings == ("5-shot", "0-shot") for r in general.rows)
    assert general.leader is None and not general.sweep and not general.decisive


def test_incomparable_hardware_names_no_leader_and_no_ratio(incomparable: Catalog) -> None:
    hw = compare(incomparable, "gemma-4", "qwen-3-5").hardware
    assert hw.leader is None and hw.speed_ratio is None and hw.ram_ratio is None
    assert hw.incomparable == ("Q8", "Q4")


def test_incomparable_figures_produce_no_pick(incomparable: Catalog, catalog: Catalog) -> None:
    before = {r.criterion.id for r in decide(catalog, compare(catalog, "gemma-4", "qwen-3-5")).b}
    after = {r.criterion.id for r in decide(incomparable, compare(incomparable, "gemma-4", "qwen-3-5")).b}
    assert {"general", "speed"} <= before
    assert "general" not in after and "speed" not in after


def test_incomparable_settings_are_shown_beside_the_row(incomparable: Catalog) -> None:
    page = render_site(incomparable)["compare/gemma-4-vs-qwen-3-5.md"].decode()
    assert "| MMLU ⚠ 5-shot vs 0-shot: not comparable | 82.1 | 83.2 | 85.1 |" in page
    assert "Neither family leads on general reasoning." in page
    assert "not comparable, so no family is named the fastest" in page


# --- freshness ------------------------------------------------------------------------------------

TODAY = date(2025, 6, 1)  # 180 days after 2024-12-03; 181 after 2024-12-02


@pytest.fixture
def dated(project: Path, edit: Edit) -> Catalog:
    edit(CODER, "  note: The 32B model's row;", "  checked: 2025-05-01\n  note: The 32B model's row;")
    edit(GEMMA, "maker: google\n", "maker: google\nchecked: 2024-12-03\n")  # exactly at the threshold: fresh
    edit(
        QWEN,
        'quote: "License | Apache 2.0 | Apache 2.0"}',
        'quote: "License | Apache 2.0 | Apache 2.0", checked: 2024-12-02}',
    )
    return load_catalog(project)


def test_staleness_lists_exactly_the_figures_past_the_threshold_oldest_first(dated: Catalog) -> None:
    stale = provenance.index(dated, TODAY).stale()
    assert [(r.as_of.isoformat(), r.subject, r.what) for r in stale] == [
        ("2024-09-19", "Qwen 2.5 Coder", "release date"),
        ("2024-11-12", "Qwen 2.5 Coder 32B", "context length"),
        ("2024-11-12", "Qwen 2.5 Coder 32B", "release date"),
        ("2024-11-12", "Qwen 2.5 Coder 32B", "total parameters"),
        ("2024-12-02", "Qwen 3.5", "license"),
    ]
    assert [r.age_days for r in stale] == [255, 201, 201, 201, 181]


def test_undated_figures_are_never_checked_not_stale(dated: Catalog) -> None:
    prov = provenance.index(dated, TODAY)
    never = prov.never_checked()
    assert never and {r.family.id for r in never} == {"qwen-2-5-coder", "qwen-3-5"}
    assert all(r.as_of is None and not r.stale for r in never)
    assert prov.family_checked(dated.families["gemma-4"]) == date(2024, 12, 3)
    assert prov.family_checked(dated.families["qwen-3-6"]) is None


def test_stale_command_prints_the_report_and_never_fails(
    dated: Catalog, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project), "--today", TODAY.isoformat(), "stale"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == stale_lines(provenance.index(dated, TODAY))
    assert out[0] == "5 figure(s) older than 180 days as of 2025-06-01, oldest first:"
    assert out[1].startswith("  2024-09-19 (255 days, source dated)  qwen-2-5-coder: Qwen 2.5 Coder release date")


def test_today_defaults_to_the_newest_date_in_the_data(dated: Catalog, catalog: Catalog) -> None:
    assert provenance.reference_date(catalog) == date(2024, 11, 12)
    assert provenance.reference_date(dated) == date(2025, 5, 1)


def test_stale_figures_are_flagged_on_pages(dated: Catalog) -> None:
    files = render_site(dated, TODAY)
    family = files["families/qwen-2-5-coder.md"].decode()
    assert re.search(
        r"2024-09-19<sup>\[\\\[\d\\\]\]\(#source-qwen-2-5-coder-blog\)<span title=\"maker-reported\">†</span><span title=\"not checked recently\">⌛</span></sup>",
        family,
    )
    assert "⌛ marks a figure" in family
    assert "Last checked by an editor: Qwen 2.5 Coder on 2025-05-01." in family
    quality_page = files["data-quality.md"].decode()
    assert quality_page.count("| 2024-11-12 (source date) | 201 |") == 3


# --- citations ------------------------------------------------------------------------------------

_MARKER = re.compile(r"\]\(#(source-[a-z0-9-]+)\)")
_ANCHOR = re.compile(r"\{ #(source-[a-z0-9-]+) \}")


def test_every_cited_source_resolves_to_an_entry_on_its_page(catalog: Catalog) -> None:
    files = render_site(catalog, date(2026, 11, 28))
    cited_pages = 0
    for path, content in files.items():
        if not path.endswith(".md"):
            continue
        text = content.decode()
        cited, anchors = set(_MARKER.findall(text)), set(_ANCHOR.findall(text))
        assert cited <= anchors, f"{path} cites {sorted(cited - anchors)} without listing them"
        assert {a.removeprefix("source-") for a in anchors} <= set(catalog.sources), path
        cited_pages += bool(cited)
    assert cited_pages >= 10


def test_every_figure_on_the_seed_page_is_cited(catalog: Catalog) -> None:
    page = render_site(catalog)["compare/gemma-4-vs-qwen-3-5.md"].decode()
    body = page.split("## Sources")[0]
    tables = re.findall(r"((?:^\|.*\n)+)\n(.*)\n", body, flags=re.MULTILINE)
    assert tables and all(note.startswith("Source: <sup>") for _, note in tables)


def test_maker_reported_follows_the_source_kind(catalog: Catalog) -> None:
    prov = provenance.index(catalog, date(2026, 11, 28))
    assert {r.source.kind for r in prov.records if r.self_reported} == {"official"}
    assert not any(r.self_reported for r in prov.records if r.source.kind == "article")


def test_conflicting_sources_are_reported(project: Path, edit: Edit) -> None:
    edit(
        QWEN,
        '      - {benchmark: mmlu, value: 82.1, source: seed-article, quote: "MMLU | 82.1 | 83.2 | 85.1"}\n',
        '      - {benchmark: mmlu, value: 82.1, source: seed-article, quote: "MMLU | 82.1 | 83.2 | 85.1"}\n'
        '      - {benchmark: mmlu, value: 84.0, source: qwen-2-5-coder-blog, quote: "MMLU 84.0"}\n',
    )
    catalog = load_catalog(project)
    (conflict,) = quality.conflicts(provenance.index(catalog, TODAY))
    assert (conflict.subject, conflict.what) == ("Qwen 3.5 Plus", "MMLU score")
    assert [r.value for r in conflict.records] == [82.1, 84.0]
    assert "Qwen 3.5 Plus, MMLU score (setting unstated): 82.1" in render_site(catalog)["data-quality.md"].decode()


def test_generate_prints_a_staleness_summary(dated: Catalog, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "--today", TODAY.isoformat(), "generate"]) == 0
    assert "5 figure(s) past stale_after_days as of 2025-06-01" in capsys.readouterr().out


def test_a_table_with_mixed_sources_cites_each_cell(catalog: Catalog) -> None:
    page = render_site(catalog)["compare/gemma-4-vs-qwen-2-5-coder.md"].decode()
    quick = page.split("## Quick comparison")[1].split("## Model sizes")[0]
    license_row = next(line for line in quick.splitlines() if line.startswith("| License"))
    assert "(#source-seed-article)" in license_row and "(#source-qwen-2-5-coder-family-blog)" in license_row
    assert "Source: <sup>" not in quick


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("provenance-site")
    for name in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    assert main(["--root", str(root), "--today", "2026-11-28", "site"]) == 0
    return root / "site"


def test_every_source_cited_on_the_built_site_resolves_to_a_source_entry(built_site: Path, catalog: Catalog) -> None:
    cited_total = 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        cited = set(re.findall(r'href="#(source-[a-z0-9-]+)"', html))
        entries = set(re.findall(r'<li id="(source-[a-z0-9-]+)"', html))
        assert cited <= entries, f"{page}: {sorted(cited - entries)} cited but not listed"
        assert {e.removeprefix("source-") for e in entries} <= set(catalog.sources), page
        cited_total += len(cited)
    assert cited_total >= 20
    methods = (built_site / "data-and-methods/index.html").read_text(encoding="utf-8")
    assert all(f'id="source-{s}"' in methods for s in catalog.sources)


def test_methods_page_states_the_thresholds_from_the_data(project: Path, edit: Edit) -> None:
    edit("data/site.yaml", "decisive_margin: 5", "decisive_margin: 7")
    edit("data/site.yaml", "stale_after_days: 180", "stale_after_days: 365")
    edit("data/criteria.yaml", "measure: context\n    threshold: 1.5", "measure: context\n    threshold: 2")
    page = render_site(load_catalog(project))["data-and-methods.md"].decode()
    assert "every lead is at least 7 points is decisive" in page
    assert "A figure older than\n365 days" in page
    assert "| You want longer context (… vs …) | one family's longest context is at least 2x the other's |" in page
    assert "| You need to run on limited hardware (8 GB RAM or less) |" in page


def test_quality_page_reports_what_each_family_lacks(catalog: Catalog) -> None:
    rows = {c.family.id: c for c in quality.coverage(catalog, provenance.index(catalog, TODAY))}
    assert [b.id for b in rows["qwen-3-6"].missing_benchmarks] == list(catalog.benchmarks)
    assert [m.id for m in rows["qwen-3-6"].unsized_models] == ["qwen-3-6-27b"]
    assert [o.provider for o in rows["qwen-3-5"].unpriced_offers] == ["dashscope", "openrouter"]
    assert rows["gemma-4"].missing_benchmarks == () and rows["qwen-2-5-coder"].offers == 0
