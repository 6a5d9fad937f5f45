"""test_hostile.py's tests on the Markdown payload's site (links, images, attribute lists, block
openers): a file of its own, so that its build and the HTML payload's can run on two workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile import (  # noqa: F401 - imported tests run here, on this file's hostile_site
    build_hostile,
    clean_site,
    test_hostile_text_runs_no_script_in_the_browser,
    test_no_injected_markup_on_any_page,
    test_no_script_in_generated_images,
    test_pages_gain_no_elements_over_clean_data,
    test_payload_is_shown_as_text,
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    return build_hostile("markdown", tmp_path_factory)
