"""The GitHub Actions workflows: valid YAML, checks on pull requests, Pages deployment from main."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data.get("jobs"), name
    return data


def triggers(data: dict[Any, Any]) -> dict[str, Any]:
    return data.get("on") or data[True]  # YAML 1.1 (PyYAML) reads the key `on` as true


def steps(data: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def runs(data: dict[Any, Any]) -> list[str]:
    return [step["run"] for step in steps(data) if "run" in step]


def uses(data: dict[Any, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(data) if "uses" in step]


def test_pull_requests_validate_test_and_build() -> None:
    check = workflow("ci.yml")
    assert "pull_request" in triggers(check)
    assert runs(check) == ["make validate", "make test", "make site"]
    assert "secrets." not in (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")


def test_main_deploys_with_the_official_pages_actions() -> None:
    pages = workflow("pages.yml")
    assert triggers(pages)["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert [u for u in uses(pages) if u.startswith("actions/")] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/cache",
        "actions/cache",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    build = next(s for s in steps(pages) if s.get("run") == "make site")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in steps(pages) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert "secrets." not in (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")


def test_chart_drawings_are_restored_before_the_build() -> None:
    """A build with the last run's drawings redraws only the charts whose data changed."""
    for name in ("ci.yml", "pages.yml"):
        found = steps(workflow(name))
        cache = next(i for i, s in enumerate(found) if s.get("uses", "").startswith("actions/cache"))
        build = next(i for i, s in enumerate(found) if s.get("run") == "make site")
        assert found[cache]["with"]["path"] == ".cache/charts" and cache < build
        # The drawing code is in the key's prefix, so a style change starts a fresh cache.
        assert "generator/render/charts.py" in found[cache]["with"]["restore-keys"]


def test_the_last_build_s_pages_are_restored_before_the_build() -> None:
    """A build from the last build's page cache renders only the pages whose inputs changed; the
    index and the files it names are restored together, from the newest run."""
    for name in ("ci.yml", "pages.yml"):
        found = steps(workflow(name))
        cache = next(i for i, s in enumerate(found) if ".cache/pages.json" in str(s.get("with", {}).get("path")))
        build = next(i for i, s in enumerate(found) if s.get("run") == "make site")
        assert found[cache]["with"]["path"].split() == [".cache/pages.json", ".cache/files"] and cache < build
        assert found[cache]["with"]["restore-keys"] == "pages-"


def test_pip_is_cached_for_the_pinned_requirements() -> None:
    for name in ("ci.yml", "pages.yml"):
        setup = next(s for s in steps(workflow(name)) if s.get("uses", "").startswith("actions/setup-python"))
        assert setup["with"]["cache"] == "pip"
        assert "requirements.txt" in setup["with"]["cache-dependency-path"]
