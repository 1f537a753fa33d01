"""A real headless browser (Debian's chromium, driven through chromedriver) against
``histkg serve``: pages render, hold the expected names and dates, links and search work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="chromium and chromium-driver (Debian) are not installed; make test installs them as root",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def not_blank(png: bytes) -> bool:
    """A page screenshot with content compresses far worse than an empty one."""
    return png.startswith(b"\x89PNG") and len(png) > 20_000


def test_browser_home_page(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/index.html")  # type: ignore[attr-defined]
    assert "histkg" in browser.title  # type: ignore[attr-defined]
    counts = browser.find_element(By.CSS_SELECTOR, "ul.counts").text  # type: ignore[attr-defined]
    assert "People" in counts and "Events" in counts
    assert not_blank(browser.get_screenshot_as_png())  # type: ignore[attr-defined]


def test_browser_person_page_and_click_to_an_event(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/person/georgy-malenkov")  # type: ignore[attr-defined]  # 303 to the page
    assert browser.find_element(By.TAG_NAME, "h1").text == "Georgy Malenkov"  # type: ignore[attr-defined]
    body = browser.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
    assert "Premier of the Soviet Union" in body and "Where the text says so" in body
    assert not_blank(browser.get_screenshot_as_png())  # type: ignore[attr-defined]
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Expulsion of")  # type: ignore[attr-defined]
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Expulsion of")  # type: ignore[attr-defined]
    assert "1961" in browser.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
    assert browser.current_url.endswith(".html")  # type: ignore[attr-defined]


def test_browser_timeline(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/timeline.html")  # type: ignore[attr-defined]
    circles = browser.find_elements(By.CSS_SELECTOR, "svg.timeline .event")  # type: ignore[attr-defined]
    assert len(circles) == 14
    text = browser.find_element(By.CSS_SELECTOR, "svg.timeline").text  # type: ignore[attr-defined]
    assert "Vote in the Presidium of the CPSU Central Committee (1957-06-18)" in text
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.timeline rect.tenure")) >= 5  # type: ignore[attr-defined]
    assert not_blank(browser.get_screenshot_as_png())  # type: ignore[attr-defined]


def test_browser_search_box(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "/index.html")  # type: ignore[attr-defined]
    box = browser.find_element(By.ID, "q")  # type: ignore[attr-defined]
    box.send_keys("zhukov")
    WebDriverWait(browser, 10).until(
        lambda d: "Georgy Zhukov" in d.find_element(By.ID, "hits").text
    )
    browser.find_element(By.PARTIAL_LINK_TEXT, "Georgy Zhukov").click()  # type: ignore[attr-defined]
    assert browser.find_element(By.TAG_NAME, "h1").text == "Georgy Zhukov"  # type: ignore[attr-defined]
