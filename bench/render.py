"""Render each page type in-process and print its median time and queries.

Run by bench/pages.py in a process of its own, with production settings and
the page cache off, so every request renders the page. Each page is timed
warm (its template fragments, which `{% wagtailcache %}` keeps between
changes, already there) and cold (just after a change cleared the cache).
Prints JSON.
"""

import json
import os
import statistics
import sys
import time

import django

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
BUDGET_SECONDS = 8


def timed(client, url):
    start = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - start) * 1000


def main():
    sys.path.insert(0, os.getcwd())
    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    pages = caches["pages"]
    results = {}
    for name, url in json.loads(sys.argv[1]).items():
        first = client.get(url)  # templates, renditions, connections warmed
        assert first.status_code == 200, (url, first.status_code)
        warm, cold = [], []
        # A slow page (the sitemap of a big blog) gets fewer rounds, never < 5.
        budget = time.perf_counter() + BUDGET_SECONDS
        while len(warm) < ROUNDS and (len(warm) < 5 or time.perf_counter() < budget):
            warm.append(timed(client, url))
            pages.clear()
            cold.append(timed(client, url))
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        pages.clear()
        with CaptureQueriesContext(connection) as cold_queries:
            client.get(url)
        results[name] = {
            "ms": statistics.median(warm),
            "queries": len(queries),
            "cold_ms": statistics.median(cold),
            "cold_queries": len(cold_queries),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
