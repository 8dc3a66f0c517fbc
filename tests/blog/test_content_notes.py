"""An optional content note warns readers, above the article, of what it
discusses."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage
from tests.factories import make_article
from tests.forms import article_form

pytestmark = pytest.mark.django_db


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


def post_article(client, blog, content_notes=(), **fields):
    data = article_form([("intro", rich_text("<p>Intro.</p>"))], **fields)
    data["content_notes"] = list(content_notes)  # ticked boxes: one value each
    data["action-publish"] = "1"
    return client.post(add_url(blog), data)


def test_the_editor_ticks_common_notes_and_adds_her_own_words(editor_client, blog):
    response = editor_client.get(add_url(blog))
    assert 'value="self-harm"' in response.content.decode()
    response = post_article(
        editor_client,
        blog,
        content_notes=["suicide", "self-harm", "death-and-grief"],
        content_note_text="The vignette describes a hospital stay.",
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="why-we-go-quiet")
    assert article.content_notes == ["suicide", "self-harm", "death-and-grief"]
    assert article.content_note == (
        "This article discusses suicide, self-harm and death and grief. "
        "The vignette describes a hospital stay."
    )


def test_an_unknown_note_is_refused_with_a_message(editor_client, blog):
    response = post_article(editor_client, blog, content_notes=["gossip"])
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_readers_see_the_note_above_the_body_in_its_own_region(client, blog):
    article = make_article(content_notes=["suicide"], content_note_text="")
    text = client.get(article.url).content.decode()
    note = text.index(
        '<aside class="content-note" id="content-note" '
        'aria-labelledby="content-note-heading">'
    )
    assert note < text.index('class="lead"') < text.index('class="vignette')
    assert "This article discusses suicide." in text
    listing = client.get("/blog/").content.decode()
    assert "<strong>Content note:</strong> This article discusses suicide." in listing


def test_free_text_alone_is_shown_as_written(client, blog):
    article = make_article(content_note_text="Mentions a car accident.")
    assert "<p>Mentions a car accident.</p>" in client.get(article.url).content.decode()


def test_no_note_no_region(client, blog):
    article = make_article()
    assert "content-note" not in client.get(article.url).content.decode()


@pytest.mark.parametrize("subject", ["suicide", "self-harm"])
def test_a_note_naming_suicide_or_self_harm_holds_the_crisis_line(
    client, blog, subject
):
    """Before the article's first word, not only in the footer below it."""
    article = make_article(content_notes=[subject], content_note_text="")
    text = client.get(article.url).content.decode()
    note = text.index('<aside class="content-note"')
    crisis = text.index("988", note)
    assert crisis < text.index("</aside>", note) < text.index('class="lead"')
    feed = client.get("/blog/feed/").content.decode()
    (item,) = feed.split("<item>")[1:]
    assert "This article discusses " + subject in item and "988" in item


def test_other_notes_leave_the_crisis_line_to_the_footer(client, blog):
    article = make_article(content_notes=["death-and-grief"], content_note_text="")
    text = client.get(article.url).content.decode()
    note = text[text.index('<aside class="content-note"') :]
    assert "988" not in note[: note.index("</aside>")]
