"""A cache that fails costs speed, never pages.

With production's cache settings (django-redis, cms/settings/base.py) against
a Redis this test starts on a port of its own, then stops, then makes slow,
then fills: every public page keeps answering 200, the editor can still
publish, and the failure is logged once, not once a request.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from blog.models import BlogIndexPage
from cms.settings.base import redis_caches
from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_superuser,
    make_vignette_library,
)
from tests.forms import article_form

REDIS_SERVER = shutil.which("redis-server")
pytestmark = [
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
    client = server.start("--maxmemory", "2mb", "--maxmemory-policy", "noeviction")
    filler = b"x" * 10_000
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        for n in range(1_000):
            client.set(f"filler:{n}", filler)
    all_answer(reader, pages, times=3)
