"""The counts' folder, for a site without Redis (and the SQLite suite's):
processes adding at once lose no read, and taking counts out while they add
loses none either."""

import multiprocessing

import pytest

from readership.file_counts import FileCountsCache

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
