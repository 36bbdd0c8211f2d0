"""The page at / in headless Chromium: paste an article, submit, read what is on screen.

Skips (with the reason) where Debian's chromium and chromium-driver are not installed; CI
installs them (see .ci/run), and there a missing browser fails instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from scripts.screenshot import chromium_driver, chromium_paths, full_page_png, submit_article
from service.app import create_app
from tests.conftest import SEEDS, tiny_settings
from tests.live_server import serve

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

NO_CHROMIUM = (
    "no chromium binary: install Debian's chromium and chromium-driver "
    "(apt-get install -y chromium chromium-driver)"
)


@pytest.fixture(scope="module", autouse=True)
def _chromium() -> None:
    """Skip without Chromium, except in CI (CI=true), where .ci/run installs it: there a missing
    browser is a failure, so the page test cannot be skipped silently."""
    if chromium_paths() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(NO_CHROMIUM)
        pytest.skip(NO_CHROMIUM)


@pytest.fixture(scope="module")
def site(tiny_model_dir: Path) -> Iterator[str]:
    """The service with a (tiny, real) model loaded, so the English pane is filled."""
    with serve(create_app(tiny_settings(tiny_model_dir))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    pytest.importorskip("selenium")
    with chromium_driver() as driver:
        yield driver


def _css(element: Any, prop: str) -> str:
    return str(element.value_of_css_property(prop))


def test_pasted_article_shows_claims_highlights_and_translation(
    site: str, browser: WebDriver, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    text = (SEEDS / "seed_sv.txt").read_text(encoding="utf-8")
    submit_article(browser, site, text)
    expected = httpx.post(f"{site}/v1/brief", json={"text": text}, timeout=60).json()
    claims = expected["claims"]
    assert claims, "the Swedish seed article has supply claims"

    # Claims table: one row per claim, in order, with supplier, recipient and stance shown.
    rows = browser.find_elements(By.CSS_SELECTOR, "table.claims tbody tr")
    assert len(rows) == len(claims)
    colours: dict[str, set[str]] = {}
    for row, claim in zip(rows, claims, strict=True):
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        assert cells[1] == claim["supplier"] and cells[2] == claim["recipient"]
        assert cells[4].startswith(claim["stance"])
        badge = row.find_element(By.CSS_SELECTOR, ".stance")
        assert badge.is_displayed()
        colours.setdefault(claim["stance"], set()).add(_css(badge, "background-color"))
    # Stance by colour: each stance one colour, different stances different colours.
    assert all(len(c) == 1 for c in colours.values())
    shown = [next(iter(c)) for c in colours.values()]
    assert len(set(shown)) == len(shown)
    assert not any(c in ("rgba(0, 0, 0, 0)", "transparent") for c in shown)

    # Evidence highlighted in the original text: the marked pieces of claim 1 spell its
    # evidence sentence, and they are visibly coloured.
    marks = browser.find_elements(By.CSS_SELECTOR, ".source-text mark.evidence")
    assert marks and all(m.is_displayed() for m in marks)
    first = [m.text for m in marks if "1" in (m.get_attribute("data-claims") or "").split(",")]
    evidence = claims[0]["evidence"]["text"]
    assert " ".join("".join(first).split()) == " ".join(evidence.split())
    assert _css(marks[0], "background-color") not in ("rgba(0, 0, 0, 0)", "transparent")

    # The English translation beside it (a model is loaded), and the original text complete.
    english = browser.find_element(By.CSS_SELECTOR, ".translation-text")
    assert english.is_displayed() and english.text.strip()
    # The original, less the claim-number superscripts, is the pasted text exactly.
    original = browser.execute_script(
        "const n = document.querySelector('.source-text').cloneNode(true);"
        "n.querySelectorAll('sup.claim-ref').forEach(s => s.remove());"
        "return n.textContent;"
    )
    assert original == text

    # Offline: everything the page loaded came from the service itself.
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources and all(str(r).startswith(site) for r in resources)

    shot = tmp_path / "page.png"
    full_page_png(browser, shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_empty_article_shows_the_error_on_the_page(site: str, browser: WebDriver) -> None:
    from selenium.webdriver.common.by import By

    submit_article(browser, site, "   ")
    error = browser.find_element(By.CSS_SELECTOR, "p.error")
    assert error.is_displayed() and error.text
    assert browser.find_elements(By.CSS_SELECTOR, "table.claims") == []
