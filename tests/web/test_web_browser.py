"""End-to-end tests in headless Chromium (Debian's chromium + chromium-driver) against a live uvicorn server.

Skipped when /usr/bin/chromium, its driver or Selenium is missing. Set LAGEBILD_SCREENSHOTS=DIR to keep screenshots.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.web import create_app
from web_helpers import make_store

CHROMIUM = "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
    pytest.skip("needs Debian's chromium and chromium-driver", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = make_store(tmp_path_factory.mktemp("web") / "store.duckdb")
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not app_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app_server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch drivers
    profile = tempfile.mkdtemp(prefix="lagebild-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1366,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    target = Path(os.environ.get("LAGEBILD_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def _ticker_dates(driver: webdriver.Chrome) -> list[str]:
    return [li.get_attribute("data-date") for li in driver.find_elements(By.CSS_SELECTOR, "#ticker > li")]


def test_story_ticker_toggles_order(server: str, browser: webdriver.Chrome, shots: Path) -> None:
    browser.get(f"{server}/stories/s1")
    assert _ticker_dates(browser) == ["2021-12-09", "2021-12-08", "2021-12-07"]
    assert browser.find_elements(By.CSS_SELECTOR, "svg rect.bar") and browser.find_element(
        By.CSS_SELECTOR, "polyline.curve"
    )
    browser.save_screenshot(str(shots / "story.png"))
    button = browser.find_element(By.ID, "ticker-order")
    old_label = button.text
    button.click()
    WebDriverWait(browser, 5).until(lambda d: _ticker_dates(d)[0] == "2021-12-07")
    assert _ticker_dates(browser) == ["2021-12-07", "2021-12-08", "2021-12-09"]
    assert button.text != old_label and "order=oldest" in browser.current_url  # the script ran under the CSP
    button.click()
    WebDriverWait(browser, 5).until(lambda d: _ticker_dates(d)[0] == "2021-12-09")


def test_open_article_from_ticker_shows_highlights(
    server: str, browser: webdriver.Chrome, shots: Path
) -> None:
    browser.get(f"{server}/stories/s1?lang=en")
    browser.find_element(By.LINK_TEXT, "Tagesblatt").click()
    WebDriverWait(browser, 5).until(ec.presence_of_element_located((By.ID, "article-text")))
    assert browser.find_element(By.ID, "article-title").text == "Putin fordert Garantien"
    person = browser.find_element(By.CSS_SELECTOR, "#article-text .hl-ent-PER")
    assert person.text == "Putin"
    assert person.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    timex = browser.find_element(By.CSS_SELECTOR, "#article-text .hl-tmx")
    assert timex.text == "am Dienstag"
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text .hl-quote")
    assert "Jetzt abonnieren!" in browser.find_element(By.ID, "removed").text
    browser.save_screenshot(str(shots / "article.png"))


def test_search_finds_articles(server: str, browser: webdriver.Chrome, shots: Path) -> None:
    browser.get(server)
    box = browser.find_element(By.ID, "q")
    box.send_keys("Sanktionen")
    browser.find_element(By.ID, "search-button").click()
    WebDriverWait(browser, 5).until(ec.presence_of_element_located((By.ID, "hits")))
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#hits mark")]
    assert "Sanktionen" in marks
    assert "Biden droht mit Sanktionen" in browser.find_element(By.ID, "hits").text
    assert browser.find_elements(By.CSS_SELECTOR, "#stories tbody tr")
    browser.save_screenshot(str(shots / "search.png"))


def test_hostile_article_stays_inert(server: str, browser: webdriver.Chrome, shots: Path) -> None:
    for path in ("/articles/evil", "/stories/s1", "/?q=Harmloser"):
        browser.get(server + path)
        assert browser.execute_script("return typeof window.__pwned") == "undefined", path
        assert not browser.find_elements(By.CSS_SELECTOR, "main img, main script")
    assert "<script>window.__pwned = 1</script>" in browser.find_element(By.ID, "hits").text
    browser.get(server + "/articles/evil")
    browser.save_screenshot(str(shots / "hostile.png"))
