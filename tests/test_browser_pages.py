"""Each page type in a real browser (Chromium), opened from disk (``file://``) and from
``histkg serve``: what a historian reads is there, a person links to an office, the office
to its next holder and back, search works from disk, the query page answers, axe-core finds
no serious or critical violation in light or dark colours, and a phone-wide window (390 px)
needs no sideways scrolling.

``HISTKG_SCREENSHOTS=1`` writes the screenshots of docs/screenshots/."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import (
    axe_source,
    axe_violations,
    browser_fixture,
    dark_mode,
    needs_chromium,
    not_blank,
)
from tests.conftest import ROOT

pytestmark = needs_chromium
SHOTS = ROOT / "docs" / "screenshots" if os.environ.get("HISTKG_SCREENSHOTS") else None

#: page type -> (path, its h1, words it must show)
PAGES = {
    "person": (
        "person/nikolai-bulganin.html",
        "Nikolai Bulganin",
        ["Career", "Chronology", "Premier of the Soviet Union", "18 June 1957", "voted for"],
    ),
    "office": (
        "office/premier-of-the-soviet-union.html",
        "Premier of the Soviet Union",
        ["Holders in order", "Nikolai Bulganin", "Nikita Khrushchev", "do not date"],
    ),
    "event": (
        "event/1957-06-18-vote-presidium-of-the-cpsu-central-committee.html",
        "Vote in the Presidium of the CPSU Central Committee (1957-06-18)",
        ["18 June 1957", "7 for", "4 against", "Voted for", "Voted against", "Mikoyan"],
    ),
    "organization": (
        "organization/anti-party-group.html",
        "Anti-Party Group",
        ["Leaders and members", "Communist Party of the Soviet Union", "Vyacheslav Molotov"],
    ),
    "tenure": (
        "tenure/nikolai-bulganin-premier-of-the-soviet-union.html",
        "Nikolai Bulganin as Premier of the Soviet Union",
        ["start not given", "1958", "after: Nikita Khrushchev"],
    ),
    "timeline": ("timeline.html", "Timeline", ["Show only", "Events"]),
    "home": ("index.html", "histkg: who held what, and what happened", ["People", "Events"]),
}


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from browser_fixture(tmp_path_factory)


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.fixture(params=["file", "serve"])
def site_url(request: pytest.FixtureRequest, site_dir: Path) -> str:
    """The site's root URL, on disk or served."""
    if request.param == "file":
        return site_dir.as_uri() + "/"
    return str(request.getfixturevalue("server")) + "/"


def h1(browser: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(browser.find_element(By.TAG_NAME, "h1").text)


def wait_h1(browser: Any, title: str) -> None:
    """Wait for the page whose h1 is ``title`` (a click may return before it loads)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: h1(d) == title
    )


def body(browser: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(browser.find_element(By.TAG_NAME, "body").text)


def full_screenshot(browser: Any, path: Path, width: int) -> None:
    height = int(browser.execute_script("return document.documentElement.scrollHeight"))
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": min(height, 2400), "deviceScaleFactor": 1, "mobile": False},
    )
    path.write_bytes(browser.get_screenshot_as_png())
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_type_reads_and_passes_axe(browser: Any, axe: str, site_url: str, kind: str) -> None:
    path, title, words = PAGES[kind]
    browser.get(site_url + path)
    assert h1(browser) == title
    text = body(browser)
    for word in words:
        assert word in text, word
    assert not_blank(browser.get_screenshot_as_png())
    for dark in (False, True):
        dark_mode(browser, dark)
        violations = axe_violations(browser, axe)
        assert violations == [], (kind, "dark" if dark else "light", violations)
    if SHOTS is not None and site_url.startswith("http") and kind == "person":
        full_screenshot(browser, SHOTS / f"{kind}-dark.png", 1280)
    dark_mode(browser, False)
    if SHOTS is not None and site_url.startswith("http"):
        full_screenshot(browser, SHOTS / f"{kind}.png", 1280)


def test_person_to_office_to_next_holder_and_back(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site_url + "person/nikolai-bulganin.html")
    career = browser.find_element(By.CSS_SELECTOR, "table.career")
    career.find_element(By.LINK_TEXT, "Premier of the Soviet Union").click()
    wait_h1(browser, "Premier of the Soviet Union")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.holders tbody tr:not(.between)")
    holders = [r.find_element(By.CSS_SELECTOR, "td").text for r in rows]
    assert holders.index("Nikita Khrushchev") == holders.index("Nikolai Bulganin") + 1
    next_row = rows[holders.index("Nikolai Bulganin") + 1]
    next_row.find_element(By.LINK_TEXT, "Nikita Khrushchev").click()
    wait_h1(browser, "Nikita Khrushchev")
    # and back: the career table names his predecessor in the office
    career = browser.find_element(By.CSS_SELECTOR, "table.career")
    row = next(
        r
        for r in career.find_elements(By.CSS_SELECTOR, "tbody tr")
        if "Premier of the Soviet Union" in r.text
    )
    assert "1958" in row.text
    row.find_element(By.LINK_TEXT, "Nikolai Bulganin").click()
    wait_h1(browser, "Nikolai Bulganin")
    browser.back()
    wait_h1(browser, "Nikita Khrushchev")
    browser.back()
    wait_h1(browser, "Premier of the Soviet Union")


def test_evidence_is_one_click_away(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site_url + "person/nikolai-bulganin.html")
    chronology = browser.find_element(By.CSS_SELECTOR, "ol.chronology")
    source = chronology.find_element(By.CSS_SELECTOR, "details.source")
    assert "7 to 4 votes" not in source.text  # folded until asked for
    source.find_element(By.TAG_NAME, "summary").click()
    assert "7 to 4 votes" in source.text and "Nikolai Bulganin" in source.text


def test_search_from_disk_enter_arrows_and_diacritics(browser: Any, site_dir: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    root = site_dir.as_uri() + "/"
    browser.get(root + "office/premier-of-the-soviet-union.html")
    box = browser.find_element(By.ID, "q")
    box.send_keys("khrushch")
    WebDriverWait(browser, 5).until(
        lambda d: "Nikita Khrushchev" in d.find_element(By.ID, "hits").text
    )
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: h1(d) == "Nikita Khrushchev")

    box = browser.find_element(By.ID, "q")
    box.send_keys("Mołotóv")  # letters folded: ł -> l, ó -> o
    WebDriverWait(browser, 5).until(
        lambda d: "Vyacheslav Molotov" in d.find_element(By.ID, "hits").text
    )
    hits = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#hits li a")]
    assert hits[0] == "Vyacheslav Molotov" and len(hits) >= 2  # the person first
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    selected = browser.find_elements(By.CSS_SELECTOR, '#hits li[aria-selected="true"]')
    assert len(selected) == 1 and selected[0].find_element(By.TAG_NAME, "a").text == hits[1]
    assert box.get_attribute("aria-activedescendant") == selected[0].get_attribute("id")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: h1(d) == hits[1])


def test_timeline_labels_axis_and_filter(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(site_url + "timeline.html")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.timeline")
    outside = browser.execute_script(
        """
        var svg = arguments[0], width = svg.viewBox.baseVal.width, out = [];
        svg.querySelectorAll("text").forEach(function (t) {
          var b = t.getBBox();
          if (b.x < 0 || b.x + b.width > width + 1) { out.push(t.textContent); }
        });
        return out;
        """,
        svg,
    )
    assert outside == []  # every label and year inside the drawing
    wrap = browser.find_element(By.CSS_SELECTOR, ".timeline-wrap")
    assert browser.execute_script(
        "return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", wrap
    )
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline rect.event.span")  # month / year
    assert browser.find_elements(By.CSS_SELECTOR, 'svg.timeline rect[fill="url(#fade-right)"]')
    Select(browser.find_element(By.ID, "who")).select_by_visible_text("Nikolai Bulganin")
    dimmed = browser.find_elements(By.CSS_SELECTOR, "svg.timeline .dimmed")
    kept = browser.find_elements(By.CSS_SELECTOR, "svg.timeline [data-people~='nikolai-bulganin']")
    assert dimmed and kept and not any("dimmed" in (k.get_attribute("class") or "") for k in kept)


def test_query_page_runs_an_example_and_links_into_the_site(browser: Any, server: str) -> None:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "/sparql")
    assert h1(browser) == "Ask the graph (SPARQL)"
    browser.find_element(By.PARTIAL_LINK_TEXT, "held the office of Premier").click()
    assert "hkg:Tenure" in browser.find_element(By.ID, "query").get_attribute("value")
    browser.execute_script("window.histkgOldPage = true")
    browser.find_element(By.CSS_SELECTOR, "form.query button").click()  # run it from the form
    WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return !window.histkgOldPage && document.readyState === 'complete'"
        )
    )
    table = browser.find_element(By.CSS_SELECTOR, "table.results")
    assert "?officeName" in table.text and "Nikolai Bulganin" in table.text
    csv = browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
    assert "format=csv" in csv
    table.find_element(By.LINK_TEXT, "person/nikolai-bulganin").click()
    wait_h1(browser, "Nikolai Bulganin")
    bad = "SELECT ?p WHERE {\n  ?p a hkg:Person\n  FILTER(\n}"
    browser.get(server + "/sparql?" + urllib.parse.urlencode({"query": bad}))
    error = browser.find_element(By.CSS_SELECTOR, "p.error").text
    assert "line 4, column" in error
    assert browser.find_element(By.CSS_SELECTOR, "pre.query-lines .bad").text.endswith("}")


def test_query_page_passes_axe(browser: Any, axe: str, server: str) -> None:
    query = (ROOT / "queries" / "votes.rq").read_text(encoding="utf-8")
    browser.get(server + "/sparql?" + urllib.parse.urlencode({"query": query}))
    for dark in (False, True):
        dark_mode(browser, dark)
        assert axe_violations(browser, axe) == [], "dark" if dark else "light"
    dark_mode(browser, False)
    if SHOTS is not None:
        full_screenshot(browser, SHOTS / "query.png", 1280)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_phone_width_needs_no_sideways_scrolling(browser: Any, site_dir: Path, kind: str) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        browser.get(site_dir.as_uri() + "/" + PAGES[kind][0])
        assert browser.execute_script("return window.innerWidth") == 390
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, (kind, width)
        png = browser.get_screenshot_as_png()
        assert not_blank(png)
        if SHOTS is not None and kind in ("person", "office"):
            (SHOTS / f"{kind}-390px.png").write_bytes(png)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
