"""The built HTML is valid by the Nu HTML Checker (vnu.jar, installed by `make test-tools`), one page of
each kind; each remaining message is Material's own markup, allowed below with the reason."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitecheck import PAGE_TYPES, ROOT, require_tool

VNU_JAR = ROOT / ".cache/tools/node_modules/vnu-jar/build/dist/vnu.jar"

# Messages we accept, each for a reason; anything else fails the test.
ALLOWED = {
    # Material's drawer, search and TOC toggles are <input type="checkbox" autocomplete="off">: the
    # attribute keeps Firefox from restoring a toggle's state on back navigation. Theme markup, harmless.
    r"^Attribute “autocomplete” is only allowed when the input type is": "Material's toggles (Firefox state)",
    # Material's "Table of contents" label points at the hidden __toc checkbox it toggles (CSS-only drawer).
    r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control": "Material's CSS-only TOC toggle",
    # Info, not an error: Python-Markdown serialises void elements XHTML-style (<img ... />). Every
    # attribute value it writes is quoted, so the slash cannot be read as part of a value.
    r"^Trailing slash on void elements has no effect": "Python-Markdown's <img />, values quoted",
}


@pytest.fixture(scope="module")
def messages(default_site: Path) -> list[dict[str, object]]:
    require_tool(VNU_JAR, "run `make test-tools` (npm install vnu-jar)")
    java = shutil.which("java")
    require_tool(java or "/usr/bin/java", "install a Java runtime (apt-get install default-jre-headless)")
    pages = [str(default_site / page) for page in PAGE_TYPES.values()]
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stderr)["messages"]


def unexplained(messages: list[dict[str, object]]) -> list[str]:
    return [
        f"{str(m.get('url', '')).rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in messages
        if not any(re.search(pattern, str(m["message"])) for pattern in ALLOWED)
    ]


def test_pages_are_valid_html_but_for_explained_theme_messages(messages: list[dict[str, object]]) -> None:
    assert not unexplained(messages)


def test_every_page_was_checked(messages: list[dict[str, object]], default_site: Path) -> None:
    """vnu reports a file it could not read as a message without a line; none may be missing or unread."""
    assert not [m for m in messages if m["type"] == "non-document-error"]
    assert all((default_site / page).is_file() for page in PAGE_TYPES.values())
