"""`generate_articles` makes realistic articles that the site serves like the
therapist's own: listed, searchable, with topics, vignettes and related picks."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ReferenceIndex

from blog.library import Vignette
from blog.models import ArticlePage
from demo.management.commands.generate_articles import TOPICS
from tests.factories import SECTIONED_BODY, make_about_me, make_vignette_library

pytestmark = pytest.mark.django_db


def test_generated_articles_have_every_part_and_are_served(client, blog):
    make_about_me()
    make_vignette_library()
    call_command("generate_articles", "6")
    call_command("generate_articles", "4")  # adds; slugs stay unique
    articles = list(ArticlePage.objects.live().child_of(blog).prefetch_related("tags"))
    assert len(articles) == 10
    assert len(TOPICS) == 200
    for article in articles:
        assert [block.block_type for block in article.body] == SECTIONED_BODY
        assert 1 <= len(article.tags.all()) <= 5
        assert {tag.name for tag in article.tags.all()} <= set(TOPICS)
    assert Vignette.objects.count() == 10
    assert any(article.related_links.exists() for article in articles)

    newest = max(articles, key=lambda article: article.date)
    assert client.get(newest.url).status_code == 200
    assert newest.title in client.get("/blog/").text
    topic = newest.tags.first()
    assert newest.title in client.get(f"/blog/topics/{topic.slug}/").text
    assert newest.title in client.get("/search/", {"q": newest.title}).text


def test_needs_a_positive_number(blog):
    with pytest.raises(CommandError, match="1 or more"):
        call_command("generate_articles", "0")


def test_generated_articles_keep_the_reference_index_as_the_editor_does(blog):
    """The links report reads the reference index: generated articles must be
    in it exactly as `rebuild_references_index` would put them."""
    make_about_me()
    call_command("generate_articles", "8")
    kept = references()
    assert {row[1] for row in kept} >= {
        str(pk) for pk in ArticlePage.objects.values_list("pk", flat=True)
    }
    call_command("rebuild_references_index", stdout=io.StringIO())
    assert references() == kept


def references():
    return sorted(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id",
            "content_path",
        )
    )  # fmt: skip
