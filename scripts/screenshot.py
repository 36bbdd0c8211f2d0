"""Screenshot of the page at / with a briefing on screen, taken in headless Chromium.

    python scripts/screenshot.py [--article seeds/seed_sv.txt] [--model-dir DIR] [--out FILE]

Starts the service on a free 127.0.0.1 port (with the model in --model-dir if given, else the
default settings), pastes the article into the form, submits, and saves a full-page PNG. Uses
Debian's chromium and chromedriver (`apt-get install chromium chromium-driver`); never downloads
a browser.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

ROOT = Path(__file__).resolve().parent.parent

# Headless, and quiet on a closed network: no background fetches, updates, sync or QUIC.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
)


def chromium_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) executables, or None when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@contextmanager
def chromium_driver() -> Iterator[WebDriver]:
    """A Selenium WebDriver on Debian's chromium with a fresh, empty profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise RuntimeError("chromium and chromedriver are not installed")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = paths[0]
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        # An explicit driver path: Selenium Manager is never asked to download anything.
        driver = webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))
        try:
            yield driver
        finally:
            driver.quit()


def submit_article(driver: WebDriver, url: str, text: str, timeout: float = 60.0) -> None:
    """Open the page, paste `text` into the form, submit, and wait for the briefing (or an
    error message) to be on screen."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url + "/")
    area = driver.find_element(By.ID, "text")
    # Pasting sets the field's value at once (typing 2,000 characters one by one adds nothing).
    driver.execute_script("arguments[0].value = arguments[1];", area, text)
    driver.find_element(By.ID, "submit").click()
    WebDriverWait(driver, timeout).until(
        ec.any_of(
            ec.presence_of_element_located((By.ID, "briefing")),
            ec.presence_of_element_located((By.CSS_SELECTOR, "p.error")),
        )
    )


def full_page_png(driver: WebDriver, out: Path) -> None:
    """Resize the window to the whole page and save it as PNG."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(int(height) + 40, 8000))
    out.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--article", type=Path, default=ROOT / "seeds" / "seed_sv.txt")
    parser.add_argument("--model-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("screenshots/page.png"))
    args = parser.parse_args(argv)
    if chromium_paths() is None:
        print("chromium/chromedriver not found: apt-get install chromium chromium-driver")
        return 2
    sys.path.insert(0, str(ROOT))
    from service.app import create_app
    from service.config import Settings
    from tests.live_server import serve

    settings = Settings(model_dir=args.model_dir) if args.model_dir else Settings()
    with serve(create_app(settings)) as url, chromium_driver() as driver:
        submit_article(driver, url, args.article.read_text(encoding="utf-8"))
        full_page_png(driver, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
