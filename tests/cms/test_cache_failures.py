"""A cache that fails costs speed, never pages, and never shows readers what
the editor changed.

With production's cache settings (django-redis, cms/settings/base.py) against
a Redis this test starts on a port of its own, then stops, then makes slow,
then fills: every public page keeps answering 200, the editor can still
publish, and the failure is logged once, not once a request. An article
unpublished while Redis is full, frozen (SIGSTOP) or restarted empty is a 404
on the first request once Redis answers, and the editor is warned when the
cache could not be emptied.
"""

import contextlib
import logging
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from blog.models import BlogIndexPage
from cms.settings.base import redis_caches
from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
    make_vignette_library,
)
from tests.forms import article_form, post_notices

REDIS_SERVER = shutil.which("redis-server")
# A Redis that refuses every write once a few megabytes are in it.
FULL = ("--maxmemory", "2mb", "--maxmemory-policy", "noeviction")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs Debian's redis-server"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A throwaway redis-server on 127.0.0.1 that keeps nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self, *options):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", *options],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return client
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    @contextlib.contextmanager
    def frozen(self):
        """Stalled (SIGSTOP): connections are accepted, nothing is answered,
        until the block ends."""
        self.process.send_signal(signal.SIGSTOP)
        try:
            yield
        finally:
            self.process.send_signal(signal.SIGCONT)

    def fill(self, client):
        """Until writes are refused (started with a small maxmemory)."""
        filler = b"x" * 10_000
        with pytest.raises(redis.exceptions.OutOfMemoryError):
            for n in range(1_000):
                client.set(f"filler:{n}", filler)


@pytest.fixture
def server(settings):
    server = RedisServer()
    server.start()
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 3600
    settings.CACHES = redis_caches(server.url)
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def redis_log():
    """What django-redis logs, after the project's once-a-minute filter."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("django_redis")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


@pytest.fixture
def pages(blog):
    article = make_article(
        title="Sitting with grief", tags=["Grief"], body=article_body(make_about_me())
    )
    make_vignette_library()
    return [
        "/",
        "/blog/",
        "/blog/topics/",
        "/blog/topics/grief/",
        article.url,
        "/vignettes/",
        "/search/?q=grief",
        "/blog/feed/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
    ]


def all_answer(reader, pages, times=2):
    for _ in range(times):
        for url in pages:
            response = reader.get(url)
            assert response.status_code == 200, url


def test_public_pages_answer_while_redis_is_up_stopped_slow_and_full(
    server, pages, redis_log
):
    reader = Client()
    all_answer(reader, pages)
    assert reader.get(pages[4])["X-Page-Cache"] == "hit"

    server.stop()
    all_answer(reader, pages, times=3)
    assert reader.get(pages[4])["X-Page-Cache"] == "miss"  # rendered, not stored
    # Dozens of failed cache calls, one line in the log.
    assert len(redis_log) == 1

    editor = Client()
    editor.force_login(make_superuser())
    response = editor.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["blog", "articlepage", BlogIndexPage.objects.get().pk],
        ),
        article_form(
            [("intro", rich_text("<p>Caches fail; pages should not.</p>"))],
            title="Written while the cache was down",
        )
        | {"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    assert "Written while the cache was down" in reader.get("/blog/").text

    # Slow: Redis blocks for two seconds; each cache call gives up after 0.25.
    server.start()
    sleeper = subprocess.Popen(
        ["redis-cli", "-p", str(server.port), "debug", "sleep", "2"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.1)
    started = time.monotonic()
    assert reader.get("/").status_code == 200
    assert time.monotonic() - started < 2
    sleeper.wait(timeout=10)
    server.stop()

    # Full: a small maxmemory that refuses every write (noeviction).
    server.fill(server.start(*FULL))
    all_answer(reader, pages, times=3)


@pytest.fixture
def article(migrated_site):
    """Committed, as on a running site: emptying the cache waits for the
    commit, and tells the editor when it fails."""
    make_blog_index()
    return make_article(
        title="A vignette pulled back",
        tags=["Grief"],
        body=article_body(make_about_me()),
    )


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def editor(article):
    editor = Client()
    editor.force_login(make_superuser())
    return editor


def warm(reader, url):
    reader.get(url)
    assert reader.get(url)["X-Page-Cache"] == "hit"


def unpublish(editor, page):
    """Through the admin, as the editor does; the messages she is shown."""
    response = editor.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    return [str(message) for message in get_messages(response.wsgi_request)]


def stored_pages(client):
    return list(client.scan_iter(match="pages:*"))


@pytest.mark.django_db(transaction=True)
def test_unpublished_while_redis_is_full_it_is_gone(server, reader, editor, article):
    server.stop()
    client = server.start(*FULL)
    warm(reader, article.url)
    server.fill(client)
    said = unpublish(editor, article)
    assert any("unpublished" in text for text in said)
    assert reader.get(article.url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_unpublished_while_redis_is_frozen_it_is_gone_when_it_answers(
    server, reader, editor, article, settings
):
    # Never skipped for long: the reader below asks Redis again at once.
    settings.CACHE_BREAK_SECONDS = 0
    client = redis.Redis.from_url(server.url)
    warm(reader, article.url)
    with server.frozen():
        started = time.monotonic()
        said = unpublish(editor, article)
        assert time.monotonic() - started < 2
    assert any("could not be deleted" in text for text in said), said
    # What was stored before the change is still in Redis...
    assert stored_pages(client)
    # ...and the next reader, with Redis answering again, never gets it.
    assert reader.get(article.url).status_code == 404
    assert "A vignette pulled back" not in reader.get("/blog/").text


@pytest.mark.django_db(transaction=True)
def test_unpublished_while_redis_is_down_it_is_gone_after_an_empty_restart(
    server, reader, editor, article, settings
):
    settings.CACHE_BREAK_SECONDS = 0
    warm(reader, article.url)
    server.stop()
    said = unpublish(editor, article)
    assert any("could not be deleted" in text for text in said), said
    server.start()
    assert reader.get(article.url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_crisis_notice_changed_while_redis_is_frozen_shows_when_it_answers(
    server, reader, editor, article, settings
):
    settings.CACHE_BREAK_SECONDS = 0
    warm(reader, article.url)
    with server.frozen():
        response = post_notices(
            editor, "<p>In Ireland, call Pieta on 1800 247 247.</p>"
        )
        assert response.status_code == 302
    for url in (article.url, "/", "/blog/"):
        assert "Pieta on 1800 247 247" in reader.get(url).text, url


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "break_seconds",
    [
        5,  # the circuit opens at the first timeout
        # Never left open: each call would wait out its quarter-second
        # timeout, a dozen times a page; the request's own budget stops that.
        0,
    ],
)
def test_a_frozen_redis_costs_a_page_well_under_a_second(
    server, reader, article, settings, break_seconds
):
    settings.CACHE_BREAK_SECONDS = break_seconds
    warm(reader, article.url)
    warm(reader, "/blog/")
    with server.frozen():
        for url in (article.url, "/blog/", "/", "/blog/topics/grief/"):
            started = time.monotonic()
            assert reader.get(url).status_code == 200, url
            assert time.monotonic() - started < 1, url


@pytest.mark.django_db(transaction=True)
def test_a_change_on_one_cache_version_retires_what_another_stored(
    server, reader, editor, article, settings
):
    """A rolling deploy: two servers with different CACHE_VERSIONs share one
    Redis and the database. A change made on the new one, while Redis could
    not be emptied, retires what the old one stored too."""

    def serve_as(version):
        settings.CACHES = {
            alias: config | {"VERSION": version}
            for alias, config in settings.CACHES.items()
        }

    settings.CACHE_BREAK_SECONDS = 0
    serve_as("old-commit")
    warm(reader, article.url)
    serve_as("new-commit")
    warm(reader, article.url)
    with server.frozen():
        unpublish(editor, article)
    serve_as("old-commit")
    assert reader.get(article.url).status_code == 404
