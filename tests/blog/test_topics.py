"""Browsing by topic: /blog/topics/ and /blog/topics/<slug>/."""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage
from tests.factories import make_article, make_articles, make_image
from tests.forms import article_form

pytestmark = pytest.mark.django_db


def test_topic_list_counts_only_live_public_articles(client, blog):
    make_article(tags=["Anxiety", "Sleep"])
    make_article(tags=["Anxiety"])
    make_article(tags=["Drafted only"], publish=False)
    private = make_article(tags=["Private only", "Anxiety"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    image = make_image()
    image.tags.add("Image tag")

    response = client.get("/blog/topics/")
    assert response.status_code == 200
    assert [(t.name, t.article_count) for t in response.context["topics"]] == [
        ("Anxiety", 2),
        ("Sleep", 1),
    ]
    html = response.content.decode()
    assert '<a href="/blog/topics/anxiety/">Anxiety</a>' in html
    assert "2 articles" in html and "1 article<" in html
    assert "<h1>Topics</h1>" in html
    assert Image.objects.filter(tags__name="Image tag").exists()


def test_topic_list_before_any_topic_is_published(client, blog):
    make_article(tags=["Drafted only"], publish=False)
    response = client.get("/blog/topics/")
    assert response.status_code == 200
    assert "No topics yet" in response.content.decode()


def test_topic_page_lists_that_topics_articles_newest_first(client, blog):
    make_articles(3, tags=["Grief"])
    make_article(title="Elsewhere", tags=["Joy"])
    response = client.get("/blog/topics/grief/")
    assert response.status_code == 200
    assert [a.title for a in response.context["articles"]] == [
        "Dated 2",
        "Dated 1",
        "Dated 0",
    ]
    html = response.content.decode()
    assert html.count("<h1") == 1 and "Grief</h1>" in html
    assert "Elsewhere" not in html
    assert '<a href="/blog/topics/">All topics</a>' in html


def test_topic_page_is_paginated(client, blog):
    make_articles(12, tags=["Grief"])
    first = client.get("/blog/topics/grief/")
    assert len(first.context["articles"]) == 10
    assert 'href="?page=2"' in first.content.decode()
    second = client.get("/blog/topics/grief/", {"page": "2"})
    assert [a.title for a in second.context["articles"]] == ["Dated 1", "Dated 0"]
    assert client.get("/blog/topics/grief/", {"page": "junk"}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/blog/topics/no-such-topic/",
        "/blog/topics/drafted/",
        "/blog/topics/%E2%98%83/",
        "/blog/topics/a/b/",
    ],
)
def test_unknown_topic_is_the_sites_404(client, blog, path):
    make_article(tags=["Drafted"], publish=False)
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unicode_topics_link_to_a_working_page(client, blog):
    make_article(title="Über Scham", tags=["Schüchternheit"])
    html = client.get("/blog/topics/").content.decode()
    assert 'href="/blog/topics/sch%C3%BCchternheit/"' in html
    response = client.get("/blog/topics/sch%C3%BCchternheit/")
    assert response.status_code == 200
    assert "Über Scham" in response.content.decode()


def test_topic_breadcrumbs(client, blog):
    make_article(tags=["Grief"])
    html = client.get("/blog/topics/grief/").content.decode()
    trail = html[html.index('aria-label="Breadcrumb"') : html.index("</ol>")]
    assert '<a href="/blog/topics/">Topics</a>' in trail
    assert '<li aria-current="page">Grief</li>' in trail


def test_an_article_cannot_take_the_topics_address(editor_client, blog):
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk]),
        article_form([], slug="topics"),
    )
    assert response.status_code == 200
    assert "taken by the blog" in str(response.context["form"].errors["slug"])
    assert not ArticlePage.objects.exists()
    assert editor_client.get("/blog/topics/").status_code == 200


def test_an_articles_topics_are_listed_by_name_wherever_it_shows(client, blog):
    """However the database hands the tags back (a restored PostgreSQL may
    return them in another order), the page, the listing and the feed name
    them alphabetically, so a restore renders the same pages."""
    article = make_article(tags=["Sleep", "Anxiety", "Grief"])
    ordered = ["Anxiety", "Grief", "Sleep"]

    def order_in(html):
        return sorted(ordered, key=html.index)

    page = client.get(article.url).content.decode()
    header = page[page.index("<h1") :]
    assert order_in(header[: header.index("</header>")]) == ordered
    listing = client.get("/blog/").content.decode()
    summary = listing[listing.index(article.title) :]
    assert order_in(summary[: summary.index("</article>")]) == ordered
    feed = client.get("/blog/feed/").content.decode()
    assert order_in(feed[feed.index("<category>") :]) == ordered
