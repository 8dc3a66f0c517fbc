"""The ways through the writing, in a real Chromium: an article's contents,
a series, the home page's "Start here"; and what WCAG 2.2 adds: nothing
sticky covers a focused control, and help sits in the same place on every
page, in either colour scheme."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.factories import make_article, vignette_value

pytestmark = BROWSER_TEST
PAGES = [
    "/",
    "/blog/",
    "/blog/topics/",
    "/blog/anxiety-and-avoidance/",
    "/blog/series/beginning-therapy/",
    "/vignettes/",
    "/fees/",
    "/search/?q=anxiety",
    "/subscribe/",
    "/consultation/",
]


def test_the_contents_links_lead_to_each_part(tab, demo):
    article = make_article(
        title="Three ways through worry",
        body=[
            ("intro", "<p>Worry wants an answer now.</p>"),
            ("heading", "Noticing it"),
            ("paragraph", "<p>Words. " * 200 + "</p>"),
            ("vignette", vignette_value(title="Sam counts the exits")),
            ("heading", "Naming it"),
            ("paragraph", "<p>More words. " * 200 + "</p>"),
            ("heading", "Letting it pass"),
            ("conclusion", "<p>It passes.</p>"),
            ("getting_help", {"text": ""}),
        ],
    )
    tab.goto(demo + article.url)
    contents = tab.get_by_role("navigation", name="Contents")
    expect(contents.get_by_role("link")).to_have_text(
        ["Noticing it", "Sam counts the exits", "Naming it", "Letting it pass",
         "Getting help"]
    )  # fmt: skip
    for name, target in [
        ("Sam counts the exits", "section.vignette"),
        ("Letting it pass", "h2:text('Letting it pass')"),
        ("Getting help", "aside.getting-help"),
    ]:
        tab.goto(demo + article.url)
        contents.get_by_role("link", name=name).click()
        expect(tab.locator(target)).to_be_in_viewport()
        assert tab.evaluate("location.hash") == "#" + tab.locator(target).get_attribute(
            "id"
        )


def test_a_reader_follows_a_series_part_by_part(tab, demo):
    tab.goto(demo + "/blog/fear-of-asking-for-help/")
    series = tab.get_by_role("navigation", name="Part 1 of 3 in Beginning therapy")
    expect(series).to_be_visible()
    series.get_by_role("link", name="Meeting clients where they are").click()
    expect(tab.get_by_role("navigation", name="Part 3 of 3")).to_be_visible()
    tab.get_by_role("link", name="Beginning therapy").first.click()
    expect(tab.locator("h1")).to_have_text("Beginning therapy")
    expect(tab.locator(".series-list .article-summary-title")).to_have_text(
        ["When asking for help feels dangerous", "How to choose a therapist who fits",
         "Meeting clients where they are in therapy"],
        use_inner_text=True,
    )  # fmt: skip


def test_a_newcomer_starts_where_the_therapist_says(tab, demo):
    tab.goto(demo + "/")
    start = tab.get_by_role("region", name="Start here")
    expect(start.locator(".article-summary-title")).to_have_count(3)
    start.locator(".article-summary-title a").first.click()
    expect(tab.locator("h1")).to_have_text("When asking for help feels dangerous")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dark_mode_follows_the_system_and_keeps_the_crisis_notice(tab, demo, scheme):
    tab.emulate_media(color_scheme=scheme)
    tab.goto(demo + "/")
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in background[4:-1].split(",")[:3]]
    assert (sum(channels) / 3 < 60) == (scheme == "dark"), background
    expect(tab.locator(".site-footer .crisis-notice")).to_contain_text("988")


def test_nothing_sticky_can_cover_a_focused_control(tab, demo):
    for path in PAGES:
        tab.goto(demo + path)
        covering = tab.evaluate(
            """[...document.querySelectorAll('body *')]
               .filter(e => ['fixed', 'sticky'].includes(getComputedStyle(e).position))
               .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert covering == [], (path, covering)
    # And the last control on a long page, focused, is in view, uncovered.
    tab.set_viewport_size({"width": 390, "height": 700})
    tab.goto(demo + "/blog/anxiety-and-avoidance/")
    button = tab.get_by_role("button", name="Subscribe")
    button.focus()
    expect(button).to_be_in_viewport()
    box = button.bounding_box()
    on_top = tab.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('button')?.textContent",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == "Subscribe"


def test_help_is_in_the_same_place_on_every_page(tab, demo):
    """WCAG 3.2.6: the crisis line closes every page's footer, and the way to
    ask for a consultation is the menu's last link on every page."""
    for path in PAGES:
        tab.goto(demo + path)
        expect(tab.locator("footer .crisis-notice")).to_contain_text("988")
        menu = tab.get_by_role("navigation", name="Main").get_by_role("link")
        expect(menu.last).to_have_text("Ask for a consultation")
