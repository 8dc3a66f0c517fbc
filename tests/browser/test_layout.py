"""The header's search box stays on the header's row from 768 px up."""

import pytest

from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


@pytest.mark.parametrize("width", [768, 1024, 1280])
def test_the_search_box_sits_on_the_headers_row(browser, demo, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(demo + "/blog/")
    name = tab.locator(".site-name").bounding_box()
    search = tab.locator("#site-search-query").bounding_box()
    # The search box's middle is within the site name's line.
    middle = search["y"] + search["height"] / 2
    assert name["y"] - 8 <= middle <= name["y"] + name["height"] + 8, (name, search)
    context.close()
