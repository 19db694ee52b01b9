"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright.

Starts the dashboard (the command `run_dashboard` runs) on a free loopback port over a
warehouse built from the sample corpus, checks that the overview, a source page and an
event page show the warehouse's real numbers, picks a source in the sidebar filter and
sees the numbers change, and saves the screenshots the README shows (docs/screenshots/).
How fast the pages load is measured by benchmarks/bench_dashboard.py, not asserted here.
Needs /usr/bin/chromium (the Makefile installs Debian's `chromium` package; Playwright
never downloads a browser): skipped with that reason when it is missing, a failure when
CI is set.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import duckdb
import pytest

from newspipe.dashboard import dashboard_command
from tests.conftest import REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "docs" / "screenshots"
VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture(scope="module")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {CHROMIUM} is missing: the browser test must run in CI")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package to run it")
    return CHROMIUM


@pytest.fixture(scope="module")
def expected(chromium_path, sample_warehouse) -> dict:
    """The numbers the pages must show, read straight from the catalog."""
    with duckdb.connect(str(sample_warehouse / "newspipe.duckdb"), read_only=True) as con:

        def one(sql):
            return con.execute(sql).fetchall()[0]

        return {
            "articles": one("select count(*) from articles")[0],
            "sources": one("select count(distinct source) from articles")[0],
            "source": one(
                "select source, count(*) from articles group by source "
                "order by count(*) desc, source limit 1"
            ),
            "small_source": one(
                "select source, count(*) from articles group by source "
                "order by count(*), source limit 1"
            ),
            "event": one(
                "select event_id, n_articles, n_sources from event_summary "
                "order by n_articles desc, event_id limit 1"
            ),
        }


@pytest.fixture(scope="module")
def dashboard_url(sample_warehouse):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        dashboard_command(sample_warehouse, port),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()


def test_overview_numbers_and_the_source_filter(page, dashboard_url, expected):
    page.goto(dashboard_url + "/")
    _expect_metric(page, "Articles", expected["articles"])
    _expect_metric(page, "Sources", expected["sources"])
    _settle(page)
    _screenshot(page, "overview")

    source, n_articles = expected["small_source"]
    page.get_by_role("combobox", name=re.compile("Sources")).click()
    page.keyboard.type(source)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _expect_metric(page, "Articles", n_articles)
    _expect_metric(page, "Sources", 1)


def test_source_page(page, dashboard_url, expected):
    source, n_articles = expected["source"]
    page.goto(f"{dashboard_url}/sources?source={urllib.parse.quote(source)}")
    _expect_metric(page, "Articles", n_articles)
    from playwright.sync_api import expect

    # The page is about that source: its name is what the source picker shows.
    expect(page.get_by_role("combobox", name="Source", exact=True)).to_have_value(source)
    _settle(page)
    _screenshot(page, "source")


def test_event_page(page, dashboard_url, expected):
    event_id, n_articles, n_sources = expected["event"]
    page.goto(f"{dashboard_url}/events?event={event_id}")
    _expect_metric(page, "Articles", n_articles)
    _expect_metric(page, "Sources", n_sources)
    _settle(page)
    _screenshot(page, "event")


def test_syndication_page(page, dashboard_url):
    page.goto(dashboard_url + "/syndication")
    page.get_by_role("heading", name="Syndication").wait_for()
    _settle(page)
    _screenshot(page, "syndication")


def _wait_healthy(url: str, process: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the dashboard exited: {process.stdout.read().decode()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the dashboard at {url} was not healthy after {timeout_s} s")


def _metric(page, label: str):
    exact = page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(f"^{label}$"))
    return page.locator('[data-testid="stMetric"]', has=exact).locator(
        '[data-testid="stMetricValue"]'
    )


def _expect_metric(page, label: str, value: int) -> None:
    from playwright.sync_api import expect

    expect(_metric(page, label)).to_have_text(f"{value:,}", timeout=20_000)


def _settle(page) -> None:
    """Wait until Streamlit has finished the script run and the charts have drawn."""
    page.wait_for_load_state("networkidle")
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=20_000)
    page.wait_for_timeout(800)


def _screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
