"""Every reader page costs a fixed number of queries, whatever the data size.

Each page is measured with 5 articles and 5 topics, and again with 50 of
each, with the page cache off, twice:

- with its fragments in the cache ({% wagtailcache %}), as on a running site:
  what is left is Wagtail's own routing (the site, each page on the path, its
  view restrictions) and what a fragment does not cover;
- cold, just after a change has cleared the cache: everything the page shows
  is read again, still a fixed number of queries.

The budgets are Wagtail's defaults plus what each page reads, not numbers
bought by rewriting Wagtail.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.models import SharingSettings
from blog.series import Series, SeriesArticle
from home.models import StartHereArticle
from tests.factories import (
    article_body,
    home_page,
    make_about_me,
    make_article,
    make_image,
    make_vignette_library,
)
from tests.queries import writes
from tests.subscriptions.test_subscriptions import make_subscribe_page

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Every request that uses the content cache first reads the content's
# generation, one query (base/cache.py), counted once on top of each budget.
GENERATION = 1

# With the fragments cached: Wagtail's routing of the page (the site, each
# page on the path as its own type, the view restrictions: 8 for an article)
# and whatever a fragment does not cover (a topic's name, search itself).
MAX_QUERIES = {
    "home": 4,
    "blog index": 7,
    "topic list": 8,
    "topic page": 8,
    "article": 8,
    # Its parts' authors, and whether the practice is a group, for bylines (+2).
    "series": 14,
    "vignette library": 6,
    "vignettes by topic and kind": 6,
    # Search finds the blog through the site's pages setting: the setting,
    # which of its pages readers may see, and the blog as its own type (+2).
    "search": 13,
    "search within a topic": 13,
    # The practice's own bio, looked up once for every article's getting help.
    # The bios' licences, in one query (+1).
    "feed": 15,
    "sitemap": 5,
    # Each page type it lists is fetched once (the subscribe page's among them).
    "sitemap pages": 16,
}
# Cold: everything read again. The feed renders up to 20 whole articles: its
# budget is what 20 cost (5 cost less), and it grows no further. Every list
# of articles reads their authors (1) and, once a render, whether the
# practice has more than one clinician, for bylines (1); JSON-LD reads the
# clinician's licences (1).
MAX_COLD_QUERIES = {
    # Every HTML page's footer reads the practice's notices and links (1).
    # "Get in touch" finds the consultation page, once a render (2 queries);
    # "Start here" reads its picks, the view restrictions, the articles and
    # their topics (4).
    "home": 30,
    # The subscription form finds the subscribe page once a render (the
    # site's pages setting, the view restrictions, the page: 3 queries), and
    # the blog index reads its topics for it (2).
    "blog index": 25,
    "topic list": 16,
    "topic page": 23,
    # The subscription form: the subscribe page (2) and the topics offered;
    # its series: the series, the view restrictions, its parts (4).
    # The about-me part lists the clinician's licences (1).
    "article": 47,
    "series": 21,
    # Its links to the subscribe and consultation pages read the site's
    # pages setting first (1).
    "vignette library": 22,
    "vignettes by topic and kind": 22,
    "search": 19,
    "search within a topic": 19,
    # The bios' licences, in one query (+1).
    "feed": 27,
    "sitemap": 5,
    "sitemap pages": 17,
}


@pytest.fixture
def fragments(settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600


def build(count, about_me):
    """`count` articles with three of a growing set of topics each, the about-me
    and a picture, and one fully-furnished article with every topic, related
    picks, a header image and a few links to others. Pages without a picture of their
    own share the site's default one."""
    topics = [f"Topic {n}" for n in range(count)]
    picture = make_image()
    figure = ("image", {"image": picture, "alt_text": "A chair", "decorative": False})
    articles = [
        make_article(
            tags=["Topic 0", *topics[n % len(topics) :][:2]],
            body=[*article_body(about_me), figure],
        )
        for n in range(count - 1)
    ]
    # "See my article ..." links, each to another article. Wagtail expands
    # each paragraph's links itself, so their number is fixed here: the data
    # that grows is the blog, not one article's text.
    paragraphs = [
        ("paragraph", f'<p>See <a linktype="page" id="{other.pk}">{i}</a>.</p>')
        for i, other in enumerate(articles[:4])
    ]
    article = make_article(
        title="Furnished",
        body=article_body(about_me) + paragraphs,
        tags=topics,
        related=articles[-4:],
        image=picture,
    )
    # The furnished article is part 3 of a series; the series has its page.
    series = Series(title="A series")
    series.series_articles = [
        SeriesArticle(article=part, sort_order=place)
        for place, part in enumerate([*articles[:2], article])
    ]
    series.save()
    sharing = SharingSettings.load()
    sharing.default_image = make_image("Sharing card")
    sharing.save()
    make_vignette_library()
    make_subscribe_page()  # the subscription form on articles and the blog
    # Three articles to start with, on the home page.
    home = home_page()
    home.start_here_links = [
        StartHereArticle(article=pick, sort_order=place)
        for place, pick in enumerate(articles[:3])
    ]
    home.save_revision().publish()
    return {
        "home": "/",
        "blog index": "/blog/",
        "topic list": "/blog/topics/",
        "topic page": "/blog/topics/topic-0/",
        "article": article.url,
        "series": "/blog/series/a-series/",
        "vignette library": "/vignettes/",
        "vignettes by topic and kind": "/vignettes/?topic=topic-0&kind=fictional",
        "search": "/search/?q=umbrella",
        "search within a topic": "/search/?q=umbrella&topic=topic-0",
        "feed": "/blog/feed/",
        "sitemap": "/sitemap.xml",
        "sitemap pages": "/sitemap-pages.xml",
    }


@pytest.mark.parametrize("count", [5, 50])
def test_reader_pages_query_count_is_bounded(
    client, blog, count, fragments, django_assert_max_num_queries
):
    urls = build(count, make_about_me())
    for name, url in urls.items():
        client.get(url)  # fills the fragments, as a running site has them
        budget = MAX_QUERIES[name] + GENERATION
        with django_assert_max_num_queries(budget, info=name):
            response = client.get(url)
        assert response.status_code == 200, name


@pytest.mark.parametrize("count", [5, 50])
def test_a_cold_cache_costs_a_fixed_number_more(
    client, blog, count, fragments, django_assert_max_num_queries
):
    urls = build(count, make_about_me())
    for name, url in urls.items():
        client.get(url)  # warm what the process keeps: templates, renditions
        caches["pages"].clear()
        budget = MAX_COLD_QUERIES[name] + GENERATION
        with django_assert_max_num_queries(budget, info=name):
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
