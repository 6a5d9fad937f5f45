"""What the site publishes for other programs: the JSON API, the Atom feed and the embed cards."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import pages
from generator.build import load_catalog, make_site, site_url
from generator.model import Catalog
from generator.render.api import COLLECTIONS
from generator.render.published import published_files
from tests.test_site import built  # noqa: F401 - the end-to-end site fixture, reused for the <head> check

Edit = Callable[[str, str, str], Path]
SITE = "https://example.org/omc/"
ATOM = "{http://www.w3.org/2005/Atom}"


def publish(catalog: Catalog, url: str = SITE) -> dict[str, bytes]:
    return published_files(catalog, pages.plan(catalog), url)


def card(catalog: Catalog, slug: str, url: str = SITE) -> str:
    """The embed card a comparison page publishes beside itself."""
    site = make_site(catalog, url=url)
    page = site.plan.find("comparison", *slug.split("-vs-"))
    return pages.render(site, page).files[f"embed/{slug}.html"].decode()


def api(files: dict[str, bytes], name: str) -> dict:
    return json.loads(files[f"api/v1/{name}.json"])


def test_api_index_lists_every_collection_with_its_count(catalog: Catalog) -> None:
    files = publish(catalog)
    index = api(files, "index")
    assert index["api_version"] == 1
    assert sorted(index["endpoints"]) == sorted(COLLECTIONS)
    for name, endpoint in index["endpoints"].items():
        assert endpoint["url"] == f"{SITE}api/v1/{name}.json"
        body = api(files, name)
        assert body["api_version"] == 1 and len(body[name]) == endpoint["count"]


def test_api_records_match_the_data(catalog: Catalog) -> None:
    files = publish(catalog)
    families = {f["id"]: f for f in api(files, "families")["families"]}
    assert list(families) == list(catalog.families)
    for fid, family in catalog.families.items():
        assert families[fid]["url"] == f"{SITE}families/{fid}/"
        assert families[fid]["models"] == [m.id for m in family.models]
        assert families[fid]["maker"]["name"] == catalog.makers[family.maker].name
    models = {m["id"]: m for m in api(files, "models")["models"]}
    assert set(models) == set(catalog.models)
    for mid, model in catalog.models.items():
        total = models[mid]["params"]["total"]
        assert (total and total["value"], total and total["source"]) == (
            model.params.total and model.params.total.value,
            model.params.total and model.params.total.source,
        )
        assert models[mid]["family"] == catalog.family_of[mid]
    scores = {(s["model"], s["benchmark"], s["value"], s["source"]) for s in api(files, "scores")["scores"]}
    assert scores == {(m.id, s.benchmark, s.value, s.source) for m in catalog.models.values() for s in m.scores}
    hardware = api(files, "hardware")
    assert len(hardware["hardware"]) == sum(len(m.hardware) for m in catalog.models.values())
    assert [p["id"] for p in hardware["profiles"]] == sorted(catalog.profiles)
    offers = api(files, "offers")["offers"]
    assert len(offers) == sum(len(f.offers) for f in catalog.families.values())
    assert {b["id"] for b in api(files, "benchmarks")["benchmarks"]} == set(catalog.benchmarks)
    assert {s["id"] for s in api(files, "sources")["sources"]} == set(catalog.sources)


def test_api_lists_every_comparison_with_its_page_and_card(catalog: Catalog) -> None:
    files = publish(catalog)
    comparisons = api(files, "comparisons")["comparisons"]
    n = len(catalog.families)
    assert len(comparisons) == n * (n - 1) // 2
    seed = next(c for c in comparisons if c["slug"] == "gemma-4-vs-qwen-3-5")
    assert seed["curated"] and seed["families"] == ["qwen-3-5", "gemma-4"]
    assert seed["url"] == f"{SITE}compare/gemma-4-vs-qwen-3-5/"
    assert seed["embed_url"] == f"{SITE}embed/gemma-4-vs-qwen-3-5.html"
    assert all(c["embed_url"] == f"{SITE}embed/{c['slug']}.html" for c in comparisons)


def test_published_files_are_deterministic_and_use_the_injected_site_url(catalog: Catalog) -> None:
    assert publish(catalog) == publish(catalog)
    other = publish(catalog, "https://mirror.example/")
    assert b"https://mirror.example/families/gemma-4/" in other["api/v1/families.json"]
    assert b"example.org" not in b"".join(other.values())


def test_site_url_comes_from_the_environment_or_mkdocs_yml(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_url(project) == "https://open-model-compare.github.io/open-model-compare/"
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/fork/")
    assert site_url(project) == "https://someone.github.io/fork/"


def feed_of(files: dict[str, bytes]) -> ET.Element:
    return ET.fromstring(files["feed.xml"])


def test_feed_is_atom_with_one_entry_per_release(catalog: Catalog) -> None:
    feed = feed_of(publish(catalog))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    releases = [e for e in entries if e.findtext(f"{ATOM}title", "").startswith("Released: ")]
    dated = [f for f in catalog.families.values() if f.released] + [m for m in catalog.models.values() if m.released]
    assert len(releases) == len(dated) > 0
    assert {e.findtext(f"{ATOM}title") for e in releases} == {f"Released: {x.name}" for x in dated}
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True) and feed.findtext(f"{ATOM}updated") == dates[0]
    newest = max(x.released.value for x in dated)  # type: ignore[union-attr]
    assert dates[0] == f"{newest.isoformat()}T00:00:00Z"


def test_feed_dates_a_comparison_by_its_families_releases(project: Path, edit: Edit) -> None:
    release = 'released: {value: 2026-04-02, source: seed-article, quote: "x"}\n'
    edit("data/families/gemma-4.yaml", "maker: google\n", "maker: google\n" + release)
    edit("data/families/qwen-3-5.yaml", "maker: alibaba\n", "maker: alibaba\n" + release.replace("04-02", "02-16"))
    feed = feed_of(publish(load_catalog(project)))
    titles = {e.findtext(f"{ATOM}title"): e for e in feed.findall(f"{ATOM}entry")}
    entry = titles["New comparison: Qwen 3.5 vs Gemma 4"]
    assert entry.findtext(f"{ATOM}updated") == "2026-04-02T00:00:00Z"
    assert entry.find(f"{ATOM}link").get("href") == f"{SITE}compare/gemma-4-vs-qwen-3-5/"  # type: ignore[union-attr]
    assert not any("Qwen 3.6" in t for t in titles if t.startswith("New comparison"))  # Qwen 3.6: no date


def test_embed_card_shows_the_pair_key_numbers_and_a_link(catalog: Catalog) -> None:
    html = card(catalog, "gemma-4-vs-qwen-3-5")
    assert "<h1>Qwen 3.5 vs Gemma 4</h1>" in html
    assert "<td>128K tokens</td><td>256K tokens</td>" in html  # max context, as the page's quick table
    # Won by the families' own models, as the page counts them: Gemma 4 26B MoE over Qwen 3.5 Plus.
    assert "Coding: benchmarks won</th><td>0</td><td><strong>2</strong></td>" in html
    assert f'href="{SITE}compare/gemma-4-vs-qwen-3-5/"' in html
    assert "<script" not in html


def test_data_text_is_escaped_in_cards_feed_and_api(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "name: Gemma 4\n", 'name: Gemma <script>alert(1)</script> & "4"\n')
    edit(
        "data/families/gemma-4.yaml",
        "maker: google\n",
        'maker: google\nreleased: {value: 2026-04-02, source: seed-article, quote: "x"}\n',
    )
    catalog = load_catalog(project)
    files, html = publish(catalog), card(catalog, "gemma-4-vs-qwen-3-5")
    assert "<script>" not in html and "Gemma &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;4&#34;" in html
    titles = [e.findtext(f"{ATOM}title") for e in feed_of(files).findall(f"{ATOM}entry")]
    assert 'Released: Gemma <script>alert(1)</script> & "4"' in titles  # parsed back: escaped in the XML
    families = {f["id"]: f for f in api(files, "families")["families"]}
    assert families["gemma-4"]["name"] == 'Gemma <script>alert(1)</script> & "4"'


def test_every_page_links_the_feed_in_its_head(built: Path) -> None:  # noqa: F811
    for page, href in (("index.html", "feed.xml"), ("compare/gemma-4-vs-qwen-3-5/index.html", "../../feed.xml")):
        html = (built / "site" / page).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert '<link rel="alternate" type="application/atom+xml"' in head and f'href="{href}"' in head
    assert (built / "site/feed.xml").exists() and (built / "site/api/v1/index.json").exists()
    assert (built / "site/api/index.html").exists()
    cards = {p.name for p in (built / "site/embed").iterdir()}
    assert cards == {
        f"{p.path.removeprefix('compare/').removesuffix('.md')}.html"
        for p in pages.plan(load_catalog(built)).of("comparison")
    }
