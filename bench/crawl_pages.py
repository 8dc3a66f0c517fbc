"""Crawl the site in-process, as bench/crawl.py describes, and print JSON."""

import json
import os
import re
import statistics
import sys
import time
from urllib.parse import urlsplit

import django

ROUNDS = int(os.environ.get("CRAWL_ROUNDS", "2"))
EDITOR_ARTICLES = 20


def locations(client, url):
    """Every page address in the sitemap at `url`, following an index."""
    xml = client.get(url).content.decode()
    found = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", xml):
        path = urlsplit(loc).path
        found += locations(client, path) if path.endswith(".xml") else [path]
    return found


def fetch_all(client, paths):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    elapsed, count = 0.0, 0
    for path in paths:
        # Each request starts a fresh query log: counted one at a time.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            elapsed += time.perf_counter() - start
        assert response.status_code == 200, (path, response.status_code)
        count += len(queries)
    return elapsed * 1000, count


def main():
    sys.path.insert(0, os.getcwd())
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.test import Client

    def empty_caches():
        for alias in ("default", "pages"):
            caches[alias].clear()

    reader = Client(HTTP_HOST="127.0.0.1")
    pages = sorted(set(locations(reader, "/sitemap.xml")))
    listings = ["/", "/blog/", "/blog/topics/", "/vignettes/"]
    listings += [f"/blog/?page={number}" for number in range(2, 6)]
    crawl = sorted(set(pages) | set(listings))
    articles = [path for path in pages if path.startswith("/blog/")][:EDITOR_ARTICLES]
    editor_paths = listings + articles

    fetch_all(reader, crawl[:20])  # templates compiled, connections open
    crawls = []
    for _ in range(ROUNDS):
        empty_caches()
        crawls.append(fetch_all(reader, crawl))

    editor = Client(HTTP_HOST="127.0.0.1")
    editor.force_login(get_user_model().objects.filter(is_superuser=True).first())
    empty_caches()
    browsing = []
    for _ in range(ROUNDS):
        fetch_all(editor, editor_paths)
        browsing.append(fetch_all(editor, editor_paths))

    from blog.models import ArticlePage

    print(
        json.dumps(
            {
                "articles": ArticlePage.objects.live().count(),
                "rounds": ROUNDS,
                "crawl": {
                    "pages": len(crawl),
                    "ms": statistics.median(ms for ms, _ in crawls),
                    "queries": crawls[-1][1],
                },
                "editor": {
                    "pages": len(editor_paths),
                    "ms": statistics.median(ms for ms, _ in browsing),
                    "queries": browsing[-1][1],
                },
            }
        )
    )


if __name__ == "__main__":
    main()
