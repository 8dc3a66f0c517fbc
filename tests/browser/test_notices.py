"""The practice's notices, the consultation page with its links out, and the
Readership report, in a real browser: WCAG 2.2 AA in both colour schemes,
and a read in the browser reaching the report once the worker has run."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from blog.models import ArticlePage
from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA
from tests.readership.test_counts import BROWSER
from tests.workers import work

pytestmark = BROWSER_TEST
SCHEMES = ["light", "dark"]


def assert_accessible(tab):
    results = Axe().run(tab, options=WCAG_22_AA)
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_snapshot()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "path",
    [
        "/good-faith-estimate/",
        "/notice-of-privacy-practices/",
        "/accessibility/",
        "/consultation/",
        "/fees/",
        "/privacy/",
    ],
)
def test_no_wcag_22_aa_violations_in_either_scheme(tab, demo, path, scheme):
    tab.emulate_media(color_scheme=scheme)
    tab.goto(demo + path)
    assert tab.get_by_role("link", name="Good Faith Estimate").count() >= 1
    assert_accessible(tab)


def test_a_read_in_the_browser_reaches_the_report(browser, signed_in, demo):
    article = ArticlePage.objects.live().order_by("path").first()
    reader = browser.new_context(user_agent=BROWSER)
    page = reader.new_page()
    page.goto(demo + article.url)
    page.get_by_role("link", name="Existing clients: sign in to your client portal")
    reader.close()
    work()
    signed_in.goto(f"{demo}/admin/reports/readership/")
    row = signed_in.locator(f'tr[data-article="{article.pk}"]')
    assert row.locator("td").all_inner_texts() == ["1", "1", "1"]
    assert_accessible(signed_in)
    signed_in.goto(f"{demo}/admin/")
    assert signed_in.locator("[data-most-read] li").first.inner_text() == (
        f"{article.title}: 1 read"
    )
