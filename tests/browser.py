"""Helpers of the browser tests: a headless Chromium (Debian's, through chromedriver) and
axe-core (npm, installed into node_modules/ by ``make axe``) run in its pages."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

needs_chromium = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="chromium and chromium-driver (Debian) are not installed; make test installs them as root",
)


def start_browser(profile: Path, width: int = 1280, height: int = 1000) -> Any:
    """A headless Chromium driven by Selenium."""
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
        "--allow-file-access-from-files",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def browser_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def axe_source() -> str:
    """axe-core's script; installed with ``make axe`` (npm) when missing, else skipped."""
    if not AXE.is_file() and shutil.which("npm") and shutil.which("make"):
        subprocess.run(
            ["make", "-s", "axe"], cwd=ROOT, check=False, timeout=300, capture_output=True
        )
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (make axe needs npm)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(driver: Any, source: str) -> list[dict[str, Any]]:
    """The serious and critical violations axe-core finds in the page open in ``driver``."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(source)
    found: list[dict[str, Any]] = driver.execute_async_script(
        """
        var done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
          done(r.violations.map(function (v) {
            return {id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); })};
          }));
        }, function (e) { done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]); });
        """
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


def dark_mode(driver: Any, on: bool) -> None:
    """Make the page's prefers-color-scheme dark (or light again)."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark" if on else "light"}]},
    )


def not_blank(png: bytes) -> bool:
    """A page screenshot with content compresses far worse than an empty one."""
    return png.startswith(b"\x89PNG") and len(png) > 20_000
