"""Each block renders through its own template, alone and in the block picker."""

import pytest
from django.urls import reverse

from blog.blocks import ArticleStreamBlock
from tests.factories import make_about_me, make_article, make_image, vignette_value
from vignettes.blocks import DEFAULT_DISCLAIMER, VignetteBlock

pytestmark = pytest.mark.django_db

BLOCKS = ArticleStreamBlock().child_blocks
VIGNETTE_BODY_BLOCKS = VignetteBlock().child_blocks["body"].child_blocks
PICKER_BLOCKS = {
    **BLOCKS,
    **{f"vignette {name}": block for name, block in VIGNETTE_BODY_BLOCKS.items()},
}


def render(name, raw, **context):
    block = BLOCKS[name]
    return block.render(block.to_python(raw), context=context or None)


def test_intro_is_the_lead():
    html = render("intro", "<p>Why we flinch.</p>")
    assert '<div class="lead"><p>Why we flinch.</p></div>' in html


def test_conclusion_is_its_own_labelled_section():
    html = render("conclusion", "<p>So it goes.</p>")
    assert 'aria-labelledby="conclusion-heading"' in html
    assert '<h2 id="conclusion-heading">Conclusion</h2>' in html
    assert "<p>So it goes.</p>" in html


def test_paragraph_turns_internal_links_into_urls(blog):
    target = make_article(slug="on-shame", title="On shame")
    html = render(
        "paragraph", f'<p>See my article <a linktype="page" id="{target.pk}">x</a></p>'
    )
    assert '<a href="/blog/on-shame/">x</a>' in html


def test_heading_is_a_second_level_heading():
    assert render("heading", "Early years").strip() == "<h2>Early years</h2>"


def test_quote_shows_text_and_attribution():
    html = render("quote", {"text": "Line one\nline two", "attribution": "Winnicott"})
    assert "<blockquote><p>Line one<br>line two</p></blockquote>" in html
    assert "<figcaption>Winnicott</figcaption>" in html


def test_image_uses_its_alt_text():
    image = make_image()
    html = render(
        "image", {"image": image.pk, "alt_text": "An empty chair", "decorative": False}
    )
    assert 'alt="An empty chair"' in html
    assert "<figure" in html


def test_vignette_is_labelled_by_kind_with_disclaimer_first():
    block = VignetteBlock()
    value = block.to_python(
        vignette_value(kind="composite", disclaimer="Nobody real.")
        | {"body": [{"type": "heading", "value": "Week one"}]}
    )
    html = block.render(value, context={"block_id": "abc-123"})
    assert 'id="vignette-abc-123"' in html
    assert 'aria-label="Composite vignette: Iris and the borrowed umbrella"' in html
    assert html.index("Nobody real.") < html.index("<h2>Iris and the borrowed")
    assert "<h3>Week one</h3>" in html


def test_vignette_disclaimer_defaults_to_the_site_wording():
    value = VignetteBlock().get_default()
    assert value["disclaimer"] == DEFAULT_DISCLAIMER
    html = VignetteBlock().render(
        VignetteBlock().to_python({"kind": "fictional", "title": "T", "body": []})
    )
    assert "Fictional clinical vignette" in html
    assert DEFAULT_DISCLAIMER in html


def test_getting_help_shows_the_shared_offer_and_this_articles_words():
    make_about_me(phone="(212) 555-0101", booking_url="https://example.com/consult/")
    html = render("getting_help", {"text": "<p>Especially for this topic.</p>"})
    assert "<h2" in html and "Getting help in therapy" in html
    assert "<p>Especially for this topic.</p>" in html
    assert "free 15-minute phone consultation" in html
    assert '<a href="tel:(212)555-0101">(212) 555-0101</a>' in html
    assert 'href="https://example.com/consult/"' in html


def test_about_me_shows_the_snippet_card():
    about_me = make_about_me(name="Jo Park", credentials="PsyD")
    html = render("about_me", about_me.pk)
    assert "<strong>Jo Park</strong>, PsyD" in html
    assert "<li>Grief</li>" in html
    assert 'href="mailto:robin@example.com"' in html


def test_an_unpublished_about_me_is_not_shown():
    about_me = make_about_me()
    about_me.unpublish()
    assert render("about_me", about_me.pk).strip() == ""


@pytest.mark.parametrize("name", sorted(PICKER_BLOCKS))
def test_every_block_has_a_picker_preview_and_guidance(name, editor_client):
    make_about_me()
    make_image()
    block = PICKER_BLOCKS[name]
    assert block.meta.icon and block.label
    assert block.get_description()
    help_text = getattr(block.meta, "help_text", None)
    assert help_text or block.field.help_text
    assert block.is_previewable
    response = editor_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert block.get_template(block.get_preview_value()) in [
        t.name for t in response.templates
    ]


def test_article_page_renders_every_part_in_order(blog, client):
    about_me = make_about_me()
    page = make_article(
        body=[
            ("intro", "<p>INTRO</p>"),
            ("vignette", vignette_value()),
            ("conclusion", "<p>CONCLUSION</p>"),
            ("getting_help", {"text": "<p>HELP</p>"}),
            ("about_me", about_me),
        ]
    )
    html = client.get(page.url).content.decode().split("<main", 1)[1]
    vignette_id = page.body[1].id
    positions = [
        html.index(marker)
        for marker in (
            "INTRO",
            f'id="vignette-{vignette_id}"',
            "CONCLUSION",
            "HELP",
            "Robin Alder",
        )
    ]
    assert positions == sorted(positions)
