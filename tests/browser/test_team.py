"""The group demo's team page and a profile, in a real browser: WCAG 2.2 AA
in both colour schemes, and the filters working without JavaScript."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA

pytestmark = BROWSER_TEST
SCHEMES = ["light", "dark"]


@pytest.fixture
def group_demo(demo):
    call_command("load_demo", "--group", stdout=io.StringIO())
    return demo


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "path", ["/team/", "/team/?language=es", "/team/lucia-ferrer/"]
)
def test_no_wcag_22_aa_violations_in_either_scheme(tab, group_demo, path, scheme):
    tab.emulate_media(color_scheme=scheme)
    tab.goto(group_demo + path)
    results = Axe().run(tab, options=WCAG_22_AA)
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_snapshot()


def test_the_filters_work_without_javascript(browser, group_demo):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(group_demo + "/team/")
    tab.select_option("#team-language", "fr")
    tab.get_by_role("button", name="Show clinicians").click()
    expect(tab.locator(".clinician-summary h3")).to_have_count(1)
    expect(tab.locator(".clinician-summary h3")).to_contain_text("Samuel Osei")
    tab.get_by_role("link", name="Samuel Osei").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Samuel Osei")
    tab.get_by_role("link", name="Ask Samuel Osei for a first consultation").click()
    expect(tab.locator("#id_clinician input[value='samuel-osei']")).to_be_checked()
    context.close()
