"""The built site in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).

The site is served on 127.0.0.1 under its deployment path (site_url's path, as on GitHub Pages), so
404.html's absolute links work too. Screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import math
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.model import Catalog
from tests.sitecheck import ROOT

ARTIFACTS = ROOT / "test-artifacts"
COMPARISON = "compare/gemma-4-vs-qwen-3-5/"
TIMEOUT_MS = 15_000  # generous: two cores shared with other builds


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ under a path prefix; anything outside it is a 404, as on the real host."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".missing")
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # keep pytest's output for failures

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's 404.html, as GitHub Pages serves it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path, prefix: str) -> Iterator[str]:
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base_url(default_site: Path) -> Iterator[str]:
    from mkdocs.config import load_config

    prefix = urlsplit(load_config(str(default_site.parent / "mkdocs.yml"))["site_url"]).path or "/"
    yield from serve(default_site, prefix)


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page (no stored palette choice) that fails the test on any script error or alert."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()
    assert not problems


def screenshot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    # A full-page shot of a long page takes a while on a loaded machine: a screenshot is a record for a
    # reader to look at, not what a test asserts, so it gets a minute.
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, timeout=60_000)  # type: ignore[attr-defined]


def test_home_page(page: object, base_url: str) -> None:
    page.goto(base_url)
    assert "Open Model Compare" in page.title()
    assert page.locator("article h1").first.is_visible()
    assert page.locator(f'article a[href*="{COMPARISON}"]').count() > 0
    screenshot(page, "home")


def shown_charts(page: object, twin: str) -> list[str]:
    """The charts drawn for one palette (Material's #only-light / #only-dark images) that are visible
    and actually loaded; each is scrolled into view first, since charts load lazily."""
    images = page.locator(f'article img[src*="#only-{twin}"]')
    shown = []
    for i in range(images.count()):
        image = images.nth(i)
        if image.evaluate("img => getComputedStyle(img).display === 'none'"):
            continue  # the palette hides this twin
        image.scroll_into_view_if_needed()  # a lazy image has no size until it is loaded
        image.evaluate("img => img.complete || new Promise(done => { img.onload = img.onerror = done; })")
        if image.is_visible() and image.evaluate("img => img.naturalWidth > 0"):
            shown.append(image.get_attribute("src"))
    return shown


def test_palette_toggle_switches_light_and_dark(page: object, base_url: str) -> None:
    """Material's palette toggle; each chart's light twin is the one shown in light, the dark one in dark."""
    page.emulate_media(color_scheme="light")
    page.goto(base_url + COMPARISON)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    charts = page.locator('article img[src*="#only-light"]').count()
    assert len(shown_charts(page, "light")) == charts
    assert not shown_charts(page, "dark")
    screenshot(page, "comparison-light")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    assert len(shown_charts(page, "dark")) == page.locator('article img[src*="#only-dark"]').count() == charts
    assert not shown_charts(page, "light")
    screenshot(page, "comparison-dark")


def search(page: object, text: str) -> None:
    """Type into Material's search once its lunr index is ready (built in a web worker: keys typed
    before that are lost)."""
    query = page.locator("input.md-search__input")  # in the header at desktop width
    query.click()
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
    query.press_sequentially(text)


def test_search_finds_the_comparison_by_model_name(page: object, base_url: str) -> None:
    page.goto(base_url)
    # The two families' names as a reader types them; the pair page's title has both, so it ranks in
    # the first results (the model-vs-model matchup pages rank first for model names).
    search(page, "Qwen 3.5 vs Gemma 4")
    result = page.locator(f'.md-search-result a[href*="{COMPARISON}"]').first
    result.wait_for(state="visible")
    screenshot(page, "search")
    result.click()
    page.wait_for_url(f"**/{COMPARISON}**")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("coding", [COMPARISON, "best/coding-locally/"]),
        ("8 GB", ["best/under-8-gb/", "hardware/"]),
        ("Gemma", [COMPARISON]),
    ],
)
def test_search_brings_the_verdict_pages_first(page: object, base_url: str, query: str, expected: list[str]) -> None:
    """Issue 17: a reader's query brings the pages that answer it (the rankings, the hardware guide, a
    curated comparison by its verdicts) among the first results, above the pages that merely mention it."""
    page.goto(base_url)
    search(page, query)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.wait_for_timeout(500)  # the worker answers each key typed: let the last answer land
    first = page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.slice(0, 5).map(a => new URL(a.href).pathname)"
    )
    prefix = urlsplit(base_url).path
    assert {prefix + e for e in expected} <= set(first), first
    if query == "coding":
        screenshot(page, "search-coding")


def test_reverse_order_url_lands_on_the_canonical_page(page: object, base_url: str) -> None:
    page.goto(base_url + "compare/qwen-3-5-vs-gemma-4/")
    page.wait_for_url(base_url + COMPARISON)
    assert page.locator("article h1").first.inner_text().startswith("Qwen 3.5 vs Gemma 4")


def test_a_pair_without_a_page_lands_on_the_compare_page(page: object, base_url: str) -> None:
    """A pair published before that has no page now has a static redirect; any other pair of families
    or models gets there through the 404 page's script, with both ids in the query."""
    for asked, landed in (
        ("compare/gemma-3-vs-llama-3-1/", "compare/?f=gemma-3&f=llama-3-1"),
        ("compare/acme-1-vs-acme-2/", "compare/?f=acme-1&f=acme-2"),
        ("matchups/acme-1-small-vs-acme-2-big/", "compare/?m=acme-1-small&m=acme-2-big"),
        ("embed/acme-1-vs-acme-2.html", "compare/?f=acme-1&f=acme-2"),
    ):
        page.goto(base_url + asked)  # type: ignore[attr-defined]
        page.wait_for_url(base_url + landed)  # type: ignore[attr-defined]


def column(page: object, table: object, index: int) -> list[str]:
    return table.locator(f"tbody tr td:nth-child({index + 1})").all_inner_texts()  # type: ignore[attr-defined]


def test_a_click_on_a_header_sorts_the_table(page: object, base_url: str) -> None:
    page.goto(base_url + COMPARISON)
    table = page.locator("article table", has=page.locator("th", has_text="Params")).first
    before = column(page, table, 0)
    assert before != sorted(before), "pick a table whose first column is not already in order"
    header = table.locator("th").first
    header.click()
    after = column(page, table, 0)
    assert sorted(after) == sorted(before)
    assert after in (sorted(before, key=str.lower), sorted(before, key=str.lower, reverse=True))
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    screenshot(page, "sorted-table")


def test_the_picker_answers(page: object, base_url: str) -> None:
    """The guide's interactive picker (docs/assets/picker.js): answering its questions leads to a
    recommendation with links to models, and the answers are in the URL, so the link reproduces it."""
    page.goto(base_url + "guide/")
    picker = page.locator("#picker")
    picker.wait_for(state="visible")
    result = picker.locator(".admonition.success")
    for _ in range(10):  # the tree is a few questions deep; each answer asks the next or recommends
        if result.count():
            break
        picker.locator("fieldset").last.locator("input").last.check()
    assert result.count() == 1
    assert result.locator("a[href*='models/']").count() > 0
    answered = page.url
    assert "?" in answered
    screenshot(page, "picker")
    recommendation = result.inner_text()
    page.goto(answered)
    picker.locator(".admonition.success").wait_for(state="visible")
    assert picker.locator(".admonition.success").inner_text() == recommendation


# Settings the calculator is set to, and checked against derive/memory.py: the default, the grid's
# corners, a context no table shows, and a model whose maker ships its own format.
CALCULATOR_CASES = [
    ("gemma-4-26b", "q4_k_m", 8192, "f16"),
    ("gemma-4-26b", "q8_0", 32768, "q4_0"),
    ("llama-3-1-8b", "q5_k_m", 20000, "q8_0"),
    ("deepseek-v3-671b", "q6_k", 131072, "f16"),
    ("gpt-oss-20b", "mxfp4", 4096, "q8_0"),
]


def _calculator_cells(page: object) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    memory = {
        row.get_attribute("data-part"): row.inner_text()
        for row in page.locator("#memory-calculator [data-part]").all()  # type: ignore[attr-defined]
    }
    speeds = {}
    for row in page.locator("#memory-calculator tr[data-profile]").all():  # type: ignore[attr-defined]
        cells = row.locator("td").all_inner_texts()
        speeds[row.get_attribute("data-profile")] = (cells[1], cells[2])
    return memory, speeds


def _expected(catalog: object, model_id: str, quant: str, context: int, kv: str) -> tuple[dict, dict]:
    from generator.derive import memory
    from generator.render import format as fmt

    est = memory.estimate(catalog, model_id, quant, context, kv)
    assert est is not None, (model_id, quant, context, kv)
    parts = {
        "Weights": est.weights_gb,
        "Key-value cache": est.kv_gb,
        "Runtime overhead": est.overhead_gb,
        "Total": est.total_gb,
    }
    speeds = {
        s.profile.id: ("yes" if s.fits else "no", f"≤ {fmt.tps(s.tokens_per_second)}" if s.tokens_per_second else "—")
        for s in memory.speeds(catalog, model_id, est)
    }
    return {k: fmt.gb(v) for k, v in parts.items()}, speeds


@pytest.mark.parametrize(("model_id", "quant", "context", "kv"), CALCULATOR_CASES)
def test_the_calculator_matches_the_derivation(
    page: object, base_url: str, catalog: object, model_id: str, quant: str, context: int, kv: str
) -> None:
    """The model page's calculator (docs/assets/calculator.js) computes from api/v1/memory.json what
    generator/derive/memory.py computes, to the digit the page shows."""
    page.goto(base_url + f"models/{model_id}/")  # type: ignore[attr-defined]
    page.locator("#memory-calculator table").first.wait_for(state="visible")  # type: ignore[attr-defined]
    page.select_option("#calculator-format", quant)  # type: ignore[attr-defined]
    page.fill("#calculator-context", str(context))  # type: ignore[attr-defined]
    page.select_option("#calculator-cache", kv)  # type: ignore[attr-defined]
    assert _calculator_cells(page) == _expected(catalog, model_id, quant, context, kv)
    if (model_id, quant) == ("gemma-4-26b", "q8_0"):
        screenshot(page, "calculator")


def test_the_hardware_guide_calculator_switches_models(page: object, base_url: str, catalog: object) -> None:
    """The guide's calculator offers every derived model; picking one shows that model's figures."""
    page.goto(base_url + "hardware/")  # type: ignore[attr-defined]
    page.locator("#memory-calculator table").first.wait_for(state="visible")  # type: ignore[attr-defined]
    page.select_option("#calculator-model", "llama-3-1-70b")  # type: ignore[attr-defined]
    page.select_option("#calculator-format", "q4_k_m")  # type: ignore[attr-defined]
    page.fill("#calculator-context", "8192")  # type: ignore[attr-defined]
    page.select_option("#calculator-cache", "f16")  # type: ignore[attr-defined]
    assert _calculator_cells(page) == _expected(catalog, "llama-3-1-70b", "q4_k_m", 8192, "f16")


def test_the_calculator_refuses_a_context_past_the_maximum(page: object, base_url: str) -> None:
    page.goto(base_url + "models/llama-3-1-8b/")  # type: ignore[attr-defined]
    page.locator("#memory-calculator table").first.wait_for(state="visible")  # type: ignore[attr-defined]
    page.fill("#calculator-context", "200000")  # type: ignore[attr-defined]
    assert "at most 128K tokens" in page.locator("#memory-calculator .calculator-output").inner_text()  # type: ignore[attr-defined]


def test_the_compare_page_puts_any_two_models_side_by_side(page: object, base_url: str) -> None:
    for query in ("?m=qwen-3-8b&m=llama-3-1-8b", "?m=llama-3-1-8b&m=qwen-3-8b"):  # either order
        page.goto(base_url + "compare/" + query)
        result = page.locator("#compare")
        result.locator("h2", has_text="Benchmarks").wait_for()
        assert {"Qwen3-8B", "Llama 3.1 8B"} <= set(result.locator("thead th").all_inner_texts())
        assert result.locator("td.omc-compare__best").count() > 0  # a winner marked in the scores
        assert result.locator("#compare-source-1 a").count() == 1  # figures cite their sources
        assert page.locator('form.omc-pick input[name="m"]').first.input_value() in query
    screenshot(page, "compare-models")


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("?m=qwen-3-8&m=llama-3-1-8b", "no model called"),
        ("?m=qwen-3-8b&m=qwen-3-8b", "twice"),
        ("?m=qwen-3-8b&m=llama-3-1-8b&m=gemma-4-26b&m=qwen-3-4b", "at most 3"),
        ("?m=qwen-3-8b", "one more"),
        ("?m=qwen-3-8b&f=gemma-4", "not both"),
    ],
)
def test_a_bad_compare_address_says_what_is_wrong(page: object, base_url: str, query: str, says: str) -> None:
    page.goto(base_url + "compare/" + query)
    box = page.locator("#compare .admonition")
    box.wait_for()
    assert says in box.inner_text()
    if "no model called" in says:
        assert "Qwen3-8B (qwen-3-8b)" in box.inner_text()  # the closest match, as a link
        box.locator("a", has_text="qwen-3-8b").first.click()
        page.locator("#compare h2", has_text="Benchmarks").wait_for()


def test_a_family_pair_without_a_page_shows_context_from_its_models(page: object, base_url: str) -> None:
    """Llama 3.1 and Qwen3 state their context per model: the families' table shows the longest (the
    API's max_context_tokens), not a dash that reads as "unknown"."""
    page.goto(base_url + "compare/?f=llama-3-1&f=qwen-3")
    row = page.locator("#compare tr", has_text="Max context")
    row.wait_for()
    assert row.inner_text().count("128K") == 2


def test_a_family_pair_with_a_page_goes_to_it(page: object, base_url: str) -> None:
    page.goto(base_url + "compare/?f=qwen-3-5&f=gemma-4")
    page.wait_for_url("**/" + COMPARISON)


def test_the_flagships_tables_work_on_a_phone(browser: object, base_url: str) -> None:
    """At 390 px a table of up to four columns fits the screen, so who wins a row is in view without
    sideways scrolling; a wider one keeps its first column (what the row is) in view as it scrolls."""
    context = browser.new_context(viewport={"width": 390, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + COMPARISON)
    tables = page.locator("article table")
    assert tables.count() >= 5
    overflowing = page.evaluate(
        "() => [...document.querySelectorAll('article table')]"
        ".filter(t => t.scrollWidth > t.closest('.md-typeset__scrollwrap, article').clientWidth + 1)"
        ".map(t => [t.rows[0].cells.length, t.rows[0].innerText])"
    )
    assert not [text for columns, text in overflowing if columns <= 4]
    for i in range(tables.count()):
        first = tables.nth(i).locator("tr > :first-child").first
        assert first.evaluate("c => getComputedStyle(c).position") == "sticky"
    screenshot(page, "comparison-390")
    context.close()


def test_size_filter_labels_name_their_bounds() -> None:
    """The size classes' names (render/format.py), from bounds fixed here rather than site.yaml's: a
    wrong name fails whatever the data says."""
    from generator.render.format import size_class_labels

    assert size_class_labels([4, 15, 40]) == ("Up to 4B", "4B to 15B", "15B to 40B", "Over 40B")
    assert size_class_labels([1.5, 1000]) == ("Up to 1.5B", "1.5B to 1T", "Over 1T")
    assert size_class_labels([8]) == ("Up to 8B", "Over 8B")


def _billions(params: str) -> float | None:
    """A Parameters cell's total size as a reader reads it ("9B active (32B total)", "~1.2T", "—")."""
    found = re.search(r"([\d.,]+)([BT]) total", params) or re.fullmatch(r"~?([\d.,]+)([BT])", params)
    if not found:
        return None
    value = float(found[1].replace(",", ""))
    return value * 1000 if found[2] == "T" else value


def test_leaderboard_filters_keep_only_the_rows_they_name(page: object, base_url: str, catalog: Catalog) -> None:
    """The size and licence filters (docs/assets/filter.js) over a leaderboard's tables: each size
    class keeps the rows whose total parameters, as the cell shows them, fall in it (a mixture of
    experts by its total), every row with a size in exactly one class; a licence keeps only its rows,
    and a table left with no row says so instead of showing a bare header. The classes are
    site.yaml's, named as the generator names them."""
    from generator.render.format import size_class_labels

    page.goto(base_url + "leaderboards/coding/")  # type: ignore[attr-defined]
    bar = page.locator(".omc-filters")  # type: ignore[attr-defined]
    sizes = bar.locator("select").nth(0)
    bounds = list(catalog.site.size_classes_b)
    classes = list(zip(size_class_labels(bounds), [0, *bounds], [*bounds, math.inf], strict=True))
    assert sizes.locator("option").all_inner_texts() == ["Any size", *(label for label, _, _ in classes)]
    total = int(bar.locator("output").inner_text().split(" of ")[1].split()[0])
    visible_rows = """() => [...document.querySelectorAll('article table')].flatMap(t => {
        const head = [...t.tHead.rows[0].cells].map(c => c.textContent.trim());
        return [...t.tBodies[0].rows].filter(r => !r.hidden && !r.closest('[hidden]')).map(r => {
            const text = i => r.cells[i].textContent.replace(/\\[\\d+\\]|†/g, '').trim();
            return [text(head.indexOf('Parameters')), text(head.indexOf('License'))];
        });
    })"""
    every = page.evaluate(visible_rows)  # type: ignore[attr-defined]
    assert len(every) == total
    placed = 0
    for label, low, high in classes:
        sizes.select_option(label=label)
        shown = page.evaluate(visible_rows)  # type: ignore[attr-defined]
        for params, _ in shown:
            assert low < (_billions(params) or math.nan) <= high, (label, params)
        assert bar.locator("output").inner_text() == f"Showing {len(shown)} of {total} rows"
        placed += len(shown)
    assert placed == sum(1 for params, _ in every if _billions(params) is not None) > 0
    bar.locator("select").nth(1).select_option(label="MIT")
    emptied = False
    for label, _, _ in [("Any size", None, None), *classes]:
        sizes.select_option(label=label)
        shown = page.evaluate(visible_rows)  # type: ignore[attr-defined]
        assert {license for _, license in shown} <= {"MIT"}
        if label == "Any size":
            assert shown
        empty = page.locator(".omc-filters__empty:visible")  # type: ignore[attr-defined]
        if empty.count():
            assert empty.first.inner_text() == "No model in this table matches the filters."
            emptied = True
    assert emptied
    sizes.select_option(label="Any size")
    bar.locator("select").nth(1).select_option(label="Any license")
    assert bar.locator("output").inner_text() == f"Showing {total} of {total} rows"


# Each table's cells, word by word: a piece of a word (split at spaces, and after a hyphen, where a line
# may break) drawn on more than one line was cut in two ("Gemm a 4").
_CUT_WORDS = """() => {
  const cut = [];
  for (const cell of document.querySelectorAll('article table th, article table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) cut.push(m[0]);
      }
    }
  }
  return cut;
}"""

# Each wide table scrolled to its right end: where its first cells are, and what is drawn there.
_SCROLLED = """() => [...document.querySelectorAll('article table')].flatMap(table => {
  const wrap = table.closest('.md-typeset__scrollwrap');
  if (!wrap || wrap.scrollWidth <= wrap.clientWidth + 1) return [];
  wrap.scrollLeft = wrap.scrollWidth;
  const box = wrap.getBoundingClientRect();
  const firsts = [...table.rows].map(row => row.cells[0]);
  const placed = firsts.map(cell => {
    cell.scrollIntoView({block: 'center', inline: 'nearest'});
    wrap.scrollLeft = wrap.scrollWidth;
    const r = cell.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {text: cell.innerText, inside: r.left >= box.left - 1 && r.right <= box.right + 1,
            onTop: cell.contains(top)};
  });
  const scrolled = wrap.scrollLeft;
  wrap.scrollLeft = 0;
  return [{columns: table.rows[0].cells.length, scrolled, placed}];
})"""

# Each table unscrolled: the figures marked best (bold) that lie past the screen's right edge.
_BEST_OUT_OF_VIEW = """() => [...document.querySelectorAll('article table td strong')].filter(b => {
  const wrap = b.closest('.md-typeset__scrollwrap');
  wrap.scrollLeft = 0;
  return b.getBoundingClientRect().right > Math.min(wrap.getBoundingClientRect().right, window.innerWidth) + 1;
}).map(b => b.closest('tr').cells[0].innerText + ': ' + b.innerText)"""


def test_the_flagships_wide_tables_keep_names_and_winners_in_view_on_a_phone(browser: object, base_url: str) -> None:
    """At 390 px no word of a table is cut mid-word; a table wider than the screen scrolls with its
    first column (the benchmark or model a row is about) held in view and on top; and the best figure
    of each row is in view before any sideways scrolling, since the winning models' columns come first."""
    context = browser.new_context(viewport={"width": 390, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + COMPARISON)
    page.wait_for_load_state("load")
    assert page.evaluate(_CUT_WORDS) == []
    styles = page.evaluate(
        "() => [...document.querySelectorAll('article table th, article table td')]"
        ".map(c => getComputedStyle(c)).map(s => s.overflowWrap + ' ' + s.wordBreak)"
    )
    assert not [s for s in set(styles) if "anywhere" in s or "break-all" in s]
    wide = page.evaluate(_SCROLLED)
    assert len(wide) >= 3, "the flagship's benchmark tables are wider than a phone"
    for table in wide:
        assert table["scrolled"] > 0
        assert [c["text"] for c in table["placed"] if not (c["inside"] and c["onTop"])] == []
    assert page.evaluate(_BEST_OUT_OF_VIEW) == []
    general = page.locator("article h3#general ~ .md-typeset__scrollwrap").first
    general.evaluate("w => { window.scrollTo(0, w.getBoundingClientRect().top + window.scrollY - 120); }")
    screenshot_viewport(page, "comparison-390-benchmarks")
    general.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    screenshot_viewport(page, "comparison-390-benchmarks-scrolled")
    context.close()


def screenshot_viewport(page: object, name: str) -> None:
    """What a phone's screen shows at the moment (a full-page shot would not show a sticky column)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), timeout=60_000)  # type: ignore[attr-defined]
