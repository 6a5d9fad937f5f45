"""Every comparative sentence of every generated comparison page, checked against the table above it.

The sentences are worded from the verdict engine (generator/derive/verdicts.py); this test does not
ask the engine. It reads each page as a reader would: the benchmark table of a section (a column per
model, a row per benchmark and setting, ⚠ on rows whose settings differ) and the sentence under it,
and recounts who is higher, on how many rows, and by how much. A sentence that its own table
contradicts ("Neither family leads" above a table one side sweeps, "decisively" on one benchmark, a
family leading where its own models trail) fails here, whatever the code that wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from generator import schema
from generator.build import render_site
from generator.model import Catalog

SENTENCE = re.compile(
    r"^(?P<side>.+?) (?:leads on (?P<topic>.+?)|wins (?P<topic_strong>.+?) decisively): "
    r"(?P<won>.+?) (?:is|are) higher than (?P<lost>.+?) on (?P<count>.+?) comparable benchmarks?\b"
)
NEITHER = re.compile(r"^Neither family leads on (?P<topic>.+?):")
APART = re.compile(r"^(?P<side>.+?) scores higher on (?P<count>.+?) benchmarks?, but not like-for-like")
VARIANT = re.compile(
    r"^(?P<side>.+?)'s dedicated \[(?P<family>.+?)\]\(.+?\) family has the stronger (?P<topic>.+?) model: "
    r"(?P<won>.+?) (?:is|are) higher than (?P<lost>.+?) on (?P<count>.+?) comparable benchmarks?\b"
)
CELL = re.compile(r"^\**(?P<value>[0-9][0-9,]*(?:\.[0-9]+)?)")


@dataclass(frozen=True)
class TableRow:
    benchmark: schema.Benchmark
    comparable: bool
    cells: dict[str, float]  # model id -> value


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[TableRow, ...]
    sentences: tuple[str, ...]


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return {
        path: body.decode()
        for path, body in render_site(catalog).items()
        if path.startswith("compare/") and path.endswith(".md") and path != "compare/index.md" and "-vs-" in path
    }


def _benchmark(catalog: Catalog, label: str) -> schema.Benchmark:
    """The benchmark a row's label names (the longest name that starts it: `MMLU-Pro` before `MMLU`)."""
    names = sorted(
        ((bm.name + (f" ({bm.subtitle})" if bm.subtitle else ""), bm) for bm in catalog.benchmarks.values()),
        key=lambda p: -len(p[0]),
    )
    return next(bm for name, bm in names if label == name or label.startswith((name + " ", name + ",")))


def sections(catalog: Catalog, page: str) -> list[Section]:
    """The benchmark sections of a comparison page: each table's rows and the prose under it."""
    by_name = {m.name: m for m in catalog.models.values()}
    body = page.split("## Benchmarks", 1)[-1].split("\n## ", 1)[0]
    found = []
    for chunk in body.split("\n### ")[1:]:
        title, _, rest = chunk.partition("\n")
        lines = rest.splitlines()
        header = next((line for line in lines if line.startswith("| Benchmark |")), None)
        rows: list[TableRow] = []
        if header:
            columns = [by_name[name.strip()].id for name in header.strip("|").split("|")[1:]]
            start = lines.index(header) + 2
            for line in lines[start:]:
                if not line.startswith("| "):
                    break
                label, *cells = (c.strip() for c in line.strip().strip("|").split(" | "))
                values = {
                    model: float(match["value"].replace(",", ""))
                    for model, cell in zip(columns, cells, strict=True)
                    if (match := CELL.match(cell))
                }
                bench_label = label.split(" ⚠ ", 1)[0]
                rows.append(TableRow(_benchmark(catalog, bench_label), "⚠" not in label, values))
        prose = tuple(line for line in lines if line and not line.startswith(("|", "!", "Source:")))
        found.append(Section(title.split(" {#", 1)[0], tuple(rows), prose))
    return found


def best(catalog: Catalog, row: TableRow, family: str) -> float | None:
    own = [v for m, v in row.cells.items() if catalog.family_of[m] == family]
    if not own:
        return None
    return max(own) if row.benchmark.higher_is_better else min(own)


def tally(
    catalog: Catalog, rows: tuple[TableRow, ...], families: tuple[set[str], set[str]], comparable: bool = True
) -> tuple[list[float], list[float]]:
    """Each side's margins on the rows it is higher on by at least the tie margin (comparable rows)."""
    won: tuple[list[float], list[float]] = ([], [])
    for row in rows:
        if row.comparable != comparable:
            continue
        tops = []
        for fams in families:
            own = [v for m, v in row.cells.items() if catalog.family_of[m] in fams]
            tops.append((max(own) if row.benchmark.higher_is_better else min(own)) if own else None)
        if None in tops:
            continue
        a, b = tops
        sign = 1 if row.benchmark.higher_is_better else -1
        diff = sign * (a - b)  # type: ignore[operator]
        tie = getattr(catalog.verdicts.tie_margin, row.benchmark.unit) if comparable else 0
        if abs(diff) >= tie and diff != 0:
            won[0 if diff > 0 else 1].append(abs(diff))
    return won


def count_of(text: str) -> tuple[int, int | None]:
    """`2 of the 3` / `2 of 3` -> (2, 3); `both` -> (2, 2); `all 3` -> (3, 3); `the one` -> (1, 1)."""
    if m := re.match(r"(\d+) of (?:the )?(\d+)", text):
        return int(m[1]), int(m[2])
    if text == "both":
        return 2, 2
    if m := re.match(r"all (\d+)", text):
        return int(m[1]), int(m[1])
    if text == "the one":
        return 1, 1
    raise AssertionError(f"unexpected count {text!r}")


def test_every_comparative_sentence_agrees_with_its_table(catalog: Catalog, pages: dict[str, str]) -> None:
    strong = catalog.verdicts.strong_margin
    checked = 0
    wrong: list[str] = []
    for path, page in pages.items():
        ids = path.removeprefix("compare/").removesuffix(".md").split("-vs-")
        names = {catalog.families[i].name: i for i in ids}
        for section in sections(catalog, page):
            for sentence in section.sentences:
                where = f"{path} § {section.title}: {sentence[:160]}"
                if m := NEITHER.match(sentence):
                    a, b = tally(catalog, section.rows, ({ids[0]}, {ids[1]}))
                    checked += 1
                    if len(a) != len(b):
                        wrong.append(f"{where} — but the table has {len(a)} vs {len(b)} comparable wins")
                elif m := SENTENCE.match(sentence):
                    side = names[m["side"]]
                    other = next(i for i in ids if i != side)
                    mine, theirs = tally(catalog, section.rows, ({side}, {other}))
                    won, of = count_of(m["count"])
                    checked += 1
                    if not len(mine) > len(theirs) or won != len(mine):
                        wrong.append(f"{where} — but the table has {len(mine)} vs {len(theirs)} comparable wins")
                    if m["topic_strong"]:
                        distinct = {r.benchmark.id for r in section.rows if r.comparable}
                        margins_ok = all(x >= strong.percent - 1e-9 for x in mine)
                        if theirs or len(distinct) < catalog.verdicts.strong_min_benchmarks or not margins_ok:
                            wrong.append(
                                f"{where} — 'decisively' without a sweep of ≥2 benchmarks by the strong margin"
                            )
                elif m := VARIANT.match(sentence):
                    side = names[m["side"]]
                    other = next(i for i in ids if i != side)
                    helpers = {v.id for v in catalog.variants_of(side)} | {side}
                    mine, theirs = tally(catalog, section.rows, (helpers, {other}))
                    checked += 1
                    if not len(mine) > len(theirs):
                        wrong.append(f"{where} — but with its variants it wins {len(mine)} vs {len(theirs)}")
                elif m := APART.match(sentence):
                    side = names[m["side"]]
                    other = next(i for i in ids if i != side)
                    mine, theirs = tally(catalog, section.rows, ({side}, {other}), comparable=False)
                    checked += 1
                    if theirs or not mine or any(r.comparable for r in section.rows):
                        wrong.append(f"{where} — but it is not higher on every row, or some rows compare")
    assert checked > 100, "the sentence patterns no longer match the pages' wording"
    assert not wrong, "\n".join(wrong[:30])


def test_no_page_says_neither_leads_above_a_table_one_family_sweeps(catalog: Catalog, pages: dict[str, str]) -> None:
    """The issue's first complaint: a sweep, comparable or not, is never "neither leads"."""
    wrong = []
    for path, page in pages.items():
        ids = path.removeprefix("compare/").removesuffix(".md").split("-vs-")
        for section in sections(catalog, page):
            said = [s for s in section.sentences if NEITHER.match(s)]
            if not said or all("but not like-for-like" in s for s in said):
                continue  # even where compared, and the rest said to be higher in another setting
            tops = [(best(catalog, r, ids[0]), best(catalog, r, ids[1]), r) for r in section.rows]
            tops = [(a, b, r) for a, b, r in tops if a is not None and b is not None]
            tie = catalog.verdicts.tie_margin
            past = [
                (a - b) * (1 if r.benchmark.higher_is_better else -1)
                for a, b, r in tops
                if abs(a - b) >= getattr(tie, r.benchmark.unit)
            ]
            if past and (all(d > 0 for d in past) or all(d < 0 for d in past)):
                wrong.append(f"{path} § {section.title}")
    assert not wrong, wrong


def test_pick_lists_agree_with_the_benchmark_verdicts(catalog: Catalog, pages: dict[str, str]) -> None:
    """A "Pick X if: Coding is your primary use case" item stands only under the family the coding
    section names as leading (by its own models or its dedicated variant): the pick list and the
    verdict above it answer the same question, so they may not disagree."""
    picks = {c.category: c for c in catalog.criteria if c.measure == "category" and c.category}
    wrong = []
    checked = 0
    for path, page in pages.items():
        ids = path.removeprefix("compare/").removesuffix(".md").split("-vs-")
        names = {catalog.families[i].name: i for i in ids}
        verdicts = {s.title: " ".join(s.sentences) for s in sections(catalog, page)}
        pick_part = page.split("## Which should you pick?", 1)[-1].split("\n## ", 1)[0]
        for block in re.split(r"\n\*\*Pick ", pick_part)[1:]:
            name, _, items = block.partition(" if:**")
            if name not in names:
                continue  # "Use both" and other blocks
            for category_id, criterion in picks.items():
                wording = criterion.pick.split(" (", 1)[0]
                if f"\n- {wording}" not in items:
                    continue
                title = catalog.categories[category_id].name
                said = verdicts.get(title, "")
                topic = catalog.categories[category_id].topic
                checked += 1
                claims = (f"{name} leads on {topic}", f"{name} wins {topic} decisively", f"{name}'s dedicated")
                if not any(c in said for c in claims):
                    wrong.append(f"{path}: 'Pick {name} if: {wording}' but § {title} says: {said[:200]}")
    assert checked > 50
    assert not wrong, "\n".join(wrong[:20])


def test_every_flowchart_is_whole(pages: dict[str, str]) -> None:
    """At least two questions, each with the pick its "yes" leads to, and no "Use both" after a "no"
    to the means one side needs. The chart is a list (render/flowchart.py): every item is reached by
    answering "no" to the ones before it, so no pick can be unreachable."""
    checked = 0
    for path, page in pages.items():
        if '<ol class="omc-flow"' not in page:
            continue
        chart = page.split('<ol class="omc-flow"', 1)[1].split("</ol>", 1)[0]
        steps = re.findall(r'<li class="omc-flow__step">(.*?)</li>', chart)
        (end,) = re.findall(r'<li class="omc-flow__end">(.*?)</li>', chart)
        checked += 1
        assert len(steps) >= 2, path
        assert all("Yes: pick " in step for step in steps), path
        if re.search(r"You have [^<]*GB RAM\?", steps[-1]):
            assert "Use both" not in end, f"{path}: 'Use both' after a no to {steps[-1]}"
    assert checked > 50
