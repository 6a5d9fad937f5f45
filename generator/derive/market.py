"""Where each model can be used and at what price: free local, free API, paid API, per family and
per provider. Only offers in the data appear; a missing price stays missing, never zero."""

from __future__ import annotations

from dataclasses import dataclass

from generator import schema
from generator.model import Catalog

KIND_ORDER: tuple[schema.OfferKind, ...] = ("local", "free_api", "paid_api")


@dataclass(frozen=True)
class OfferRow:
    family: schema.Family
    provider: schema.Provider
    offer: schema.Offer
    models: tuple[schema.Model, ...]
    """The models the offer names; empty when it covers the whole family."""


@dataclass(frozen=True)
class FamilyAvailability:
    family: schema.Family
    local: tuple[schema.Provider, ...]
    free_api: tuple[schema.Provider, ...]
    paid_api: tuple[schema.Provider, ...]
    cheapest_output: OfferRow | None
    cheapest_input: OfferRow | None


@dataclass(frozen=True)
class ProviderOffers:
    provider: schema.Provider
    rows: tuple[OfferRow, ...]


def _row(catalog: Catalog, family: schema.Family, offer: schema.Offer) -> OfferRow:
    models = tuple(catalog.models[m] for m in offer.models or [])
    return OfferRow(family, catalog.providers[offer.provider], offer, models)


def _sorted(rows: list[OfferRow]) -> tuple[OfferRow, ...]:
    return tuple(
        sorted(
            rows, key=lambda r: (KIND_ORDER.index(r.offer.kind), r.family.name, r.provider.name, r.offer.models or [])
        )
    )


def offers_for_model(catalog: Catalog, model_id: str) -> tuple[OfferRow, ...]:
    """The offers that cover a model: those naming it and those for its whole family."""
    family = catalog.model_family(model_id)
    return _sorted([_row(catalog, family, o) for o in family.offers if o.models is None or model_id in o.models])


def family_offers(catalog: Catalog, family_id: str) -> tuple[OfferRow, ...]:
    family = catalog.families[family_id]
    return _sorted([_row(catalog, family, o) for o in family.offers])


def availability(catalog: Catalog) -> tuple[FamilyAvailability, ...]:
    """One row per family that has any offer, with its cheapest priced paid offer."""
    rows = []
    for family in catalog.families.values():
        offers = family_offers(catalog, family.id)
        if not offers:
            continue

        def providers(kind: str, offers: tuple[OfferRow, ...] = offers) -> tuple[schema.Provider, ...]:
            return tuple({r.provider.id: r.provider for r in offers if r.offer.kind == kind}.values())

        paid = [r for r in offers if r.offer.kind == "paid_api"]
        out = [r for r in paid if r.offer.output_usd_per_mtok is not None]
        inp = [r for r in paid if r.offer.input_usd_per_mtok is not None]
        rows.append(
            FamilyAvailability(
                family,
                providers("local"),
                providers("free_api"),
                providers("paid_api"),
                min(out, key=lambda r: r.offer.output_usd_per_mtok or 0) if out else None,
                min(inp, key=lambda r: r.offer.input_usd_per_mtok or 0) if inp else None,
            )
        )
    return tuple(rows)


def by_provider(catalog: Catalog) -> tuple[ProviderOffers, ...]:
    """Every provider that has at least one offer, with its offers, in the catalog's order."""
    grouped: dict[str, list[OfferRow]] = {p: [] for p in catalog.providers}
    for family in catalog.families.values():
        for offer in family.offers:
            grouped[offer.provider].append(_row(catalog, family, offer))
    return tuple(ProviderOffers(catalog.providers[p], _sorted(rows)) for p, rows in grouped.items() if rows)
