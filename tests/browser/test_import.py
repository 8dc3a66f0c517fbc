"""The therapist brings her old blog in from the admin, in Chromium: she
uploads the export, leaves, and comes back to a finished import and its
report."""

import re
from pathlib import Path

from playwright.sync_api import expect

from blog.models import ArticlePage
from tests.browser.conftest import BROWSER_TEST
from tests.workers import work

pytestmark = BROWSER_TEST

EXPORT = Path(__file__).parents[1] / "fixtures" / "import" / "blogger_soup.xml"


def test_therapist_imports_her_blog_from_the_admin(signed_in, demo):
    tab = signed_in
    tab.get_by_role("link", name="Import").click()
    tab.wait_for_url(f"{demo}/admin/import/")
    tab.set_input_files("input[name=export_file]", str(EXPORT))
    tab.get_by_role("button", name="Preview").click()
    tab.wait_for_url(re.compile(rf"{re.escape(demo)}/admin/import/\d+/$"))
    expect(tab.get_by_text("Waiting for the import worker")).to_be_visible()
    work()  # the worker reads the file; the page refreshes itself
    expect(tab.get_by_text("Preview: nothing has been written")).to_be_visible(
        timeout=10_000
    )
    expect(tab.locator(".import-report")).to_contain_text("Rosa")
    assert not ArticlePage.objects.filter(title__startswith="Shame").exists()

    # No need to choose the file again: the preview imports what it read.
    tab.get_by_role("button", name="Import 3 articles from this file").click()
    tab.wait_for_url(re.compile(rf"{re.escape(demo)}/admin/import/\d+/$"))
    run_url = tab.url
    expect(tab.get_by_text("Waiting for the import worker")).to_be_visible()

    # She closes the page; the worker imports without it.
    tab.goto("about:blank")
    work()

    tab.goto(run_url)
    expect(tab.locator("[data-import-status]")).to_have_attribute(
        "data-import-status", "done"
    )
    expect(
        tab.get_by_text(re.compile(r"Finished .*: 3 articles imported"))
    ).to_be_visible()
    report = tab.locator(".import-report")
    expect(report).to_contain_text("Check before publishing")
    expect(report).to_contain_text("the name “Dev” stands on a line of its own")
    assert ArticlePage.objects.filter(title__startswith="Shame").count() == 2
