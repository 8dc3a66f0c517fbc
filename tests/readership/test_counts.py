"""Readership counts: each read of an article by a reader is one cache
increment, whether the page cache served it or not, and the real worker
folds the increments into one row per article per day. Editors, previews,
HEAD requests and crawlers are not counted, and nothing about the reader is
kept anywhere in the database."""

from datetime import timedelta

import feedparser
import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.page_cache import clear_pages
from cms.settings.base import redis_caches
from readership.counting import count_key
from readership.folding import fold
from readership.models import DailyReads
from readership.tasks import fold_reads
from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
)
from tests.servers import free_port
from tests.workers import work

pytestmark = pytest.mark.django_db
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
CRAWLERS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.1; "
    "+https://openai.com/gptbot)",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "",  # no user agent: no browser
]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def articles(migrated_site):
    """Committed, as the worker needs: its loop closes the connection a test
    transaction would hold (PostgreSQL's really closes)."""
    blog = make_blog_index()
    about = make_about_me()
    return [
        make_article(parent=blog, title=title, tags=tags, body=article_body(about))
        for title, tags in (("On grief", ["Grief"]), ("On shame", ["Shame", "Grief"]))
    ]


def reads():
    return {(row.article_id, row.day): row.reads for row in DailyReads.objects.all()}


def test_a_hundred_reads_half_from_the_page_cache_are_a_hundred_reads(
    client, articles, page_cache
):
    served = []
    for _round in range(25):
        for article in articles:
            clear_pages()  # the first read of each pair renders
            for _ in range(2):
                response = client.get(article.url, HTTP_USER_AGENT=BROWSER)
                assert response.status_code == 200
                served.append(response["X-Page-Cache"])
    assert served.count("miss") == served.count("hit") == 50
    assert DailyReads.objects.count() == 0  # nothing written on a request
    work()
    today = timezone.localdate()
    assert reads() == {(articles[0].pk, today): 50, (articles[1].pk, today): 50}
    # Folded once: the worker running again adds nothing.
    assert fold() == 0
    assert DailyReads.objects.total() == 100


def test_editors_previews_head_requests_and_crawlers_are_not_counted(
    articles, page_cache
):
    article = articles[0]
    reader, editor = Client(), Client()
    editor.force_login(make_superuser())
    for agent in CRAWLERS:
        assert reader.get(article.url, HTTP_USER_AGENT=agent).status_code == 200
    assert reader.head(article.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert editor.get(article.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    for preview in (
        f"/admin/pages/{article.pk}/view_draft/",
        f"/admin/pages/{article.pk}/revisions/{article.latest_revision_id}/view/",
    ):
        response = editor.get(preview, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, preview
        assert "On grief" in response.text
    # Other pages are not articles.
    for url in ("/", "/blog/", "/blog/topics/grief/", "/blog/feed/"):
        reader.get(url, HTTP_USER_AGENT=BROWSER)
    work()
    assert reads() == {}
    # The same reader's GET is counted: what was left out was left out for
    # the reasons above.
    reader.get(article.url, HTTP_USER_AGENT=BROWSER)
    assert fold() == 1  # the worker's next fold is minutes away


def test_a_feed_item_opened_through_the_site_is_a_read(client, articles):
    feed = feedparser.parse(client.get("/blog/feed/").content)
    link = next(entry.link for entry in feed.entries if entry.title == "On shame")
    response = client.get(
        link.removeprefix("http://localhost"), HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 200
    work()
    assert reads() == {(articles[1].pk, timezone.localdate()): 1}


def test_nothing_about_the_reader_is_kept_in_any_table(client, articles, page_cache):
    probes = {
        "address": "198.51.100.23",
        "forwarded": "203.0.113.77",
        "agent": BROWSER + " ProbeSentinel/7.3",
        "cookie": "cookie-probe-8842",
        "referrer": "https://referrer.example/probe-page",
        "query": "query-probe-5531",
    }
    client.cookies["visitor"] = probes["cookie"]
    for _ in range(3):
        response = client.get(
            f"{articles[0].url}?utm_source={probes['query']}",
            REMOTE_ADDR=probes["address"],
            HTTP_X_FORWARDED_FOR=probes["forwarded"],
            HTTP_USER_AGENT=probes["agent"],
            HTTP_REFERER=probes["referrer"],
        )
        assert response.status_code == 200
    work()
    assert DailyReads.objects.total() == 3
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 (our own tables)
            dump.extend(repr(row) for row in cursor.fetchall())
    text = "\n".join(dump)
    assert len(text) > 10_000  # the dump holds the site itself
    for name, probe in probes.items():
        assert probe not in text, name
    assert "ProbeSentinel" not in text and "Chrome/131" not in text


def test_with_the_cache_down_pages_answer_and_the_fold_waits(
    client, articles, settings
):
    caches_up = settings.CACHES
    # A real django-redis client, with production's options, to a port where
    # nothing listens: every cache call fails.
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{free_port()}/0")
    settings.PAGE_CACHE_SECONDS = 600
    for url in ("/", articles[0].url, articles[0].url, "/blog/", "/blog/feed/"):
        assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200, url
    work()
    assert reads() == {}
    # The cache back, reads are counted again.
    settings.CACHES = caches_up
    assert client.get(articles[0].url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert fold() == 1  # the worker's next fold is minutes away


def test_counting_switched_off_counts_nothing(client, articles, settings):
    settings.READERSHIP_COUNTS = False
    client.get(articles[0].url, HTTP_USER_AGENT=BROWSER)
    assert fold() == 0
    assert reads() == {}
    settings.READERSHIP_COUNTS = True
    client.get(articles[0].url, HTTP_USER_AGENT=BROWSER)
    assert fold() == 1


def test_the_worker_keeps_one_fold_waiting(client, articles, settings):
    settings.READERSHIP_FOLD_SECONDS = 300
    work()
    work()
    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=fold_reads.module_path
    )
    assert waiting.count() == 1
    due = waiting.get().run_after - timezone.now()
    assert timedelta(seconds=280) < due <= timedelta(seconds=300)


def test_counts_of_earlier_days_go_to_their_day(articles):
    cache = caches["counts"]
    today = timezone.localdate()
    three_days_ago = today - timedelta(days=3)
    cache.set(count_key(three_days_ago, articles[0].pk), 4, timeout=None)
    cache.set(count_key(today, articles[0].pk), 2, timeout=None)
    assert fold() == 6
    assert reads() == {(articles[0].pk, three_days_ago): 4, (articles[0].pk, today): 2}
    # The emptied key of an earlier day is gone; today's stays for more reads.
    assert cache.get(count_key(three_days_ago, articles[0].pk)) is None
    assert cache.get(count_key(today, articles[0].pk)) == 0
    cache.incr(count_key(today, articles[0].pk))
    assert fold() == 1
    assert reads()[(articles[0].pk, today)] == 3


def test_the_privacy_page_says_what_is_counted(client, settings, blog):
    from wagtail.models import Site

    from base.models import SitePages
    from tests.base.test_practice_notices import information_page

    privacy = information_page("Privacy", "privacy")
    SitePages.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"privacy_page": privacy}
    )
    html = client.get("/privacy/").text
    assert "What this site counts" in html
    assert "how many times each article is read, per day" in html
    assert "no address, cookie, browser, referrer" in html
    settings.READERSHIP_COUNTS = False
    html = client.get("/privacy/").text
    assert "the site does not count its readers" in html
    assert "how many times each article is read" not in html
