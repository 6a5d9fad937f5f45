"""Hostile text: markup injected into every text field and link of the data stays inert on the built site.

Each payload is appended to every text field that reaches a page (names, titles, summaries, quotes,
notes, the wording of criteria...) and every URL gets a link-breaking variant; the site is built with
`mkdocs build --strict` and every HTML page is parsed: no injected element, event-handler attribute,
`javascript:` link or attribute list may appear, while the payload's text must be visible as text.
"""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.load import load_file
from tests.sitecheck import build_site, copy_project, html_pages, parse

# Fields an editor writes as free text; ShortText ones are limited to 200 characters.
SHORT_TEXT = {"name", "short_name", "title", "setting", "device", "tag", "publisher", "topic", "use_case", "subtitle"}
SHORT_TEXT |= {"ask", "label", "emphasis", "emphasis_languages"}  # the guide's questions and answers, languages
SHORT_TEXT |= {"metric", "as_written"}  # a score's metric name, a quote's own words for its value
LONG_TEXT = {"summary", "quote", "note", "text", "intro", "description", "chosen_because", "why"}
WORDING = {"pick", "pick_with_emphasis", "evidence", "use_both", "counter"}  # criteria, with {placeholders}
TEXT_LISTS = {"strengths"}  # a Figure whose value is a list of texts
TEXT_VALUES = {"license"}  # a Figure whose value is one text

PAYLOADS = {
    "html": '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">a</a>'
    "<svg onload=alert(4)><iframe src=//evil.example>",
    "markdown": "[a](javascript:alert(5)) ![i](https://evil.example/i.png) <javascript:alert(6)> "
    '{: onclick="alert(7)" #pwn .pwn} **b** `c` | d\n\n<script>alert(8)</script>\n\n# h {: onclick=alert(9)}',
}
# Links pass the schema (http/https, no spaces) yet try to close the Markdown link or the attribute.
HOSTILE_URLS = [
    "https://evil.example/a)[x](javascript:alert(10))",
    'https://evil.example/"onmouseover="alert(11)',
    "https://evil.example/<script>alert(12)</script>",
]
MARKER = {"html": "<script>alert(1)</script>", "markdown": "[a](javascript:alert(5))"}
# Everything that opens a block where it starts a line, one per text field in turn: the markdown
# payload starts each value with one, so a value on a line of its own (a comparison note, a list
# item, a table cell) tries each. A fence would swallow the page into a diagram, `---` turns the line
# above into a heading, `1986. ` starts a list.
BLOCK_OPENERS = ["~~~mermaid ", "--- ", "=== ", "- ", "+ ", "1986. ", "2) ", "!!! danger ", "??? x ", ": ", "/// "]
OPENS_BLOCKS = {"markdown"}


def inject(value: Any, payload: str, key: str | None = None, counter: list[int] | None = None) -> Any:
    """The data with the payload in every free-text field and a hostile variant of every URL."""
    counter = counter if counter is not None else [0]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in TEXT_LISTS and isinstance(v, dict):
                out[k] = with_quote_stating_its_value(v, {**v, "value": [short(s, payload) for s in v["value"]]})
            elif k in TEXT_VALUES and isinstance(v, dict) and isinstance(v.get("value"), str):
                out[k] = with_quote_stating_its_value(v, {**v, "value": short(v["value"], payload)})
            else:
                out[k] = inject(v, payload, k, counter)
        return with_quote_stating_its_value(value, out)
    if isinstance(value, list):
        return [inject(v, payload, key, counter) for v in value]
    if isinstance(value, str) and key in SHORT_TEXT:
        return short(value, payload)
    if isinstance(value, str) and key in WORDING:
        # Braces in a criterion's wording are placeholders, and the validator refuses unknown ones.
        return f"{opener(payload, value)}{value} {payload.replace('{', '(').replace('}', ')')}"
    if isinstance(value, str) and key in LONG_TEXT:
        return f"{opener(payload, value)}{value} {payload}"
    if isinstance(value, str) and key == "url":
        counter[0] += 1
        return HOSTILE_URLS[counter[0] % len(HOSTILE_URLS)]
    return value


def with_quote_stating_its_value(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """A quote must state its figure's value (or its `as_written` words): the hostile text injected
    into a text value is appended to the quote as well, so the data stays valid and reaches the pages."""
    if not isinstance(after.get("quote"), str):
        return after
    stated = [after[k] for k in ("value", "as_written") if isinstance(after.get(k), str) and after[k] != before.get(k)]
    if isinstance(after.get("value"), list) and after["value"] != before.get("value"):
        stated += [item for item in after["value"] if isinstance(item, str)]
    return {**after, "quote": " ".join([after["quote"], *stated])} if stated else after


def short(text: str, payload: str) -> str:
    """Keep the start of the original (names stay distinct) and as much payload as 200 characters allow."""
    return f"{opener(payload, text)}{text[:30]} {payload}"[:200]


def opener(payload: str, text: str) -> str:
    """A block opener for the payloads that try them, chosen by the text it starts: equal texts (two
    scores' settings) stay equal, so the pages group them as before, and different ones try others."""
    if payload not in (PAYLOADS[kind] for kind in OPENS_BLOCKS):
        return ""
    return BLOCK_OPENERS[zlib.crc32(text.encode()) % len(BLOCK_OPENERS)]


def build_hostile(kind: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = copy_project(tmp_path_factory.mktemp(f"hostile-{kind}"))
    write_hostile(root, PAYLOADS[kind])
    return kind, build_site(root)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The HTML payload's site; test_hostile_markdown.py runs the same tests on the Markdown payload's,
    in a file of its own so that the two builds (the slowest of the suite) can run on two workers."""
    return build_hostile("html", tmp_path_factory)


def write_hostile(root: Path, payload: str) -> None:
    """Every data file of the project rewritten with the payload injected, still valid data."""
    paths = sorted((root / "data").rglob("*.yaml"))
    hostile = {path: inject(load_file(path, path.name).data, payload) for path in paths}
    names = {d["id"]: d["name"] for data in hostile.values() for d in dicts(data) if {"id", "name"} <= d.keys()}
    for path, data in hostile.items():
        naming_the_ids(data, names)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def dicts(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(d for v in value.values() for d in dicts(v))]
    return [d for v in value for d in dicts(v)] if isinstance(value, list) else []


def naming_the_ids(data: Any, names: dict[str, str]) -> None:
    """A figure listing ids (a family's variants) is stated by a quote naming them: the names now carry
    the payload, so the quote names them again as they now read."""
    for figure in dicts(data):
        ids = figure.get("value")
        if isinstance(figure.get("quote"), str) and isinstance(ids, list) and ids and all(i in names for i in ids):
            figure["quote"] = " ".join([figure["quote"], *(names[i] for i in ids)])


def own_script(src: str) -> bool:
    """Scripts the site itself loads (Material's bundle, our vendored files) are relative URLs of files
    in the site; data cannot add a file, so anything absolute or of another scheme is injected."""
    return not urlsplit(src).scheme and not src.startswith("//") and src.endswith(".js")


def test_no_injected_markup_on_any_page(hostile_site: tuple[str, Path]) -> None:
    _, site = hostile_site
    found = []
    for path in html_pages(site):
        page = parse(path)
        where = path.relative_to(site).as_posix()
        for element in page.elements:
            for name, value in element.attrs.items():
                flat = "".join(value.split()).lower()
                if name.startswith("on"):
                    found.append(f"{where}:{element.line}: <{element.tag} {name}=...>")
                if name in ("href", "src", "action", "formaction", "xlink:href") and flat.startswith(
                    ("javascript:", "data:", "vbscript:")
                ):
                    found.append(f"{where}:{element.line}: <{element.tag} {name}={value!r}>")
            if element.tag == "script" and element.attrs.get("src") and not own_script(element.attrs["src"]):
                found.append(f"{where}:{element.line}: <script src={element.attrs['src']!r}>")
            if element.tag == "img" and "evil" in element.attrs.get("src", ""):
                found.append(f"{where}:{element.line}: <img src={element.attrs['src']!r}>")
            if element.attrs.get("id") == "pwn" or "pwn" in element.attrs.get("class", "").split():
                found.append(f"{where}:{element.line}: attribute list applied to <{element.tag}>")
        found.extend(f"{where}: inline script runs the payload" for s in page.scripts if "alert(" in s)
    assert not found


def test_no_script_in_generated_images(hostile_site: tuple[str, Path]) -> None:
    """SVG files (charts) carry data text too; an SVG opened on its own runs its scripts."""
    _, site = hostile_site
    found = []
    for path in sorted(site.rglob("*.svg")):
        if "assets" in path.relative_to(site).parts:
            continue  # Material's icons
        for element in parse(path).elements:
            if element.tag in ("script", "foreignobject") or any(name.startswith("on") for name in element.attrs):
                found.append(f"{path.relative_to(site).as_posix()}:{element.line}: <{element.tag}>")
            if any("javascript:" in value.lower() for value in element.attrs.values()):
                found.append(f"{path.relative_to(site).as_posix()}:{element.line}: javascript: link")
    assert not found


@pytest.fixture(scope="module")
def clean_site(default_site: Path) -> Path:
    return default_site


def skeleton(path: Path) -> Counter[tuple[str, tuple[str, ...]]]:
    """A page's elements by tag and attribute names, without text or values."""
    return Counter((e.tag, tuple(sorted(e.attrs))) for e in parse(path).elements)


def test_pages_gain_no_elements_over_clean_data(hostile_site: tuple[str, Path], clean_site: Path) -> None:
    """Hostile text changes what pages say, never adds to their structure: no kind of element or
    attribute appears more often than with clean data (Material's own <svg> icons and search <form>
    are in both builds, an injected one only in one). Fewer is fine: a license name with a payload
    is no longer one the criteria know, so a section may say less."""
    _, site = hostile_site
    pages = [p.relative_to(site) for p in html_pages(site)]
    assert pages == [p.relative_to(clean_site) for p in html_pages(clean_site)]
    added = {
        page.as_posix(): dict(extra) for page in pages if (extra := skeleton(site / page) - skeleton(clean_site / page))
    }
    assert not added


def test_payload_is_shown_as_text(hostile_site: tuple[str, Path]) -> None:
    """The injection reached the pages (so the test above means something) and reads as plain text."""
    kind, site = hostile_site
    for page in (
        "index.html",
        "compare/gemma-4-vs-qwen-3-5/index.html",
        "families/gemma-4/index.html",
        "guide/index.html",
    ):
        text = "".join(parse(site / page).text)
        assert MARKER[kind] in text, page
    model = "".join(parse(site / "models/gemma-4-26b/index.html").text)
    assert MARKER[kind] in model


def test_hostile_text_runs_no_script_in_the_browser(hostile_site: tuple[str, Path], browser: object) -> None:
    """The built HTML is inert (above); in the browser too, on the pages that draw data text with
    scripts (the flowchart, the picker from picker.json, search results from the index), on the same
    hostile builds."""
    from tests.test_browser import COMPARISON, TIMEOUT_MS, screenshot, search, serve

    kind, site = hostile_site
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    for url in serve(site, "/"):
        for path in (COMPARISON, "families/gemma-4/", "models/gemma-4-26b/", "guide/"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
        page.locator("#picker fieldset").last.locator("input").last.check()
        page.locator("#picker fieldset").last.locator("input").last.check()
        if kind == "html":
            # Search results are drawn from the index as HTML: the hostile names must show there as text.
            search(page, "Gemma")
            page.locator(".md-search-result__item", has_text=MARKER["html"]).first.wait_for(state="visible")
            screenshot(page, "hostile-search")
    context.close()
    assert not alerts
