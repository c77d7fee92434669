"""The HTML report in a real headless chromium (make test-browser; plain pytest deselects these).

The demo report is made by the real CLI (`check --html`), then read back as a person would: every
claim of the CSV is in the page with its verdict, filters hide what they should, selecting a claim
shows its evidence, and an article full of markup shows it as text and runs nothing. A screenshot of
the demo report is saved to $VERICLAIM_SCREENSHOT (default out/browser/demo-report.png).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, bundled_model_or_skip

from vericlaim.report_read import read_report

pytestmark = pytest.mark.browser
TRANSPARENT = "rgba(0, 0, 0, 0)"


def _cli(*args):
    run = subprocess.run([sys.executable, "-m", "vericlaim", *map(str, args)], capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return run


# Headless and quiet: a fresh profile, and none of the background connections (component updates,
# sync, QUIC, first-run pings) that a closed network refuses and that would slow or break the run.
CHROMIUM_ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                      "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions")


def start_chromium(profile: Path, width: int = 1400, height: int = 1000):
    """A headless chromium driven through Debian's chromedriver, with its profile in ``profile``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        pytest.fail("chromium and chromedriver are not installed: run `make test-browser`, which installs them")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (*CHROMIUM_ARGUMENTS, f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=driver_path))


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def demo(example_index, tmp_path_factory):
    bundled_model_or_skip()
    folder = tmp_path_factory.mktemp("demo")
    _cli("check", EXAMPLES / "articles", "--index", example_index, "--out", folder / "demo-report.csv",
         "--html", folder / "demo-report.html", "-q")
    return folder / "demo-report.html", read_report(folder / "demo-report.csv")


def _open(driver, page: Path):
    driver.get(page.resolve().as_uri())
    driver.get_log("browser")  # start each page with an empty console


def _severe(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _claims(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "#articles .claim")


def _text(element, selector: str) -> str:
    from selenium.webdriver.common.by import By

    return element.find_element(By.CSS_SELECTOR, selector).get_attribute("textContent")


def test_every_claim_of_the_csv_is_in_the_page_with_its_verdict(browser, demo):
    from selenium.webdriver.common.by import By

    page, rows = demo
    _open(browser, page)
    assert len(rows) >= 5
    elements = _claims(browser)
    assert len(elements) == len(rows)
    for i, row in enumerate(rows):
        element = browser.find_element(By.ID, f"c-{i}")
        assert _text(element, ".ctext") == row.claim
        assert element.get_attribute("data-verdict") == row.verdict
        label = element.find_element(By.CSS_SELECTOR, ".vlabel")
        assert label.is_displayed() and row.verdict in label.text.lower()
        assert element.value_of_css_property("background-color") != TRANSPARENT
    assert browser.find_element(By.ID, "shown").text == f"{len(rows)} of {len(rows)} claims shown"
    assert _severe(browser) == []


def test_filtering_by_verdict_hides_the_others(browser, demo):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page, rows = demo
    _open(browser, page)
    keep = "contradicted"
    assert any(r.verdict == keep for r in rows) and any(r.verdict != keep for r in rows)
    for box in browser.find_elements(By.CSS_SELECTOR, "#filters input[type=checkbox]"):
        if box.get_attribute("value") != keep:
            box.click()
    for i, row in enumerate(rows):
        element = browser.find_element(By.ID, f"c-{i}")
        label = element.find_element(By.CSS_SELECTOR, ".vlabel")
        assert label.is_displayed() == (row.verdict == keep), row.claim
        marked = element.value_of_css_property("background-color") != TRANSPARENT
        assert marked == (row.verdict == keep), row.claim
    wanted = sum(r.verdict == keep for r in rows)
    assert browser.find_element(By.ID, "shown").text == f"{wanted} of {len(rows)} claims shown"
    for section in browser.find_elements(By.CSS_SELECTOR, "section.article"):
        has_kept = any(r.verdict == keep for r in rows if r.article_id == _text(section, ".meta code"))
        assert section.is_displayed() == has_kept

    Select(browser.find_element(By.ID, "f-article")).select_by_visible_text(rows[0].article_id)
    shown = [s for s in browser.find_elements(By.CSS_SELECTOR, "section.article") if s.is_displayed()]
    assert [_text(s, ".meta code") for s in shown] in ([rows[0].article_id], [])


def test_selecting_a_claim_shows_its_verdict_and_evidence(browser, demo):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page, rows = demo
    _open(browser, page)
    detail = browser.find_element(By.ID, "detail")
    cited = [i for i, r in enumerate(rows) if r.evidence]
    assert cited
    for i in cited[:4]:
        row = rows[i]
        browser.find_element(By.ID, f"c-{i}").click()
        text = detail.text
        assert row.verdict.upper() in text.upper() and row.claim in text
        assert row.reason_code in text and " ".join(row.reason.split()) in " ".join(text.split())
        assert f"{round(row.confidence * 100)}%" in text
        assert " ".join(row.evidence.split())[:60] in " ".join(text.split())
        for value in (row.evidence_title, row.evidence_source, row.evidence_date, f"{row.evidence_score:.3f}"):
            assert value and value in text
    disputed = [i for i, r in enumerate(rows) if r.counter_evidence]
    for i in disputed[:1]:
        element = browser.find_element(By.ID, f"c-{i}")
        element.send_keys(Keys.ENTER)  # keyboard selection works too
        assert "Counter-evidence" in detail.text
        assert " ".join(rows[i].counter_evidence.split())[:60] in " ".join(detail.text.split())
    assert _severe(browser) == []


def test_screenshot_of_the_demo_report(browser, demo):
    from selenium.webdriver.common.by import By

    page, rows = demo
    _open(browser, page)
    pick = next((i for i, r in enumerate(rows) if r.verdict == "contradicted" and r.evidence), 0)
    browser.find_element(By.ID, f"c-{pick}").click()
    browser.execute_script("window.scrollTo(0, 0)")
    target = Path(os.environ.get("VERICLAIM_SCREENSHOT") or ROOT / "out" / "browser" / "demo-report.png")
    target.parent.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(target))
    assert target.stat().st_size > 10_000


HOSTILE = ("<img src=x onerror=\"window.pwned='title'\"> Attack on Camp Alder\n"
           "Marsel, 30 December 2019 (Wire) - <script>window.pwned = 'script'</script>Nine rockets hit Camp "
           "Alder near Marsel on Friday, the army said. <img src=x onerror=\"window.pwned = 'img'\"> Six "
           "soldiers were wounded in the attack on Camp Alder. <b onmouseover=\"window.pwned='b'\">bold</b>\n")


def test_markup_in_an_article_shows_as_text_and_runs_nothing(browser, example_index, tmp_path):
    from selenium.webdriver.common.by import By

    bundled_model_or_skip()
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    _cli("check", articles, "--index", example_index, "--out", tmp_path / "hostile.csv", "-q")
    _cli("report", tmp_path / "hostile.csv", "--articles", articles, "--html", tmp_path / "hostile.html", "-q")
    rows = read_report(tmp_path / "hostile.csv")
    assert rows
    _open(browser, tmp_path / "hostile.html")
    for element in _claims(browser):
        element.click()
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.find_elements(By.CSS_SELECTOR, "#articles img, #articles b, #detail img") == []
    article = browser.find_element(By.CSS_SELECTOR, "section.article")
    shown = article.get_attribute("textContent")
    assert "<script>window.pwned = 'script'</script>" in shown
    assert "<img src=x onerror=\"window.pwned = 'img'\">" in shown
    assert "<img src=x onerror=\"window.pwned='title'\"> Attack on Camp Alder" in shown
    for i, row in enumerate(rows):
        assert _text(browser.find_element(By.ID, f"c-{i}"), ".ctext") == row.claim
    assert _severe(browser) == []
