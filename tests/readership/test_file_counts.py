"""The counts' folder, for a site without Redis: processes adding at once
lose no read, and taking counts out while they add loses none either."""

import multiprocessing

import pytest
from django.test import Client
from django.utils import timezone

from readership.counting import count_key
from readership.file_counts import FileCountsCache
from readership.folding import fold
from readership.models import DailyReads
from tests.factories import article_body, make_about_me, make_article
from tests.readership.test_counts import BROWSER

PROCESSES, EACH = 4, 500


def add_reads(folder, key):
    cache = FileCountsCache(folder, {})
    for _ in range(EACH):
        cache.incr(key)


def test_processes_adding_at_once_lose_nothing_while_counts_are_taken(tmp_path):
    cache = FileCountsCache(tmp_path, {})
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=add_reads, args=(tmp_path, "reads:x"))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    taken = 0
    while any(worker.is_alive() for worker in workers):
        found = cache.get("reads:x", 0)
        if found:
            cache.decr("reads:x", found)
            taken += found
    for worker in workers:
        worker.join()
        assert worker.exitcode == 0
    assert taken + cache.get("reads:x") == PROCESSES * EACH


def test_the_cache_api_the_fold_uses(tmp_path):
    cache = FileCountsCache(tmp_path, {})
    assert cache.get("k") is None and cache.get_many(["k"]) == {}
    assert cache.incr("k") == 1  # a count starts with its first read
    assert cache.incr("k", 4) == 5
    assert cache.decr("k", 2) == 3
    assert cache.get_many(["k", "other"]) == {"k": 3}
    with pytest.raises(ValueError):
        cache.decr("other")
    assert cache.add("k", 9) is False
    cache.set("k", 7)
    assert cache.get("k") == 7
    assert cache.delete("k") and cache.get("k") is None


@pytest.mark.django_db
def test_reads_through_the_site_fold_from_the_folder(blog, settings, tmp_path):
    settings.CACHES = settings.CACHES | {
        "counts": {
            "BACKEND": "readership.file_counts.FileCountsCache",
            "LOCATION": str(tmp_path),
        }
    }
    article = make_article(parent=blog, body=article_body(make_about_me()))
    client = Client(HTTP_USER_AGENT=BROWSER)
    for _ in range(3):
        assert client.get(article.url).status_code == 200
    key = count_key(timezone.localdate(), article.pk)
    assert FileCountsCache(tmp_path, {}).get(key) == 3
    assert fold() == 3
    assert DailyReads.objects.get(article=article).reads == 3
    assert fold() == 0
