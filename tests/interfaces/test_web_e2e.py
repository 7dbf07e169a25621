"""The observatory page in a real headless Chromium: load, filter, open an incident, see the evidence, review."""
from __future__ import annotations

import os
from datetime import date

import pytest

from marsad.batch.local import ingest, run_pending
from marsad.document import Article
from marsad.interfaces.api import serve_in_thread
from marsad.link.run import link_store
from marsad.store.db import Store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HOSTILE = ('<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> قصفت طائرات حربية روسية اليوم '
           'بلدة كفرنبل في ريف إدلب ما أسفر عن مقتل 4 مدنيين، بحسب المرصد السوري لحقوق الإنسان.')

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed "
                                "(.ci/run installs it: apt-get install chromium)")


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared):
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    store = Store(db)
    ingest(store, [shared / "eval" / "texts"])
    store.ingest(Article("hostile", HOSTILE, date(2021, 3, 1), "metadata"))
    run_pending(store, progress=False)
    link_store(store)
    base, server = serve_in_thread(db)
    yield base, store
    server.should_exit = True


def _search(page, base: str | None = None, **fields) -> None:
    """Open the page (when `base` is given), set the filters, apply, and wait for the redraw."""
    if base:
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']")
    for name, value in fields.items():
        if name == "admin1":
            page.select_option("select[name=admin1]", value)
        else:
            page.fill(f"input[name={name}]", value)
    page.click("#apply")
    page.wait_for_selector("body[data-ready='1']")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_load_filter_open_review(site, browser):
    base, store = site
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']")
    total = store.count_incidents()
    assert page.locator("#list tbody tr").count() == total
    assert page.locator("#map circle.dot").count() == total
    assert page.locator("#map path.border").count() == 1 and page.locator("#timeline rect.bar").count() > 0

    _search(page, admin1="Homs")
    assert page.locator("#list tbody tr").count() == 2

    _search(page, admin1="", q="الشعفة")
    row = page.locator("#list tbody tr", has=page.locator("td:nth-child(5)", has_text="2")).first
    row.click()
    page.wait_for_selector("#incident .report")
    assert page.locator("#incident .report").count() == 2
    trigger = page.locator("#incident .report").first.locator(".ev-trigger").first
    assert trigger.inner_text().strip()
    assert page.locator("#incident .article sup.tag").first.inner_text() in ("trigger", "casualties", "date",
                                                                            "place", "actor 1", "actor 2", "source")
    assert page.locator("#incident .article").first.get_attribute("dir") == "rtl"

    incident_review = page.locator("#incident > .review")
    incident_id = incident_review.get_attribute("data-incident")
    incident_review.locator(".btn-correct").click()
    page.wait_for_function("document.querySelector('#incident > .review .review-state').textContent.includes('correct')")
    assert store.reviews("incident", [incident_id])[incident_id][-1]["status"] == "correct"

    report = page.locator("#incident .report").first
    event_id = report.get_attribute("data-event")
    report.locator("input[name=reviewer]").fill("e2e")
    report.locator(".btn-reject").click()
    page.wait_for_function("document.querySelector('.report .review-state').textContent.includes('rejected')")
    assert store.event(event_id)["review"]["status"] == "rejected"
    page.close()


def test_markup_in_articles_is_shown_as_text(site, browser):
    base, _ = site
    page = browser.new_page()
    _search(page, base, q="كفرنبل")
    page.locator("#list tbody tr").first.click()
    page.wait_for_selector("#incident .article")
    assert "<script>" in page.locator("#incident .article").first.inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator("#incident .article img").count() == 0
    page.close()


def test_arabic_interface(site, browser):
    base, _ = site
    page = browser.new_page()
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#lang")
    page.wait_for_selector("html[dir=rtl]")
    assert page.locator("[data-i18n=incidents]").inner_text() == "الحوادث"
    page.close()
