"""The /claims page in headless Chromium over a stored set: the network is drawn (arrow width
by articles, colour by dominant stance), clicking an arrow filters the table and the timeline,
the filter form narrows everything, and a claim links to its evidence in its article.

Skips where Debian's chromium and chromium-driver are missing, except under CI=true.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from scripts.screenshot import chromium_driver, full_page_png
from service.app import create_app
from service.config import Settings
from service.store import ArticleIn, ingest, open_store
from tests.live_server import serve
from tests.test_page_browser import _chromium  # noqa: F401  (skip/fail without chromium)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


def _article(headline: str, claims: list[tuple[str, str, str, str]], day: str) -> ArticleIn:
    text = headline + "\n\n" + " ".join(f"{s} sender {i} til {r}." for s, r, i, _ in claims)
    out = []
    for supplier, recipient, items, stance in claims:
        sentence = f"{supplier} sender {items} til {recipient}."
        start = text.index(sentence)
        out.append({"supplier": supplier, "recipient": recipient, "items": items,
                    "stance": stance, "hedged": False, "source": None,
                    "evidence": {"text": sentence, "start": start, "end": start + len(sentence),
                                 "text_en": None, "field": "text"}})  # fmt: skip
    return ArticleIn(text, "nb", out, title=headline, published=dt.date.fromisoformat(day))


ARTICLES = [
    _article("Droner", [("Iran", "Russland", "droner", "asserted")], "2024-01-15"),
    _article("Flere droner", [("Iran", "Russland", "Shahed", "asserted"),
                              ("Nord-Korea", "Russland", "granater", "asserted")], "2024-02-03"),
    _article("Iran nekter", [("Iran", "Russland", "droner", "denied")], "2024-02-20"),
    _article("Iran igjen", [("Iran", "Russland", "missiler", "asserted")], "2024-04-02"),
    _article("Sverige", [("Sverige", "Ukraina", "CV90", "planned")], "2024-04-10"),
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("claims-page")
    url = f"sqlite:///{root / 'store.db'}"
    store = open_store(url)
    for a in ARTICLES:
        ingest(store, a)
    store.close()
    with serve(create_app(Settings(model_dir=root / "no-model", store_url=url))) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    pytest.importorskip("selenium")
    with chromium_driver() as driver:
        yield driver


def _wait_ready(driver: WebDriver, after: str | None = None) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    def ready(d: Any) -> Any:
        value = d.execute_script("return document.body.dataset.ready || null")
        return value if value and value != after else False

    return str(WebDriverWait(driver, 30).until(ready))


def _edges(driver: WebDriver) -> list[dict[str, Any]]:
    return list(
        driver.execute_script(
            "return window.claimsPage.state.cy.edges().map(e => ({"
            "supplier: e.data('supplier'), recipient: e.data('recipient'),"
            "articles: e.data('articles'), width: parseFloat(e.style('width')),"
            "colour: e.style('line-color'), selected: e.hasClass('selected')}))"
        )
    )


def _rows(driver: WebDriver) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#claims-table tbody tr")
    return [[td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]


def test_the_network_is_drawn_and_clicking_an_arrow_filters(
    site: str, browser: WebDriver, tmp_path: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(site + "/claims")
    first = _wait_ready(browser)
    edges = {(e["supplier"], e["recipient"]): e for e in _edges(browser)}
    assert {k: e["articles"] for k, e in edges.items()} == {
        ("Iran", "Russia"): 4,
        ("North Korea", "Russia"): 1,
        ("Sweden", "Ukraine"): 1,
    }
    nodes = browser.execute_script(
        "return window.claimsPage.state.cy.nodes().map(n => n.data('label')).sort()"
    )
    assert nodes == ["Iran", "North Korea", "Russia", "Sweden", "Ukraine"]
    # Width by articles; colour by the dominant stance (3 asserted, 1 denied: asserted).
    assert edges[("Iran", "Russia")]["width"] == 10.0
    assert edges[("North Korea", "Russia")]["width"] == edges[("Sweden", "Ukraine")]["width"] == 1.5
    assert edges[("Iran", "Russia")]["colour"] == "rgb(179,38,30)"  # --asserted
    assert edges[("Sweden", "Ukraine")]["colour"] == "rgb(110,58,160)"  # --planned
    assert [r[:3] for r in _rows(browser)] == [
        ["2024-04-10", "Sweden", "Ukraine"],
        ["2024-04-02", "Iran", "Russia"],
        ["2024-02-20", "Iran", "Russia"],
        ["2024-02-03", "North Korea", "Russia"],
        ["2024-02-03", "Iran", "Russia"],
        ["2024-01-15", "Iran", "Russia"],
    ]
    timeline = "return Chart.getChart('timeline').data"
    data = browser.execute_script(timeline)
    assert data["labels"] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    totals = [sum(ds["data"][i] for ds in data["datasets"]) for i in range(4)]
    assert totals == [1, 3, 0, 2]

    # A real mouse click on the North Korea -> Russia arrow, at its drawn midpoint. The whole
    # graph in view first: WebDriver offsets count from the centre of the element's visible part.
    graph = browser.find_element(By.ID, "graph")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", graph)
    x, y = browser.execute_script(
        "const e = window.claimsPage.state.cy.edges().filter(e => "
        "e.data('supplier') === 'North Korea')[0]; const p = e.renderedMidpoint();"
        "return [p.x, p.y]"
    )
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    second = _wait_ready(browser, after=first)
    assert [r[:4] for r in _rows(browser)] == [["2024-02-03", "North Korea", "Russia", "granater"]]
    assert browser.find_element(By.ID, "selection").is_displayed()
    assert browser.find_element(By.ID, "selection-label").text == "North Korea → Russia"
    assert [e["selected"] for e in _edges(browser) if e["supplier"] == "North Korea"] == [True]
    assert browser.execute_script(timeline)["labels"] == ["2024-02"]
    assert "supplier=North+Korea" in browser.find_element(By.ID, "csv").get_attribute("href")

    browser.find_element(By.ID, "clear-selection").click()
    _wait_ready(browser, after=second)
    assert len(_rows(browser)) == 6

    # Offline: everything the page loaded came from the service itself.
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources and all(str(r).startswith(site) for r in resources)
    assert any(str(r).endswith("/static/vendor/cytoscape.min.js") for r in resources)
    shot = tmp_path / "claims.png"
    full_page_png(browser, shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_form_filters_and_a_claim_links_to_its_evidence(site: str, browser: WebDriver) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site + "/claims")
    first = _wait_ready(browser)
    browser.find_element(By.ID, "f-actor").send_keys("Nord-Korea")
    browser.find_element(By.ID, "apply").click()
    _wait_ready(browser, after=first)
    assert [r[1:3] for r in _rows(browser)] == [["North Korea", "Russia"]]
    assert [(e["supplier"], e["recipient"]) for e in _edges(browser)] == [("North Korea", "Russia")]
    assert browser.current_url.endswith("/claims?actor=Nord-Korea")

    link = browser.find_element(By.CSS_SELECTOR, "#claims-table tbody tr td.evidence a")
    assert link.text == "Nord-Korea sender granater til Russland."
    link.click()
    target = browser.execute_script("const t = document.querySelector(':target'); return t && t.id")
    assert browser.current_url.split("#")[1] == target and target.startswith("ev-")
    mark = browser.find_element(By.CSS_SELECTOR, f"#{target} + mark.evidence")
    assert mark.is_displayed() and mark.text == "Nord-Korea sender granater til Russland."
    assert browser.find_element(By.ID, "title").text == "Flere droner"
