"""Derive: pure functions from the catalog to the facts pages state (winners, ratios, picks)."""
