"""Checks of the data as a whole that no per-file schema can make: relations between families that
cannot be, ids that cannot be addresses, and headings that would share an anchor.

Each check reports at the place an editor would change, with what to write instead. They run after
every file has passed its schema and every reference resolves (validate.check_references).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from generator import schema
from generator.errors import ErrorCollector
from generator.load import LoadedFile

# Sections of a comparison page, each a heading with this fixed anchor (generator/templates/
# comparison.md.j2; a test keeps the two in step). A benchmark category heads a section of its own
# under its id, so a category with one of these ids would give the page two elements with one id.
COMPARISON_ANCHORS = frozenset(
    (
        "api",
        "benchmarks",
        "community",
        "ecosystem",
        "flowchart",
        "further-reading",
        "hardware",
        "model-sizes",
        "ollama",
        "pick",
        "quick-comparison",
        "variants",
    )
)
PAIR_SEPARATOR = "-vs-"


class Owned(Protocol):
    """A schema object with the file it came from (validate.Checked)."""

    @property
    def file(self) -> LoadedFile: ...

    @property
    def obj(self) -> Any: ...


def check_consistency(items: Iterable[Owned], collector: ErrorCollector) -> None:
    items = list(items)
    families = {i.obj.id: i for i in items if isinstance(i.obj, schema.Family)}
    for item in items:
        _check_addresses(item, collector)
        if isinstance(item.obj, schema.Site):
            _check_ram_tiers(item.obj, item.file, collector)
        if isinstance(item.obj, schema.Comparison):
            _check_matchup(item.obj, item.file, families, collector)
    _check_relations(families, collector)


# --- ids that would be addresses no page can have ------------------------------------------------


def _check_addresses(item: Owned, collector: ErrorCollector) -> None:
    """An id is a URL: `index` is every section's own page, and `-vs-` joins the two ids of a pair's
    address, so `a` + `b-vs-c` and `a-vs-b` + `c` would both claim /compare/a-vs-b-vs-c/."""
    for path, ident, what in _page_ids(item.obj):
        place = item.file.place(path)
        if ident == "index":
            collector.add(place, f"{what} 'index' is the address of a section's own page; choose another id")
        elif PAIR_SEPARATOR in ident and what.startswith(("family", "model")):
            collector.add(
                place,
                f"{what} {ident!r} contains '-vs-', which joins the two ids of a comparison's address "
                f"(/compare/<a>-vs-<b>/); choose an id without it, e.g. {ident.replace(PAIR_SEPARATOR, '-')!r}",
            )
        elif what == "category id" and ident in COMPARISON_ANCHORS:
            collector.add(
                place,
                f"category id {ident!r} is also the anchor of a comparison page's own #{ident} section; "
                f"choose another id, e.g. {ident + '-skills'!r}",
            )


def _page_ids(obj: schema.Strict) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, id, what) of every id that names a page or a section of one."""
    if isinstance(obj, schema.Family):
        yield ("id",), obj.id, "family id"
        yield from ((("aliases", i), a, "family alias") for i, a in enumerate(obj.aliases))
        for i, model in enumerate(obj.models):
            yield ("models", i, "id"), model.id, "model id"
            yield from ((("models", i, "aliases", j), a, "model alias") for j, a in enumerate(model.aliases))
    if isinstance(obj, schema.Shared):
        yield from ((("benchmarks", i, "id"), b.id, "benchmark id") for i, b in enumerate(obj.benchmarks))
        yield from ((("categories", i, "id"), c.id, "category id") for i, c in enumerate(obj.categories))
    if isinstance(obj, schema.Rankings):
        yield from ((("rankings", i, "id"), r.id, "ranking id") for i, r in enumerate(obj.rankings))


# --- anchors -------------------------------------------------------------------------------------


def _check_ram_tiers(site: schema.Site, f: LoadedFile, collector: ErrorCollector) -> None:
    """Each tier is a heading `Best models under 8 GB RAM` with the anchor #ram-8-gb, written with one
    decimal: two tiers that read the same would be two headings with one anchor."""
    seen: dict[str, float] = {}
    for i, gb in enumerate(site.ram_tiers_gb):
        shown = tier_label(gb)
        if shown in seen:
            collector.add(
                f.place(("ram_tiers_gb", i)),
                f"ram_tiers_gb: {gb:g} and {seen[shown]:g} both read '{shown} GB' (and share the anchor "
                f"#ram-{shown}-gb); keep one, or make them differ by at least 0.1",
            )
        seen.setdefault(shown, gb)


def tier_label(gb: float) -> str:
    """A RAM tier as its heading and anchor write it: at most one decimal, no trailing zero."""
    rounded = round(gb, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


# --- relations -----------------------------------------------------------------------------------


def _check_matchup(
    comp: schema.Comparison, f: LoadedFile, families: Mapping[str, Owned], collector: ErrorCollector
) -> None:
    """The matchup names one model of each family of the pair, in the order of `families`."""
    for i, model_id in enumerate(comp.matchup or []):
        family = families.get(comp.families[i])
        if family is None:
            continue  # an unknown family is reported by the reference check
        own = [m.id for m in family.obj.models]
        if model_id not in own:
            owner = next((fid for fid, o in families.items() if model_id in {m.id for m in o.obj.models}), None)
            whose = f"a model of {owner}, not of {comp.families[i]}" if owner else f"not a model of {comp.families[i]}"
            collector.add(
                f.place(("matchup", i)),
                f"matchup: {model_id!r} is {whose}; the matchup names one model of each family, in the order of "
                f"`families` (here one of {', '.join(own) or 'none: the family has no models'})",
            )


def _check_relations(families: Mapping[str, Owned], collector: ErrorCollector) -> None:
    """A family cannot follow or contain itself, directly or round a loop."""
    for fid, item in families.items():
        fam = item.obj
        for field in ("predecessor", "successor"):
            if getattr(fam, field) == fid:
                collector.add(item.file.place((field,)), f"{field}: a family cannot be its own {field}")
        if fam.variants and fid in fam.variants.value:
            i = fam.variants.value.index(fid)
            collector.add(item.file.place(("variants", "value", i)), "variants: a family cannot be its own variant")
    for field in ("predecessor", "successor", "variants"):
        edges = {fid: [t for t in _related(o.obj, field) if t != fid and t in families] for fid, o in families.items()}
        for loop in _loops(edges):
            first = loop[0]
            target = next(t for t in edges[first] if t in loop)
            path: tuple[str | int, ...] = (field,)
            if field == "variants":
                path = ("variants", "value", _related(families[first].obj, field).index(target))
            shown = " → ".join([*loop, first]) if field != "variants" else ", ".join(loop)
            collector.add(
                families[first].file.place(path), f"{field}: these families form a loop ({shown}); {_ENDS[field]}"
            )


_ENDS = {
    "predecessor": "a chain of predecessors must end at a first family",
    "successor": "a chain of successors must end at the latest family",
    "variants": "a family cannot be a variant of one of its own variants",
}


def _related(fam: schema.Family, field: str) -> list[str]:
    if field == "variants":
        return list(fam.variants.value) if fam.variants else []
    value = getattr(fam, field)
    return [value] if value else []


def _loops(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Every group of families that reach each other (Tarjan's strongly connected components, linear in
    the links), each in link order from its first id; single families without a self-link are no loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: list[str] = []
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        on_stack.append(root)
        while work:
            node, targets = work[-1]
            nxt = next(targets, None)
            if nxt is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = on_stack[on_stack.index(node) :]
                    del on_stack[on_stack.index(node) :]
                    if len(group) > 1:
                        found.append(_in_link_order(group, edges))
            elif nxt not in index:
                index[nxt] = low[nxt] = len(index)
                on_stack.append(nxt)
                work.append((nxt, iter(edges.get(nxt, []))))
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
    return sorted(found)


def _in_link_order(group: list[str], edges: Mapping[str, list[str]]) -> list[str]:
    """The group from its smallest id, each next the first linked member not yet listed."""
    members = set(group)
    order = [min(group)]
    while len(order) < len(group):
        nxt = next((t for t in edges[order[-1]] if t in members and t not in order), None)
        if nxt is None:
            order.extend(sorted(members - set(order)))
            break
        order.append(nxt)
    return order
