"""`searchidx serve` in a real browser: Debian's chromium, headless, driven through its chromedriver
(.ci/browser.sh installs both; these tests skip, saying so, only when they are absent). The server is
a real subprocess. Screenshots of each step are saved in the test's temporary folder."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed (pip install '.[serve]')")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from tests.serve_helpers import RELEASES, XSS_RELEASE, build_index, start_server, write_releases  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"no browser: {CHROMIUM} and {CHROMEDRIVER} are needed (bash .ci/browser.sh installs them)",
                allow_module_level=True)


def _driver(profile: Path, *, javascript: bool = True):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # Root in a container: no sandbox; nothing fetched from the network but the server under test.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    return driver


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("serve-browser")
    write_releases(root / "releases")
    build_index(root / "releases", root / "index")
    srv = start_server(root / "index")
    yield srv
    code, err = srv.stop()
    assert code == 0 and "Traceback" not in err, err


@pytest.fixture(scope="module")
def browser():
    profile = Path(tempfile.mkdtemp(prefix="searchidx-chromium-"))
    driver = _driver(profile)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


class Steps:
    """Screenshots numbered in order in the test's folder, and the browser's console checked at each."""

    def __init__(self, driver, folder: Path) -> None:
        self.driver, self.folder, self.n = driver, folder, 0
        driver.get_log("browser")  # what earlier tests left

    def shot(self, name: str, *, expected: str | None = None) -> None:
        self.n += 1
        path = self.folder / f"{self.n:02d}-{name}.png"
        assert self.driver.save_screenshot(str(path)) and path.stat().st_size > 1000, path
        # No script error, no resource refused by the content security policy, no failed load.
        # ``expected``: the one message the step causes on purpose (a bad query's page comes with status 400).
        problems = [e["message"] for e in self.driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")
                    and not (expected and expected in e["message"])]
        assert not problems, (name, problems)


def wait_url(driver, test) -> dict[str, list[str]]:
    WebDriverWait(driver, 20).until(lambda d: test(parse_qs(urlparse(d.current_url).query), d.current_url))
    return parse_qs(urlparse(driver.current_url).query)


def hit_ids(driver) -> list[str]:
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "article.hit a.release")]


def search(driver, query: str) -> None:
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query, Keys.RETURN)
    wait_url(driver, lambda q, _: q.get("q") == [query])


def test_search_facet_page_release_speaker_and_back(browser, server, tmp_path):
    steps = Steps(browser, tmp_path)
    browser.get(server.url)
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    search(browser, "harbour")
    count = browser.find_element(By.ID, "count").text
    assert f"of {2 * RELEASES} matching paragraphs" in count and f"({RELEASES - 1} copies folded in)" in count
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.hit")) == 10
    marks = {m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, "article.hit mark")}
    assert marks == {"harbour"}
    copies = browser.find_element(By.CSS_SELECTOR, "details.copies")
    assert not copies.find_element(By.TAG_NAME, "ul").is_displayed()
    copies.find_element(By.TAG_NAME, "summary").click()
    assert len(copies.find_elements(By.CSS_SELECTOR, "li a")) == RELEASES - 1
    steps.shot("search")

    # Paging, and back.
    first_page = hit_ids(browser)
    assert len(first_page) == 10
    browser.find_element(By.ID, "next").click()
    wait_url(browser, lambda q, _: q.get("page") == ["2"])
    second_page = hit_ids(browser)
    assert second_page and not set(second_page) & set(first_page)
    steps.shot("page-2")
    browser.back()
    wait_url(browser, lambda q, _: "page" not in q)
    assert hit_ids(browser) == first_page

    # A facet: the place.
    place = browser.find_element(By.CSS_SELECTOR, "#facet-location").find_element(By.LINK_TEXT, "LISBON")
    assert place.find_element(By.XPATH, "following-sibling::span").text == str(2 * RELEASES // 3)
    place.click()
    assert wait_url(browser, lambda q, _: "place" in q)["place"] == ["lisbon"]
    assert f"of {2 * RELEASES // 3} matching paragraphs" in browser.find_element(By.ID, "count").text
    metas = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "article.hit .where .meta")]
    assert metas and all(m.endswith("LISBON") for m in metas)
    assert "place: lisbon" in browser.find_element(By.CSS_SELECTOR, ".chips").text
    steps.shot("facet")

    first_page = hit_ids(browser)
    # A release, at the hit's paragraph.
    link = browser.find_elements(By.CSS_SELECTOR, "article.hit a.release")[3]
    title, target = link.text, link.get_attribute("href")
    link.click()
    WebDriverWait(browser, 20).until(lambda d: "/release/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    n = urlparse(target).fragment
    para = browser.find_element(By.CSS_SELECTOR, "section.para.hit")
    assert para.get_attribute("id") == n
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", para)
    steps.shot("release")
    browser.back()
    wait_url(browser, lambda q, url: "/release/" not in url and q.get("place") == ["lisbon"])

    # A speaker, and back.
    speaker = browser.find_element(By.CSS_SELECTOR, "article.hit a.speaker")
    name = speaker.text
    speaker.click()
    WebDriverWait(browser, 20).until(lambda d: "/speaker/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == name == "Ana Costa"
    assert browser.find_element(By.CSS_SELECTOR, ".roles").text == "director of the harbour board"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#releases li")) == RELEASES
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.timeline rect")) == 6
    steps.shot("speaker")
    browser.back()
    wait_url(browser, lambda q, url: "/speaker/" not in url and q.get("place") == ["lisbon"])
    assert hit_ids(browser) == first_page


def test_bad_query_shows_its_hint_and_did_you_mean_is_a_link(browser, server, tmp_path):
    steps = Steps(browser, tmp_path)
    browser.get(server.url)
    search(browser, '"unclosed harbour')
    error = browser.find_element(By.ID, "query-error")
    assert error.is_displayed() and "unbalanced quote" in error.text
    assert browser.find_element(By.ID, "query-hint").text
    assert browser.find_element(By.ID, "q").get_attribute("value") == '"unclosed harbour'
    assert not browser.find_elements(By.CSS_SELECTOR, "article.hit")
    steps.shot("bad-query", expected="status of 400 (Bad Request)")
    search(browser, "harbur")
    suggestion = browser.find_element(By.ID, "suggestion")
    assert suggestion.text == "harbour"
    suggestion.click()
    wait_url(browser, lambda q, _: q.get("q") == ["harbour"])
    assert f"of {2 * RELEASES} matching" in browser.find_element(By.ID, "count").text
    steps.shot("did-you-mean")


def test_timeline_month_and_sort_filter(browser, server, tmp_path):
    steps = Steps(browser, tmp_path)
    browser.get(server.url + "?q=harbour")
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline svg a")
    assert len(bars) == 6
    bars[2].click()
    query = wait_url(browser, lambda q, _: "since" in q)
    assert query["since"] == query["until"] == ["2024-03"]
    dates = [m.text.split(" · ")[0] for m in browser.find_elements(By.CSS_SELECTOR, "article.hit .where .meta")]
    assert dates and all(d.startswith("2024-03") for d in dates)
    steps.shot("month")
    # The script submits a choice as it changes; typed filters wait for Enter.
    browser.get(server.url + "?q=harbour")
    Select(browser.find_element(By.NAME, "sort")).select_by_value("date")
    query = wait_url(browser, lambda q, _: q.get("sort") == ["date"])
    assert set(query) == {"q", "sort"}  # empty fields stay out of the shared URL
    dates = [m.text.split(" · ")[0] for m in browser.find_elements(By.CSS_SELECTOR, "article.hit .where .meta")]
    assert dates == sorted(dates, reverse=True)
    browser.find_element(By.NAME, "quotes").click()
    wait_url(browser, lambda q, _: q.get("quotes") == ["1"])
    assert {s.text for s in browser.find_elements(By.CSS_SELECTOR, "article.hit .speaker")} == {"Ana Costa"}
    steps.shot("sorted-quotes")


def test_release_with_script_and_javascript_links_stays_text(browser, server, tmp_path):
    steps = Steps(browser, tmp_path)
    browser.get(server.url)
    search(browser, "alert")
    shown = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "<script>alert('body')</script>" in shown
    assert "the council's <script>alert('role')</script> spokesperson" in shown
    assert "Jane O'Hara" in shown
    steps.shot("xss-search")
    browser.find_element(By.CSS_SELECTOR, "article.hit a.release").click()
    WebDriverWait(browser, 20).until(lambda d: "/release/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == XSS_RELEASE["title"]
    assert "<img src=x onerror=alert('quote')>" in browser.find_element(By.TAG_NAME, "main").text
    assert not browser.find_elements(By.ID, "original")  # the javascript: address is not a link
    assert browser.find_element(By.CSS_SELECTOR, ".original code").text == XSS_RELEASE["url"]
    hrefs = browser.execute_script("return [...document.querySelectorAll('[href],[src]')].map("
                                   "e => e.getAttribute('href') || e.getAttribute('src'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    assert browser.execute_script("return document.scripts.length") == 1
    steps.shot("xss-release")
    browser.find_element(By.CSS_SELECTOR, "section.para a.speaker").click()
    WebDriverWait(browser, 20).until(lambda d: "/speaker/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Jane O'Hara"
    steps.shot("xss-speaker")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - an alert would mean some text ran as script


def test_search_and_paging_work_without_javascript(server, tmp_path):
    profile = tmp_path / "profile"
    driver = _driver(profile, javascript=False)
    try:
        steps = Steps(driver, tmp_path)
        driver.get(server.url)
        search(driver, "harbour")
        assert f"of {2 * RELEASES} matching" in driver.find_element(By.ID, "count").text
        # Without the script a changed choice waits for the form to be sent.
        Select(driver.find_element(By.NAME, "sort")).select_by_value("date")
        assert "sort=score" in driver.current_url  # every field is sent, empty or not
        driver.find_element(By.CSS_SELECTOR, "form.search button").click()
        wait_url(driver, lambda q, _: q.get("sort") == ["date"])
        driver.find_element(By.ID, "next").click()
        wait_url(driver, lambda q, _: q.get("page") == ["2"])
        assert len(driver.find_elements(By.CSS_SELECTOR, "article.hit")) == 10
        steps.shot("no-js-page-2")
    finally:
        driver.quit()
