"""Render each page type in-process and print its median time and queries.

Run by bench/pages.py in a process of its own, with production settings and
the page cache off, so every request renders the page. Prints JSON.
"""

import json
import os
import statistics
import sys
import time

import django

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))


def main():
    sys.path.insert(0, os.getcwd())
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in json.loads(sys.argv[1]).items():
        first = client.get(url)  # templates, renditions, connections warmed
        assert first.status_code == 200, (url, first.status_code)
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[name] = {"ms": statistics.median(times), "queries": len(queries)}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
