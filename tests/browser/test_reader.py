"""A reader in a real Chromium: the way through the site, the keyboard,
accessibility (axe-core), privacy, and screenshots for a person to look at."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA

pytestmark = BROWSER_TEST
SCHEMES = ["light", "dark"]
ARTICLE = "/blog/anxiety-and-avoidance/"
READER_PAGES = [
    "/",
    "/blog/",
    "/blog/topics/",
    "/blog/topics/anxiety/",
    ARTICLE,
    "/blog/fear-of-asking-for-help/",  # with a content note
    "/vignettes/",
    "/vignettes/?kind=real",  # the message for a bad filter
    "/fees/",  # an information page with questions and answers
    "/blog/series/beginning-therapy/",
    "/subscribe/",
    "/subscribe/sent/",
    "/search/?q=anxiety",
    "/search/?q=" + "x" * 201,  # the message for a long query
    "/no-such-page/",
]
# The consultation form sets its CSRF cookie, the one cookie readers get.
FORM_PAGES = ["/consultation/", "/consultation/thanks/"]


def check_article(tab):
    """The parts every article shows, set apart."""
    assert tab.locator("h1").count() == 1
    vignette = tab.locator("section.vignette").first
    expect(vignette.locator(".vignette-label")).to_have_text(
        re.compile("^(Fictional clinical vignette|Composite vignette)$")
    )
    expect(vignette.locator(".vignette-disclaimer")).not_to_be_empty()
    expect(tab.locator(".getting-help h2")).to_be_visible()
    expect(tab.locator(".about-me")).to_contain_text("Dana Whitfield")
    expect(tab.locator("nav[aria-label='Breadcrumb']")).to_contain_text("Blog")


def test_reader_goes_home_topics_topic_article_related(tab, demo):
    tab.goto(demo)
    # The practice, not the page title "Home".
    expect(tab.locator("h1")).to_have_text("Dana Whitfield Psychotherapy")
    tab.get_by_role("link", name="All topics").click()
    expect(tab.locator("h1")).to_have_text("Topics")
    tab.locator("main").get_by_role("link", name="Anxiety", exact=True).click()
    expect(tab.locator("h1")).to_contain_text("Anxiety")
    first = tab.locator(".article-summary-title a").first
    title = first.inner_text()
    first.click()
    expect(tab.locator("h1")).to_have_text(title)
    check_article(tab)
    related = tab.locator(".related .article-summary-title a").first
    related_title = related.inner_text()
    related.click()
    expect(tab.locator("h1")).to_have_text(related_title)
    check_article(tab)


def test_reader_searches_from_the_header_and_opens_a_result(tab, demo):
    tab.goto(f"{demo}/blog/topics/")
    tab.get_by_role("searchbox", name="Search articles").fill("avoidance")
    tab.get_by_role("searchbox", name="Search articles").press("Enter")
    expect(tab.locator("h1")).to_have_text("Search")
    expect(tab.get_by_role("status")).to_contain_text("found for “avoidance”")
    result = tab.locator(".article-summary").first
    expect(result.locator("mark").first).to_have_text(
        re.compile("^avoidance$", re.IGNORECASE)
    )
    result.locator(".article-summary-title a").click()
    check_article(tab)


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_main(tab, demo):
    tab.goto(demo + ARTICLE)
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.outerHTML")
    assert 'class="skip-link"' in focused
    expect(tab.locator(".skip-link")).to_be_in_viewport()
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", READER_PAGES + FORM_PAGES)
def test_no_wcag_22_aa_violations_in_either_scheme(tab, demo, path, scheme):
    tab.emulate_media(color_scheme=scheme)
    tab.goto(demo + path)
    results = Axe().run(tab, options=WCAG_22_AA)
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_snapshot()


def test_pages_request_only_the_sites_own_origin_and_set_no_cookies(tab, demo):
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    for path in READER_PAGES:
        tab.goto(demo + path)
        tab.wait_for_load_state("networkidle")
    origin = urlsplit(demo)
    foreign = [
        url
        for url in requests
        if (urlsplit(url).scheme, urlsplit(url).netloc)
        != (origin.scheme, origin.netloc)
    ]
    assert len(requests) > len(READER_PAGES)  # pages plus their CSS and icon
    assert foreign == []
    assert tab.context.cookies() == []


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", "/"),
        ("article", ARTICLE),
        ("vignettes", "/vignettes/"),
        ("search", "/search/?q=anxiety"),
    ],
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_screenshots_for_phone_and_laptop(tab, demo, name, path, scheme):
    folder = Path(settings.BASE_DIR) / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    tab.emulate_media(color_scheme=scheme)
    for width in (390, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(demo + path)
        root = "document.documentElement"
        overflow = tab.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
        assert overflow <= 0, f"sideways scrolling at {width}px"
        shot = folder / f"{name}-{scheme}-{width}.png"
        tab.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 10_000
