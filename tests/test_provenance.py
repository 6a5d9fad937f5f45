"""Provenance: every figure sourced and traceable, incomparable settings never crowned, staleness exact."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
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
from tests.data_errors import errors, line_of

Edit = Callable[[str, str, str], Path]
QWEN = "data/families/qwen-3-5.yaml"
GEMMA = "data/families/gemma-4.yaml"
CODER = "data/families/qwen-2-5-coder.yaml"


# --- every figure has a source ---------------------------------------------------------------------


def test_block_figure_without_a_source_is_rejected_at_its_line(project: Path, edit: Edit) -> None:
    edit(CODER, '  source: qwen-2-5-coder-family-blog\n  quote: "Qwen2.5-Coder-32B', '  quote: "Qwen2.5-Coder-32B')
    line = line_of(project, CODER, "license:")
    assert errors(project) == [f"{CODER}:{line + 1}:3: missing required field 'source'"]


def test_dangling_source_id_is_rejected_at_its_line_with_a_suggestion(project: Path, edit: Edit) -> None:
    edit(
        QWEN,
        'ollama: {value: "qwen3.5:plus", source: seed-article,',
        'ollama: {value: "qwen3.5:plus", source: seed-articel,',
    )
    line = line_of(project, QWEN, "seed-articel")
    column = (project / QWEN).read_text(encoding="utf-8").splitlines()[line - 1].index("seed-articel") + 1
    assert errors(project) == [
        f"{QWEN}:{line}:{column}: source: no source has the id 'seed-articel'; did you mean 'seed-article'?"
    ]


# --- incomparable settings never produce a winner -----------------------------------------------


def test_measurements_are_comparable_only_under_the_same_conditions(catalog: Catalog) -> None:
    from generator.schema import Measurement

    q4 = Measurement(quantisation="q4", ram_gb=8, source="s", quote="q")
    q8 = Measurement(quantisation="q8", ram_gb=8, source="s", quote="q")
    assert provenance.comparable(catalog, q4, q4.model_copy())
    assert not provenance.comparable(catalog, q4, q8)
    assert provenance.incomparable_settings(catalog, [q4, q8]) == ("q4", "q8")


def _pair(shots_a: int, shots_b: int, quant_a: str, quant_b: str) -> tuple[str, str]:
    """Two made-up families where Delta leads on paper: higher scores, faster, under the given settings."""
    template = """id: {id}
name: {name}
maker: google
models:
  - id: {id}-8b
    name: {name} 8B
    params:
      total: {{value: 8, source: {id}-card, quote: "8B"}}
    scores:
      - {{benchmark: mmlu, value: {score}, shots: {shots}, source: {id}-card, quote: "MMLU {score}"}}
      - {{benchmark: arc-c, value: {score}, shots: {shots}, source: {id}-card, quote: "ARC-C {score}"}}
    hardware:
      - {{profile: laptop-cpu, quantisation: {quant}, ram_gb: 8, tokens_per_second: {speed}, source: {id}-card, quote: "8 GB, {speed} tok/s"}}
sources:
  - {{id: {id}-card, title: {name} card, url: "https://example.org/{id}", kind: official}}
"""
    gamma = template.format(id="gamma", name="Gamma", score=60, shots=shots_a, quant=quant_a, speed=3)
    delta = template.format(id="delta", name="Delta", score=80, shots=shots_b, quant=quant_b, speed=9)
    return gamma, delta


def _constructed(project: Path, settings: tuple[int, int], quants: tuple[str, str]) -> Catalog:
    for folder in ("families", "comparisons"):
        for path in (project / "data" / folder).glob("*.yaml"):
            path.unlink()
    gamma, delta = _pair(*settings, *quants)
    (project / "data/families/gamma.yaml").write_text(gamma, encoding="utf-8")
    (project / "data/families/delta.yaml").write_text(delta, encoding="utf-8")
    return load_catalog(project)


@pytest.mark.parametrize("comparable", [True, False])
def test_incomparable_settings_never_produce_a_winner_or_a_pick(project: Path, comparable: bool) -> None:
    settings, quants = ((5, 5), ("q4", "q4")) if comparable else ((5, 0), ("q4", "q8"))
    catalog = _constructed(project, settings, quants)
    pair = compare(catalog, "delta", "gamma")
    general = next(c for c in pair.categories if c.category.id == "general")
    picks = {r.criterion.id for r in (*decide(catalog, pair).a, *decide(catalog, pair).b)}
    if comparable:  # the control: the same figures under one setting do crown Delta
        assert general.leader.id == "delta" and all(r.winner.id == "delta" for r in general.rows)
        assert pair.hardware.leader.id == "delta" and pair.hardware.speed_ratio == 3
        assert {"general", "speed"} <= picks
        return
    assert all(not r.comparable and r.winner is None and r.best == () for r in general.rows)
    assert all(r.settings == ("0-shot", "5-shot") for r in general.rows)
    assert general.leader is None and general.own.kind == "apart" and general.higher.id == "delta"
    hw = pair.hardware
    assert hw.leader is None and hw.speed_ratio is None and hw.incomparable == ("q8", "q4")
    assert "general" not in picks and "speed" not in picks and "ram" not in picks
    page = render_site(catalog)["compare/delta-vs-gamma.md"].decode()
    row = next(line for line in page.splitlines() if line.startswith("| MMLU"))
    assert row.startswith("| MMLU ⚠ “0-shot” vs “5-shot”: not comparable | 80<sup>") and "**" not in row
    # Higher on every row, but not like-for-like: said so, never "neither leads".
    assert (
        "Delta scores higher on both benchmarks, but not like-for-like: Delta's scores are “0-shot” and "
        "Gamma's “5-shot”, so neither is named the leader." in page
    )
    assert "Neither family leads" not in page
    assert "(“q8” vs “q4”): not comparable, so no family is named the fastest" in page


# --- freshness ------------------------------------------------------------------------------------

TODAY = date(2025, 6, 1)  # 180 days after 2024-12-03; 181 after 2024-12-02

ALPHA = """id: alpha
name: Alpha
maker: google
checked: 2024-12-03  # exactly at the threshold: still fresh
license: {value: Apache 2.0, source: alpha-card, quote: "Apache 2.0"}
models:
  - id: alpha-1b
    name: Alpha 1B
    params:
      total: {value: 1, source: alpha-card, quote: "1B"}
sources:
  - {id: alpha-card, title: Alpha card, url: "https://example.org/alpha", date: 2024-01-01, kind: official}
"""

BETA = """id: beta
name: Beta
maker: google
license: {value: MIT, source: beta-card, quote: "MIT"}
released: {value: 2024-09-19, source: beta-card, quote: "released 2024-09-19", checked: 2025-05-01}
models:
  - id: beta-7b
    name: Beta 7B
    params:
      total: {value: 7, source: beta-blog, quote: "7B"}
    context_tokens: {value: 8192, source: beta-blog, quote: "8K", checked: 2024-12-02}
    scores:
      - {benchmark: mmlu, value: 60, source: beta-review, quote: "MMLU 60"}
      - {benchmark: mmlu, value: 61, source: beta-card, quote: "MMLU 61"}
sources:
  - {id: beta-card, title: Beta card, url: "https://example.org/beta", date: 2024-09-19, kind: official}
  - {id: beta-blog, title: Beta blog, url: "https://example.org/blog", date: 2024-11-12, kind: official}
  - {id: beta-review, title: Beta review, kind: third-party}
"""


@pytest.fixture
def synthetic(project: Path) -> Path:
    """The project with two made-up families whose dates, sources and conflicts are known exactly."""
    for folder in ("families", "comparisons"):
        for path in (project / "data" / folder).glob("*.yaml"):
            path.unlink()
    (project / "data/families/alpha.yaml").write_text(ALPHA, encoding="utf-8")
    (project / "data/families/beta.yaml").write_text(BETA, encoding="utf-8")
    site = project / "data/site.yaml"
    site.write_text(re.sub(r"stale_after_days: \d+", "stale_after_days: 180", site.read_text(encoding="utf-8")))
    # The shared catalog's sources are real and some postdate this made-up world's reference day (TODAY).
    catalog = project / "data/catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(re.sub(r"\n +date: (\d{4}-\d\d-\d\d)", _before_today, text), encoding="utf-8")
    return project


def _before_today(found: re.Match[str]) -> str:
    return found.group(0) if date.fromisoformat(found.group(1)) <= TODAY else ""


@pytest.fixture
def dated(synthetic: Path) -> Catalog:
    return load_catalog(synthetic)


def test_staleness_lists_exactly_the_figures_past_the_threshold_oldest_first(dated: Catalog) -> None:
    stale = provenance.index(dated, TODAY).stale()
    assert [(r.as_of.isoformat(), r.subject, r.what) for r in stale] == [
        ("2024-09-19", "Beta", "license"),
        ("2024-09-19", "Beta 7B", "MMLU score (setting not stated)"),
        ("2024-11-12", "Beta 7B", "total parameters"),
        ("2024-12-02", "Beta 7B", "context length"),
    ]
    assert [r.age_days for r in stale] == [255, 255, 201, 181]


def test_undated_figures_are_never_checked_not_stale(dated: Catalog) -> None:
    prov = provenance.index(dated, TODAY)
    (never,) = prov.never_checked()
    assert (never.subject, never.what, never.source.id, never.stale) == (
        "Beta 7B",
        "MMLU score (setting not stated)",
        "beta-review",
        False,
    )
    assert prov.family_checked(dated.families["alpha"]) == date(2024, 12, 3)
    assert prov.family_checked(dated.families["beta"]) == date(2025, 5, 1)


def test_stale_command_prints_the_report_and_never_fails(
    dated: Catalog, synthetic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(synthetic), "--today", TODAY.isoformat(), "stale"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == stale_lines(provenance.index(dated, TODAY))
    assert out[0] == "4 figure(s) older than 180 days as of 2025-06-01, oldest first:"
    assert out[1] == "  2024-09-19 (255 days, source dated)  beta: Beta license = MIT  [source: beta-card]"
    assert out[-1] == "1 figure(s) have no checked date and an undated source (never checked): beta"


def test_generate_prints_a_staleness_summary(synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(synthetic), "--today", TODAY.isoformat(), "generate"]) == 0
    assert "4 figure(s) past stale_after_days as of 2025-06-01" in capsys.readouterr().out


def test_the_reference_day_is_given_else_omc_today_else_the_last_commit(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.build import reference_day
    from tests.conftest import ROOT

    monkeypatch.setenv("OMC_TODAY", "2026-01-02")
    assert reference_day(synthetic, date(2025, 6, 1)) == date(2025, 6, 1)
    assert reference_day(synthetic) == load_catalog(synthetic).today == date(2026, 1, 2)
    monkeypatch.delenv("OMC_TODAY")
    committed = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    last_commit = datetime.fromtimestamp(int(committed.stdout), UTC).date()
    # A scratch copy of data/ is no checkout: it builds with the code's own last commit, never its newest date.
    assert reference_day(synthetic) == last_commit != date(2025, 5, 1)


def test_a_date_after_the_reference_day_is_an_error_at_its_line(synthetic: Path) -> None:
    path = synthetic / "data/families/beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("checked: 2025-05-01", "checked: 2035-05-01"))
    line = line_of(synthetic, "data/families/beta.yaml", "2035-05-01")
    with pytest.raises(DataErrors) as raised:
        load_catalog(synthetic, date(2026, 11, 29))
    (error,) = raised.value.errors
    assert str(error).startswith(f"data/families/beta.yaml:{line}:")
    assert "released.checked: 2035-05-01 is after the build's reference day 2026-11-29" in str(error)
    assert load_catalog(synthetic, date(2035, 5, 1)).today == date(2035, 5, 1)


def test_the_editor_line_names_only_families_an_editor_checked(synthetic: Path) -> None:
    path = synthetic / "data/families/alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^checked: .*\n", "", text), encoding="utf-8")
    files = render_site(load_catalog(synthetic), TODAY)
    alpha = files["families/alpha.md"].decode()
    assert "Bracketed numbers" in alpha and "by an editor" not in alpha  # "Alpha never" said nothing
    assert "Last checked by an editor: Beta on 2025-05-01." in files["families/beta.md"].decode()


def test_stale_and_maker_reported_figures_are_flagged_on_pages(dated: Catalog) -> None:
    files = render_site(dated, TODAY)
    family = files["families/beta.md"].decode()
    maker = '<span title="maker-reported">†</span>'
    stale = '<span title="not checked recently">⌛</span>'
    assert f"| License | MIT<sup>[\\[1\\]](#source-beta-card){maker}{stale}</sup> |" in family
    assert f"| Released | 2024-09-19<sup>[\\[1\\]](#source-beta-card){maker}</sup> |" in family
    assert "† marks a figure reported by the model's maker" in family and "⌛ marks a figure" in family
    assert "Last checked by an editor: Beta on 2025-05-01." in family
    model = files["models/beta-7b.md"].decode()
    # the model page's score table (pages branch): benchmark and category link to their leaderboards
    assert "| 60<sup>[\\[3\\]](#source-beta-review)</sup> | not stated |" in model
    assert "| 2024-11-12 (source date) | 201 |" in files["data-quality.md"].decode()
    assert stale not in files["families/alpha.md"].decode()


def test_maker_reported_follows_the_source_kind(dated: Catalog) -> None:
    prov = provenance.index(dated, TODAY)
    assert {r.source.id for r in prov.records if r.self_reported} == {"alpha-card", "beta-card", "beta-blog"}
    assert {r.source.id for r in prov.records if not r.self_reported} == {"beta-review"}


def test_a_figure_stated_twice_without_a_choice_is_an_open_conflict(dated: Catalog) -> None:
    (conflict,) = quality.conflicts(provenance.index(dated, TODAY))
    assert (conflict.subject, conflict.what, conflict.reason) == ("Beta 7B", "MMLU score (setting not stated)", None)
    assert (conflict.chosen.source.id, conflict.chosen.value) == ("beta-review", 60)
    assert [(s.figure.source, s.text) for s in conflict.others] == [("beta-card", "61")]
    page = render_site(dated)["data-quality.md"].decode()
    assert "1 figure on which sources disagree; 1 stated more than once with no choice made" in page
    assert "- Beta 7B, MMLU score (setting not stated): 60<sup>" in page
    assert "No two sources disagree" not in page


RECORDED = """    context_tokens:
      value: 8192
      source: beta-blog
      quote: "8K"
      chosen_because: "The blog is the later of the two."
      conflicts:
        - {value: 4096, source: beta-card, quote: "4K"}
"""


def test_recorded_conflicts_are_counted_and_shown_side_by_side(synthetic: Path) -> None:
    path = synthetic / "data/families/beta.yaml"
    before = '    context_tokens: {value: 8192, source: beta-blog, quote: "8K", checked: 2024-12-02}\n'
    path.write_text(path.read_text(encoding="utf-8").replace(before, RECORDED))
    catalog = load_catalog(synthetic)
    conflicts = quality.conflicts(provenance.index(catalog, TODAY))
    recorded = next(c for c in conflicts if c.reason)
    assert (recorded.what, recorded.chosen.value, [s.text for s in recorded.others]) == (
        "context length",
        8192,
        ["4096"],
    )
    files = render_site(catalog)
    quality_page = files["data-quality.md"].decode()
    assert "2 figures on which sources disagree; for 1 the data chose one value and says why" in quality_page
    row = next(
        line for line in files["models/beta-7b.md"].decode().splitlines() if line.startswith("| context length |")
    )
    assert row.startswith("| context length | 8K<sup>") and "| 4K<sup>" in row
    assert row.endswith("| The blog is the later of the two. |")


def test_quality_page_reports_what_each_family_lacks(dated: Catalog) -> None:
    rows = {c.family.id: c for c in quality.coverage(dated, provenance.index(dated, TODAY))}
    # only benchmarks some family reports count as missing: the catalog's unused ids are nobody's gap
    assert [b.id for b in rows["alpha"].missing_benchmarks] == ["mmlu"]
    assert "mmlu" not in [b.id for b in rows["beta"].missing_benchmarks]
    assert [m.id for m in rows["beta"].unmeasured_models] == ["beta-7b"] and rows["beta"].offers == 0
    assert rows["alpha"].figures == 2 and rows["beta"].figures == 6 and rows["beta"].maker_reported == 5


# --- citations ------------------------------------------------------------------------------------

_MARKER = re.compile(r"\]\(#(source-[a-z0-9-]+)\)")
_ANCHOR = re.compile(r"\{ #(source-[a-z0-9-]+) \}")


def test_every_cited_source_resolves_to_an_entry_on_its_page(catalog: Catalog) -> None:
    files = render_site(catalog)
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
    # A table from one source says so below it; a table whose figures come from several cites in each
    # row (the maker's name is no figure).
    uncited = [
        row
        for table, note in tables
        if not note.startswith("Source: <sup>")
        for row in table.splitlines()[2:]
        if "<sup>" not in row and not row.startswith("| Maker |")
    ]
    assert len(tables) >= 8 and uncited == []


def test_a_table_with_mixed_sources_cites_each_cell(catalog: Catalog) -> None:
    page = render_site(catalog)["compare/gemma-4-vs-qwen-2-5-coder.md"].decode()
    quick = page.split("## Quick comparison")[1].split("## Model sizes")[0]
    license_row = next(line for line in quick.splitlines() if line.startswith("| License"))
    assert "(#source-gemma-4-card)" in license_row and "(#source-qwen-2-5-coder-family-blog)" in license_row
    assert "Source: <sup>" not in quick


def test_every_source_cited_on_the_default_site_resolves_to_a_source_entry(
    default_site: Path, catalog: Catalog
) -> None:
    cited_total = 0
    for page in sorted(default_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        cited = set(re.findall(r'href="#(source-[a-z0-9-]+)"', html))
        entries = set(re.findall(r'<li id="(source-[a-z0-9-]+)"', html))
        assert cited <= entries, f"{page}: {sorted(cited - entries)} cited but not listed"
        assert {e.removeprefix("source-") for e in entries} <= set(catalog.sources), page
        cited_total += len(cited)
    assert cited_total >= 20
    methods = (default_site / "data-and-methods/index.html").read_text(encoding="utf-8")
    assert all(f'id="source-{s}"' in methods for s in catalog.sources)


def test_methods_page_states_the_thresholds_from_the_data(project: Path, edit: Edit) -> None:
    edit("data/criteria.yaml", "strong_margin: {percent: 5,", "strong_margin: {percent: 7,")
    edit("data/site.yaml", "stale_after_days: 180", "stale_after_days: 365")
    edit("data/criteria.yaml", "measure: context\n    threshold: 1.5", "measure: context\n    threshold: 2")
    page = render_site(load_catalog(project))["data-and-methods.md"].decode()
    assert "each by\n  7 points or more" in page
    assert "A figure older than\n365 days" in page
    assert "| You want longer context (… vs …) | one family's longest context is at least 2x the other's |" in page
    assert "| You need to run on limited hardware (8 GB RAM or less) |" in page
