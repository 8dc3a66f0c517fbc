"""The page editor in a real browser: only Chromium runs the StreamField's
JavaScript, so only this proves what the therapist actually sees and posts."""

import re

import pytest
from playwright.sync_api import expect

from base.models import AboutMe
from blog.models import ArticlePage, BlogIndexPage
from tests.browser.conftest import BROWSER_TEST
from vignettes.blocks import COMPOSITE_DISCLAIMER, DEFAULT_DISCLAIMER

pytestmark = BROWSER_TEST


@pytest.fixture
def editor(settings, signed_in):
    # Wagtail 8 autosaves the form in the background. The live server shares
    # the in-memory SQLite connection between its threads, so an autosave
    # racing the publish click breaks the test's database, never a real one.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    return signed_in


def insert_block(editor, stream, label, position=0):
    stream.locator("button.c-sf-add-button").nth(position).click()
    editor.get_by_role("option", name=label, exact=True).click()


def stream_child(editor, stream, block_type):
    """A block in a StreamField, found by its type (its content path is its id)."""
    is_type = editor.locator(f"input[name$='-type'][value='{block_type}']")
    return stream.locator("[data-streamfield-child]").filter(has=is_type).first


def type_rich_text(editor, block, text):
    block.locator("[role='textbox']").first.click()
    editor.keyboard.type(text)
    # Draftail writes its hidden input after a short debounce.
    expect(block.locator("input[type=hidden][name$='-value']").first).to_have_value(
        re.compile(re.escape(text))
    )


def publish(editor):
    editor.get_by_role("button", name="More actions").click()
    editor.locator("button[name='action-publish']").click()


def test_therapist_writes_and_publishes_an_article(editor, demo):
    """The shared parts are already there; she picks the intro, the vignette
    and the conclusion; publishing without a kind or the de-identification
    tick is refused on the block; choosing the kind brings its disclaimer,
    but never over her own words; the fixed article publishes with exactly
    what the editor showed and appears on its topic page, the blog index and
    the vignette library, whose entry leads to the story itself."""
    blog = BlogIndexPage.objects.get()
    editor.goto(f"{demo}/admin/pages/add/blog/articlepage/{blog.pk}/")
    body = editor.locator("[data-contentpath='body']").first
    text = body.inner_text()
    assert text.index("Getting help in therapy") < text.index("About me")
    assert "Dana Whitfield, LCSW" in text

    editor.fill("#id_title", "The comfort of routines")
    editor.fill("#id_summary", "Why small rituals steady us.")
    insert_block(editor, body, "Introduction", 0)
    type_rich_text(editor, stream_child(editor, body, "intro"), "Habits hold us.")
    # Each block is in place before the next is asked for: on a busy machine
    # a click on the menu while the last block renders would be lost.
    insert_block(editor, body, "Conclusion", 1)
    expect(stream_child(editor, body, "conclusion")).to_be_attached()
    insert_block(editor, body, "Clinical vignette", 1)
    vignette = stream_child(editor, body, "vignette")
    disclaimer = vignette.locator("textarea[name$='-value-disclaimer']")
    expect(disclaimer).to_have_value(re.compile(r"^This vignette is fictional\."))
    vignette.locator("input[name$='-value-title']").fill("Mo and the morning walk")
    people = vignette.locator("[data-contentpath='people']")
    people.locator("button.c-sf-add-button").first.click()
    people.locator("input[name$='-value-people-0-value']").fill("Mo")
    vignette_body = vignette.locator("[data-contentpath='body']")
    insert_block(editor, vignette_body, "Paragraph")
    type_rich_text(editor, vignette_body, "Mo walked the same loop daily.")
    conclusion = stream_child(editor, body, "conclusion")
    type_rich_text(editor, conclusion, "Routines are a kindness.")
    tags = editor.locator("[data-contentpath='tags'] input:visible").first
    tags.fill("Daily rhythms")
    tags.press("Enter")

    publish(editor)
    body = editor.locator("[data-contentpath='body']").first
    vignette = stream_child(editor, body, "vignette")
    expect(vignette.locator("[data-contentpath='kind']")).to_contain_text(
        "Choose whether this vignette is fictional or composite."
    )
    expect(vignette.locator("[data-contentpath='deidentified']")).to_contain_text(
        "Tick this box to confirm the vignette identifies no client"
    )
    expect(editor.locator(".messages")).to_contain_text("could not be created")
    assert not ArticlePage.objects.filter(title="The comfort of routines").exists()

    # The disclaimer follows the kind until she writes her own.
    kind = vignette.locator("select[name$='-value-kind']")
    disclaimer = vignette.locator("textarea[name$='-value-disclaimer']")
    kind.select_option("composite")
    expect(disclaimer).to_have_value(COMPOSITE_DISCLAIMER)
    kind.select_option("fictional")
    expect(disclaimer).to_have_value(DEFAULT_DISCLAIMER)
    disclaimer.fill("Mo is my own invention.")
    kind.select_option("composite")
    expect(disclaimer).to_have_value("Mo is my own invention.")
    disclaimer.fill("")
    kind.select_option("fictional")
    kind.select_option("composite")
    expect(disclaimer).to_have_value(COMPOSITE_DISCLAIMER)
    vignette.locator("input[name$='-value-deidentified']").check()
    publish(editor)
    editor.wait_for_url(f"{demo}/admin/pages/{blog.pk}/", wait_until="domcontentloaded")

    page = ArticlePage.objects.get(title="The comfort of routines")
    assert page.live
    assert [block.block_type for block in page.body] == [
        "intro",
        "vignette",
        "conclusion",
        "getting_help",
        "about_me",
    ]
    assert "Habits hold us." in page.body[0].value.source
    story = page.body[1].value
    assert story["kind"] == "composite"
    assert story["title"] == "Mo and the morning walk"
    assert list(story["people"]) == ["Mo"]
    assert story["disclaimer"] == COMPOSITE_DISCLAIMER
    assert story["deidentified"] is True
    assert [child.block_type for child in story["body"]] == ["paragraph"]
    assert "Mo walked the same loop daily." in story["body"][0].value.source
    assert "Routines are a kindness." in page.body[2].value.source
    assert page.body[4].value == AboutMe.get_default()
    assert [tag.name for tag in page.tags.all()] == ["Daily rhythms"]

    editor.goto(f"{demo}/blog/topics/daily-rhythms/")
    expect(editor.locator("h1")).to_contain_text("Daily rhythms")
    expect(editor.locator("main")).to_contain_text("The comfort of routines")
    editor.goto(f"{demo}/blog/")
    first_entry = editor.locator(".article-summary").first
    expect(first_entry).to_contain_text("The comfort of routines")

    editor.goto(f"{demo}/vignettes/")
    entry = editor.locator(".vignette-summary").first
    expect(entry).to_contain_text("Mo and the morning walk")
    expect(entry).to_contain_text("Composite vignette")
    entry.get_by_role("link", name="Mo and the morning walk").click()
    editor.wait_for_url(f"{demo}{page.url}#vignette-{page.body[1].id}")
    expect(editor.locator(f"#vignette-{page.body[1].id}")).to_be_in_viewport()


def test_the_live_preview_panel_shows_the_article_with_its_editor_boxes(editor, demo):
    """The editor frames the preview, which Wagtail renders through the
    middleware with the page's own path: readers' "never framed" policy must
    not apply to it (it blanked the panel). The preview-only boxes show."""
    article = ArticlePage.objects.live().first()
    editor.goto(f"{demo}/admin/pages/{article.pk}/edit/")
    editor.locator("[data-side-panel-toggle='preview']").click()
    preview = editor.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(article.title)
    expect(preview.locator("[data-readability]")).to_contain_text("Reading grade")


def test_the_preview_warns_while_she_types_before_any_save(editor, demo):
    """A method in the introduction and a phone number in the vignette show
    in the live preview's warning box as she types, with nothing saved."""
    article = ArticlePage.objects.live().first()
    revisions = article.revisions.count()
    editor.goto(f"{demo}/admin/pages/{article.pk}/edit/")
    editor.locator("[data-side-panel-toggle='preview']").click()
    preview = editor.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(article.title)
    expect(preview.locator("[data-preview-warnings]")).to_have_count(0)

    body = editor.locator("[data-contentpath='body']").first
    type_rich_text(
        editor,
        stream_child(editor, body, "intro"),
        " He swallowed every pill in the bathroom cabinet.",
    )
    vignette = stream_child(editor, body, "vignette")
    type_rich_text(
        editor,
        stream_child(editor, vignette, "paragraph"),
        " She left her number, 614-555-0182.",
    )
    warnings = preview.locator("[data-preview-warnings]")
    expect(warnings).to_contain_text("swallowed every pill", timeout=15_000)
    expect(warnings).to_contain_text("a phone or fax number (“614-555-0182”)")
    assert article.revisions.count() == revisions
