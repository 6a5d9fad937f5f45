"""`make serve` renders only what a save touches: and what it writes is what a whole build writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import OUTPUT, Report, Session, generate, load_catalog
from generator.derive.guide import ranked_categories


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def checked_on(path: Path, day: str) -> None:
    """Date the family's last check by an editor: it shows on every page citing one of its figures."""
    text = path.read_text(encoding="utf-8")
    if re.search(r"^checked: .*$", text, flags=re.MULTILINE):
        text = re.sub(r"^checked: .*$", f"checked: {day}", text, count=1, flags=re.MULTILINE)
    else:
        text = re.sub(r"^(maker: .*)$", rf"\1\nchecked: {day}", text, count=1, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


def pages_of(report: Report) -> tuple[object, ...]:
    assert report.previous is not None
    return report.previous.plan.pages


@pytest.fixture
def session(project: Path) -> Session:
    session = Session(project)
    assert len(session.generate().rendered) > 100
    return session


def assert_same_as_a_whole_build(project: Path, elsewhere: pytest.TempPathFactory) -> None:
    whole = elsewhere.mktemp("whole") / "docs"  # outside the project, whose every file is an input
    generate(project, out=whole, reuse_pages=False)
    assert files(project / OUTPUT) == files(whole)


def test_edits_to_one_family_after_another_render_fewer_pages_and_the_same_bytes(
    session: Session, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """One save after another, as an editor works: each renders only the pages showing that family
    (a curated pair's side, a variant, a successor, a family of distilled models), and the folder is
    then exactly what a whole build writes."""
    for day, family in enumerate(("gemma-4", "qwen-2-5-coder", "qwen-3-6", "deepseek-r1"), start=2):
        checked_on(project / f"data/families/{family}.yaml", f"2025-01-0{day}")
        report = session.generate()
        assert 0 < len(report.rendered) < len(pages_of(report)) * 3 // 4, (family, len(report.rendered))
        assert report.stats.written > 0
        assert_same_as_a_whole_build(project, tmp_path_factory)


def test_a_score_edit_renders_that_benchmark_s_leaderboards_not_the_others(
    session: Session, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Phi-4's MMLU changes: the MMLU leaderboard and its category's are rendered again (and Phi-4's
    own pages), no other benchmark's, and of the pages about one or two models only Phi-4 14B's (its
    page and matchups, not Phi-4-reasoning's); the folder is then exactly what a whole build writes."""
    family = project / "data/families/phi-4.yaml"
    text = family.read_text(encoding="utf-8")
    score = "        value: 84.8\n        variant: instruct\n"
    quote = 'quote: "simple-evals MMLU 84.8 '
    assert text.count(score) == text.count(quote) == 1
    edited = text.replace(score, score.replace("84.8", "84.6")).replace(quote, quote.replace("84.8", "84.6"))
    family.write_text(edited, encoding="utf-8")
    report = session.generate()
    rendered = set(report.rendered)
    category = load_catalog(project).benchmarks["mmlu"].category
    assert {"benchmarks/mmlu.md", f"leaderboards/{category}.md", "families/phi-4.md"} <= rendered
    assert "benchmarks/gpqa.md" not in rendered and "benchmarks/humaneval.md" not in rendered
    about_models = {p for p in rendered if p.startswith(("models/", "matchups/")) and not p.endswith("index.md")}
    assert "models/phi-4-14b.md" in about_models and any(p.startswith("matchups/") for p in about_models)
    assert all("phi-4-14b" in p for p in about_models), sorted(about_models)
    # Comparisons whose related links merely consider a Phi-4 pair (by its release date) are left alone.
    assert {p for p in rendered if p.startswith("compare/") and "phi-4" not in p} <= {"compare/index.md"}
    assert "84.6" in (project / OUTPUT / "benchmarks/mmlu.md").read_text(encoding="utf-8")
    assert_same_as_a_whole_build(project, tmp_path_factory)


def test_a_score_the_guide_does_not_rank_by_leaves_the_guide_alone(
    session: Session, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Phi-4's IFEval (in a category none of the guide's answers ranks by) changes: the guide, the
    costliest page to render, is left alone, and so are the pages that show no score (pricing,
    releases); the folder is then exactly what a whole build writes."""
    family = project / "data/families/phi-4.yaml"
    text = family.read_text(encoding="utf-8")
    edits = [("value: 63.0\n", "value: 62.9\n"), ("IFEval 63.0 ", "IFEval 62.9 ")]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    family.write_text(text, encoding="utf-8")
    catalog = load_catalog(project)
    assert catalog.guide is not None
    assert catalog.benchmarks["ifeval"].category not in ranked_categories(catalog.guide)
    rendered = set(session.generate().rendered)
    assert "benchmarks/ifeval.md" in rendered and "guide.md" not in rendered
    assert not {"pricing/index.md", "releases/index.md"} & rendered  # offers and dates, no score
    assert_same_as_a_whole_build(project, tmp_path_factory)


def test_an_edit_to_shared_data_or_a_name_renders_every_page(
    session: Session, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = project / "data/site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("stale_after_days: ", "stale_after_days: 1"), "utf-8")
    report = session.generate()
    assert len(report.rendered) == len(pages_of(report))
    assert_same_as_a_whole_build(project, tmp_path_factory)
    family = project / "data/families/phi-4.yaml"
    family.write_text(family.read_text(encoding="utf-8").replace("name: Phi-4\n", "name: Phi Four\n", 1), "utf-8")
    report = session.generate()
    assert len(report.rendered) == len(pages_of(report))  # its name is on every page linking it
    assert "Phi Four" in (project / OUTPUT / "families/index.md").read_text(encoding="utf-8")
    assert_same_as_a_whole_build(project, tmp_path_factory)


def test_output_touched_by_hand_is_rendered_again(
    session: Session, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    page = project / OUTPUT / "families/phi-4.md"
    page.write_text("edited by hand\n", encoding="utf-8")
    checked_on(project / "data/families/gemma-4.yaml", "2025-01-02")
    session.generate()
    assert_same_as_a_whole_build(project, tmp_path_factory)
