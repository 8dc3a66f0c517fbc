"""The page editor in a real browser: only Chromium runs the StreamField's
JavaScript, so only this proves what the therapist actually sees and posts."""

import os
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from blog.models import ArticlePage
from tests.factories import make_about_me, make_blog_index, make_superuser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still plain synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a-long-test-password"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def editor(browser, live_server):
    """A logged-in admin tab; JavaScript errors on the page fail the test."""
    assert urlsplit(live_server.url).hostname in ("localhost", "127.0.0.1")
    make_superuser(password=PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()
    assert errors == []


def open_new_article(editor, live_server, blog):
    editor.goto(f"{live_server.url}/admin/pages/add/blog/articlepage/{blog.pk}/")
    return editor.locator("[data-contentpath='body']").first


def insert_block(editor, body, label, position=0):
    body.locator("button.c-sf-add-button").nth(position).click()
    editor.get_by_role("option", name=label, exact=True).click()


def publish(editor):
    editor.get_by_role("button", name="More actions").click()
    editor.locator("button[name='action-publish']").click()


def test_writing_an_article_in_the_editor(editor, live_server):
    """One journey, since a transactional test leaves an empty database
    behind: the shared parts are already there, a vignette gets the standard
    disclaimer, publishing without a kind is refused on the block, and the
    fixed article publishes with exactly what the editor showed."""
    about_me = make_about_me(name="Robin Alder")
    blog = make_blog_index()
    body = open_new_article(editor, live_server, blog)
    text = body.inner_text()
    assert text.index("Getting help in therapy") < text.index("About me")
    assert "Robin Alder, LMHC" in text

    editor.fill("#id_title", "The comfort of routines")
    editor.fill("#id_summary", "Why small rituals steady us.")
    insert_block(editor, body, "Clinical vignette")
    disclaimer = body.locator("textarea[name$='-value-disclaimer']")
    assert disclaimer.input_value().startswith("This vignette is fictional.")
    body.locator("input[name$='-value-title']").fill("Mo and the morning walk")

    publish(editor)
    body = editor.locator("[data-contentpath='body']").first
    expect(body.locator("[data-contentpath='kind']")).to_contain_text(
        "This field is required."
    )
    expect(editor.locator("body")).to_contain_text("could not be created")
    assert not ArticlePage.objects.exists()

    body.locator("select[name$='-value-kind']").select_option("composite")
    vignette_body = body.locator("[data-contentpath='body']")
    insert_block(editor, vignette_body, "Paragraph")
    vignette_body.locator("[role='textbox']").first.click()
    editor.keyboard.type("Mo walked the same loop daily.")
    # Draftail writes its hidden input after a short debounce.
    expect(
        vignette_body.locator("input[type=hidden][name$='-body-0-value']")
    ).to_have_value(re.compile("Mo walked the same loop daily."))
    publish(editor)
    editor.wait_for_url(
        f"{live_server.url}/admin/pages/{blog.pk}/", wait_until="domcontentloaded"
    )

    page = ArticlePage.objects.get(title="The comfort of routines")
    assert page.live
    assert [block.block_type for block in page.body] == [
        "vignette",
        "getting_help",
        "about_me",
    ]
    vignette = page.body[0].value
    assert vignette["kind"] == "composite"
    assert vignette["title"] == "Mo and the morning walk"
    assert vignette["disclaimer"].startswith("This vignette is fictional.")
    assert page.body[2].value == about_me
    paragraph = vignette["body"][0]
    assert paragraph.block_type == "paragraph"
    assert "Mo walked the same loop daily." in paragraph.value.source
