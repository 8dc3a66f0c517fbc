"""`generate_articles` makes realistic articles that the site serves like the
therapist's own: listed, searchable, with topics, vignettes and related picks."""

import pytest
from django.core.management import CommandError, call_command

from blog.management.commands.generate_articles import TOPICS
from blog.models import ArticlePage
from tests.factories import SECTIONED_BODY, make_about_me, make_vignette_library
from vignettes.models import Vignette

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
