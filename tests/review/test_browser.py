"""The HTML report in a real headless Chromium: marks, links, tooltips, no script ever runs.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without them the test
skips with a message, unless EXTRACT_REQUIRE_BROWSER=1 (set by CI), where it fails instead.
Screenshots are saved to outputs/screenshots/ for people to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract.review import load_run, render_report
from tests.review.records import write_run

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "outputs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
BROWSER_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


def _missing() -> str | None:
    if CHROMIUM is None or DRIVER is None:
        return "no chromium/chromedriver (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if os.environ.get("EXTRACT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test required but {missing}")
        pytest.skip(f"browser test skipped: {missing}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in BROWSER_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver: Any, page: Path, fragment: str = "") -> None:
    driver.get(page.as_uri() + fragment)


def _console(driver: Any) -> list[dict[str, Any]]:
    return list(driver.get_log("browser"))


def test_report_marks_links_and_tooltips_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    run = write_run(tmp_path / "run")
    page = tmp_path / "report.html"
    page.write_text(render_report(load_run(run)), encoding="utf-8")
    _open(browser, page)
    home = browser.find_element(By.ID, "home")
    assert home.is_displayed() and "Doubtful items (4" in home.text
    assert browser.title.startswith("extract review")
    assert browser.find_elements(By.TAG_NAME, "script") == []

    first = browser.find_element(By.CSS_SELECTOR, "#home td a")
    first.click()  # the most doubtful item: the direct quote without a speaker
    article = browser.find_element(By.ID, "a-0")
    assert article.is_displayed() and not home.is_displayed()
    body = article.find_element(By.CLASS_NAME, "text")
    assert '<script>document.title="pwned"</script>' in body.text  # shown, not run
    assert '<a href="javascript:alert(1)">click</a>' in body.text
    assert "Bridge <b>reopens</b>" in article.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert browser.execute_script("return document.title") != "pwned"
    links = [a.get_attribute("href") or "" for a in browser.find_elements(By.TAG_NAME, "a")]
    assert not any(link.startswith("javascript:") for link in links)

    entities = body.find_elements(By.CSS_SELECTOR, "a.ent")
    assert [e.text.split("\n")[0] for e in entities][:2] == ["Ada Lovelace", "Lovelace"]
    monday = body.find_element(By.CSS_SELECTOR, "span.date")
    assert monday.get_attribute("title") == (
        "DATE 2024-03-04 · anchor: publication date 2024-03-06 · confidence 0.8"
    )
    claim = body.find_element(By.CSS_SELECTOR, "span.claim")
    tip = claim.get_attribute("title") or ""
    assert "check-worthiness 0.91" in tip and "quantities: 4 million euros" in tip
    assert body.find_elements(By.CSS_SELECTOR, "span.speaker.none")  # the unattributed quote
    said = body.find_element(By.CSS_SELECTOR, "span.quote.partial")
    assert said.get_attribute("title") == (
        "partial quote · speaker: Ada Lovelace (0.94): subject of ‘said’ · cue: said"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "review-article-hostile.png"))

    speaker = body.find_element(By.CSS_SELECTOR, "a.speaker")
    assert speaker.text == "Ada Lovelace"
    speaker.click()  # the quote links to its speaker's registry entry
    row = browser.find_element(By.ID, "e-ent_ada000000001")
    assert row.is_displayed() and "initial of (0.7)" in row.text
    assert not article.is_displayed()
    severe = [entry for entry in _console(browser) if entry.get("level") == "SEVERE"]
    assert severe == []


def test_screenshot_of_the_example_run(browser: Any, tmp_path: Path) -> None:
    """The committed example run, rendered for the README (outputs/screenshots/)."""
    example = ROOT / "outputs" / "example"
    view = load_run(example)
    page = tmp_path / "example.html"
    page.write_text(render_report(view), encoding="utf-8")
    from selenium.webdriver.common.by import By

    richest = max(range(len(view.articles)), key=lambda n: len(view.articles[n]["quotes"]))
    _open(browser, page, f"#a-{richest}")
    section = browser.find_element(By.ID, f"a-{richest}")
    assert section.is_displayed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "review-report.png"))
    assert [e for e in _console(browser) if e.get("level") == "SEVERE"] == []
