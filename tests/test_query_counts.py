"""Every reader page costs a fixed number of queries, whatever the data size.

Each page is measured with 5 articles and again with 50 (more topics, related
picks, body blocks and "see my article" links too), twice:

- with nothing in the page cache, but what it keeps between changes already
  there (the settings in every header and footer, the menu, the about-me, the
  topics with their counts, an article's related and neighbouring articles),
  as on a running site: home 7, blog index 7, topic list 4, topic page 7,
  article 8 (the site, the home page, the blog and the article, its topics,
  its pictures' sizes, its view restrictions, the pages its body links to),
  the vignette library 10 with or without filters, search 6 with or without a
  topic, the feed 10 (20 whole articles, each with the about-me and a
  picture) and the sitemap 12;
- cold, just after a change has cleared it all: at most 6 more (the three
  settings, the menu, the about-me, the topics), 8 more on an article.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SharingSettings
from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_image,
    make_vignette_library,
)
from tests.queries import writes

pytestmark = pytest.mark.django_db

MAX_QUERIES = {
    "home": 7,
    "blog index": 7,
    "topic list": 4,
    "topic page": 7,
    "article": 8,
    "vignette library": 10,
    "vignettes by topic and kind": 10,
    "search": 6,
    "search within a topic": 6,
    "feed": 10,
    "sitemap": 12,
}
COLD_EXTRA = {"article": 8, "feed": 4, "sitemap": 1}


def build(count, about_me):
    """`count` articles with three of a growing set of topics each, the about-me
    and a picture, and one fully-furnished article with every topic, related
    picks, a header image and `count` blocks. Pages without a picture of their
    own share the site's default one."""
    topics = [f"Topic {n}" for n in range(count // 5 + 4)]
    picture = make_image()
    figure = ("image", {"image": picture, "alt_text": "A chair", "decorative": False})
    articles = [
        make_article(
            tags=["Topic 0", *topics[n % len(topics) :][:2]],
            body=[*article_body(about_me), figure],
        )
        for n in range(count - 1)
    ]
    # "See my article ..." links, each to another article.
    paragraphs = [
        ("paragraph", f'<p>See <a linktype="page" id="{other.pk}">{i}</a>.</p>')
        for i, other in zip(range(count), articles * 2, strict=False)
    ]
    article = make_article(
        title="Furnished",
        body=article_body(about_me) + paragraphs,
        tags=topics,
        related=articles[-4:],
        image=picture,
    )
    sharing = SharingSettings.load()
    sharing.default_image = make_image("Sharing card")
    sharing.save()
    make_vignette_library()
    return {
        "home": "/",
        "blog index": "/blog/",
        "topic list": "/blog/topics/",
        "topic page": "/blog/topics/topic-0/",
        "article": article.url,
        "vignette library": "/vignettes/",
        "vignettes by topic and kind": "/vignettes/?topic=topic-0&kind=fictional",
        "search": "/search/?q=umbrella",
        "search within a topic": "/search/?q=umbrella&topic=topic-0",
        "feed": "/blog/feed/",
        "sitemap": "/sitemap.xml",
    }


@pytest.mark.parametrize("count", [5, 50])
def test_reader_pages_query_count_is_bounded(
    client, blog, count, django_assert_max_num_queries
):
    urls = build(count, make_about_me())
    for name, url in urls.items():
        client.get(url)  # warm per-process caches, as a running site has them
        with django_assert_max_num_queries(MAX_QUERIES[name], info=name):
            response = client.get(url)
        assert response.status_code == 200, name


@pytest.mark.parametrize("count", [5, 50])
def test_a_cold_cache_costs_a_fixed_number_more(
    client, blog, count, django_assert_max_num_queries
):
    urls = build(count, make_about_me())
    for name, url in urls.items():
        client.get(url)  # warm what the process keeps: templates, renditions
        caches["pages"].clear()
        limit = MAX_QUERIES[name] + COLD_EXTRA.get(name, 6)
        with django_assert_max_num_queries(limit, info=name):
            response = client.get(url)
        assert response.status_code == 200, name


def test_reading_pages_never_writes(client, blog):
    for name, url in build(5, make_about_me()).items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        # Wagtail makes each picture's sized copy the first time it is shown;
        # nothing else is ever written by a reader.
        others = [
            sql for sql in writes(queries) if "wagtailimages_rendition" not in sql
        ]
        assert others == [], name
