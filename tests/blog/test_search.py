"""Search at /search/: readers find articles by their words and topics."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.templatetags.search_tags import highlight
from tests.factories import article_body, make_article
from tests.queries import writes

pytestmark = pytest.mark.django_db


def found(response):
    """Titles of the results, in order."""
    html = response.content.decode()
    return re.findall(r'class="article-summary-title"><a href="[^"]*">([^<]*)<', html)


def test_finds_articles_by_a_word_in_the_body(client, blog):
    make_article(
        title="Staying with a feeling",
        body=article_body(intro="<p>A lighthouse keeps its light on all night.</p>"),
    )
    make_article(title="Something else")
    response = client.get("/search/", {"q": "lighthouse"})
    assert response.status_code == 200
    assert found(response) == ["Staying with a feeling"]
    assert "1 article found for “lighthouse”" in response.content.decode()


def test_finds_articles_by_topic_and_title(client, blog):
    make_article(title="When a parent dies", tags=["Grief"])
    make_article(title="Worry at night", tags=["Anxiety"])
    assert found(client.get("/search/", {"q": "grief"})) == ["When a parent dies"]
    assert found(client.get("/search/", {"q": "worry"})) == ["Worry at night"]


def test_a_topic_added_on_republishing_is_found(client, blog):
    article = make_article(title="Quiet evenings")
    article.tags.add("Loneliness")
    article.save_revision().publish()
    assert found(client.get("/search/", {"q": "loneliness"})) == ["Quiet evenings"]


def test_only_live_public_text_is_found(client, blog):
    make_article(title="A draft about kites", publish=False)
    private = make_article(title="A private page about kites")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    live = make_article(title="Letters")
    live.body = article_body(intro="<p>Unpublished words about kites.</p>")
    live.save_revision()  # a draft edit: readers still see the live text
    response = client.get("/search/", {"q": "kites"})
    assert found(response) == []
    assert "0 articles found" in response.content.decode()
    assert "browse the topics" in response.content.decode()


def test_the_summary_is_shown_with_the_words_marked(client, blog):
    make_article(
        title="Slow starts",
        summary="Why anxious people <b>rush</b>, and how anxiety eases.",
    )
    html = client.get("/search/", {"q": "anxious anxiety"}).content.decode()
    assert (
        "Why <mark>anxious</mark> people &lt;b&gt;rush&lt;/b&gt;, and how "
        "<mark>anxiety</mark> eases." in html
    )


def test_results_are_paginated_keeping_the_query(client, blog):
    for n in range(12):
        make_article(title=f"Umbrellas {n}")
    first = client.get("/search/", {"q": "umbrella"})
    assert len(found(first)) == 10
    assert "12 articles found" in first.content.decode()
    assert 'href="?q=umbrella&amp;page=2" rel="next">More results' in (
        first.content.decode()
    )
    second = client.get("/search/", {"q": "umbrella", "page": "2"})
    assert len(found(second)) == 2
    assert set(found(first)).isdisjoint(found(second))
    assert client.get("/search/", {"q": "umbrella", "page": "abc"}).status_code == 200


def test_a_topic_narrows_the_results(client, blog):
    make_article(title="Grieving slowly", tags=["Grief"])
    make_article(title="Anxious mornings", tags=["Anxiety"])
    response = client.get("/search/", {"q": "umbrella", "topic": "grief"})
    assert found(response) == ["Grieving slowly"]
    assert '<option value="grief" selected>Grief</option>' in response.content.decode()


def test_an_unknown_topic_gets_a_message(client, blog):
    make_article(tags=["Grief"])
    response = client.get("/search/", {"q": "umbrella", "topic": "nope\x00"})
    assert response.status_code == 200
    assert found(response) == []
    assert "No article has that topic. Choose one from the list." in (
        response.content.decode()
    )


def test_a_query_over_200_characters_is_refused(client, blog):
    make_article()
    response = client.get("/search/", {"q": "umbrella " * 23})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your search is 207 characters long. Please use 200 characters" in html
    assert found(response) == []
    assert len(found(client.get("/search/", {"q": "umbrella".ljust(200)}))) == 1


def test_an_empty_query_shows_the_form(client, blog):
    make_article()
    for query in ({}, {"q": ""}, {"q": "   "}, {"q": '"'}):
        response = client.get("/search/", query)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'role="search"' in html and "Type a few words" in html
        assert found(response) == []


@pytest.mark.parametrize(
    "query", ['say "hi', "\x00", "a\x00b", "AND OR NOT", "*", "(", "ü’😊", "../../etc"]
)
def test_awkward_queries_never_fail(client, blog, query):
    make_article()
    assert client.get("/search/", {"q": query}).status_code == 200


def test_a_search_never_writes(client, blog):
    make_article()
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "umbrella"})
        client.get("/search/", {"q": "umbrella", "topic": "none"})
    assert len(queries) > 0
    assert writes(queries) == []


def test_search_pages_ask_not_to_be_indexed(client, blog):
    html = client.get("/search/", {"q": "x"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Search: x" in html


def test_every_page_has_the_search_box(client, blog):
    article = make_article()
    for url in ("/", "/blog/", article.url):
        html = client.get(url).content.decode()
        assert 'action="/search/" role="search"' in html, url


def test_highlight_marks_word_starts_and_escapes():
    assert highlight("Fear & fearing <i>", ["fear"]) == (
        "<mark>Fear</mark> &amp; <mark>fearing</mark> &lt;i&gt;"
    )
    assert highlight("afraid", ["fear"]) == "afraid"
    assert highlight("a b", ["a"]) == "a b"  # one-letter terms would mark everything


def test_very_many_matches_on_sqlite_are_listed_newest_first(client, blog, monkeypatch):
    """SQLite ranks each match with a query of its own, so past a limit the
    matches come newest first, and the reader is told why; PostgreSQL always
    ranks them."""
    monkeypatch.setattr("blog.views.MAX_RANKED_ON_SQLITE", 2)
    for n, day in enumerate([3, 1, 2]):
        make_article(
            title=f"Harbour {n}",
            date=date(2026, 1, day),
            body=article_body(intro="<p>A harbour shelters boats.</p>"),
        )
    response = client.get("/search/", {"q": "harbour"})
    html = response.content.decode()
    if connection.vendor == "sqlite":
        assert found(response) == ["Harbour 0", "Harbour 2", "Harbour 1"]
        assert "listed newest first" in html
    else:
        assert "listed newest first" not in html
    make_article(title="Other")
    few = client.get("/search/", {"q": "harbour 0"}).content.decode()
    assert "listed newest first" not in few
