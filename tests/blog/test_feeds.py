"""RSS and Atom feeds: readers subscribe to the blog or to one topic."""

import re
from datetime import date

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    article_body,
    make_article,
    make_image,
    make_vignette_library,
)

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def articles(blog, about_me):
    other = make_article(title="Choosing a therapist", date=date(2026, 1, 5))
    image = make_image()
    image.description = "A quiet room"
    image.save()
    body = article_body(
        intro=f'<p>See my article <a linktype="page" id="{other.pk}">on choosing'
        "</a>.</p>"
    ) + [("image", {"image": image, "alt_text": "A chair", "decorative": False})]
    newest = make_article(
        title="Grief & the body",
        date=date(2026, 3, 1),
        tags=["Grief", "Anxiety"],
        body=body,
    )
    make_article(title="A draft", publish=False)
    private = make_article(title="A private one", tags=["Grief"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return newest, other


@pytest.mark.parametrize(
    "url,content_type",
    [
        ("/blog/feed/", "application/rss+xml; charset=utf-8"),
        ("/blog/feed/atom/", "application/atom+xml; charset=utf-8"),
    ],
)
def test_the_blog_feed_holds_every_live_public_article(
    client, articles, url, content_type
):
    newest, other = articles
    response, feed = parse(client, url)
    assert response["Content-Type"] == content_type
    assert feed.feed.title == "Blog"
    assert feed.feed.link == "http://localhost/blog/"
    assert [entry.title for entry in feed.entries] == [newest.title, other.title]
    entry = feed.entries[0]
    assert entry.link == f"http://localhost{newest.url}"
    assert entry.published_parsed[:3] == (2026, 3, 1)
    assert entry.author == "Robin Alder"
    assert sorted(tag.term for tag in entry.tags) == ["Anxiety", "Grief"]
    assert entry.summary == newest.summary


def test_feed_entries_carry_the_whole_article_with_absolute_addresses(client, articles):
    newest, other = articles
    for url in ("/blog/feed/", "/blog/feed/atom/"):
        _, feed = parse(client, url)
        content = feed.entries[0].content[0]
        assert content.type == "text/html"
        html = content.value
        assert "An idea worth explaining" not in html  # the intro was replaced
        assert "Iris and the borrowed umbrella" in html  # the vignette
        assert "What we learned." in html  # the conclusion
        assert f'href="http://localhost{other.url}"' in html
        assert re.search(r'src="http://localhost/media/images/[^"]+"', html)
        assert 'alt="A chair"' in html
        assert not re.search(r'(?:href|src)="/', html), url


def test_a_topic_feed_holds_only_that_topic(client, articles):
    newest, _ = articles
    _, feed = parse(client, "/blog/topics/grief/feed/")
    assert feed.feed.title == "Blog: Grief"
    assert feed.feed.link == "http://localhost/blog/topics/grief/"
    assert [entry.title for entry in feed.entries] == [newest.title]


def test_an_unknown_topic_has_no_feed(client, articles):
    assert client.get("/blog/topics/nope/feed/").status_code == 404
    assert client.get("/blog/topics/a-draft/feed/").status_code == 404


def test_an_empty_blog_has_a_valid_empty_feed(client, blog):
    for url in ("/blog/feed/", "/blog/feed/atom/"):
        _, feed = parse(client, url)
        assert feed.entries == []


def test_a_summary_left_empty_comes_from_the_intro(client, blog):
    make_article(
        summary="",
        body=article_body(
            intro="<p>Shame hides. It tells us to go quiet.</p><p>More later.</p>"
        ),
    )
    _, feed = parse(client, "/blog/feed/")
    summary = "Shame hides. It tells us to go quiet. More later."
    assert feed.entries[0].summary == summary


def test_every_page_names_its_feeds(client, articles):
    newest, _ = articles
    make_vignette_library()
    pages = [
        "/",
        "/blog/",
        "/blog/topics/",
        newest.url,
        "/vignettes/",
        "/search/?q=grief",
        "/search/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Blog (RSS)" '
            'href="http://localhost/blog/feed/">' in html
        ), url
        assert (
            '<link rel="alternate" type="application/atom+xml" title="Blog (Atom)" '
            'href="http://localhost/blog/feed/atom/">' in html
        ), url
    html = client.get("/blog/topics/grief/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Grief (RSS)" '
        'href="http://localhost/blog/topics/grief/feed/">' in html
    )
