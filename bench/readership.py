"""What counting reads costs a cached article, and whether every read is
counted: `make bench` (README, "Benchmarks").

In a fresh SQLite database with production settings and the demo, gunicorn
(2 sync workers) serves an article from the page cache to wrk (8
connections, WRK_SECONDS each, a browser's user agent), with
READERSHIP_COUNTS off and on, alternating, READERSHIP_ROUNDS times each: with
the counts in the folder a site without Redis uses, then in a Redis of the
bench's own (when Debian's redis-server is installed). After each run with
counting on, the counts are folded into the database and compared with the
requests wrk made. It writes bench/results/readership.md.
"""

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

import redis
from pages import (
    PICK_URLS,
    RESULTS,
    WRK_SECONDS,
    Server,
    free_port,
    manage,
    served_demo,
    verdict,
    wrk,
)

ROUNDS = int(os.environ.get("READERSHIP_ROUNDS", "3"))
COST_LIMIT = 0.10
BROWSER = (
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
FOLD = "from readership.folding import fold; print(fold())"
REDIS_SERVER = shutil.which("redis-server")


def redis_server():
    """A redis-server on a free loopback port that keeps nothing on disk."""
    port = free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            redis.Redis.from_url(url).ping()
            return process, url
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


def measure(env, url):
    """Requests/s with counting off and on, alternating, and each run's
    reads counted against the requests made."""
    rps = {"off": [], "on": []}
    counted = []
    for _ in range(ROUNDS):
        for counting in ("off", "on"):
            server_env = env | {"READERSHIP_COUNTS": counting}
            with Server(server_env, free_port(), page_cache=True) as server:
                result = wrk(server.base + url, headers=[BROWSER])
            rps[counting].append(result["rps"])
            reads = int(manage(env, "shell", "-v0", "-c", FOLD))
            if counting == "on":
                # wrk's count and its warming request.
                counted.append((reads, result["requests"] + 1))
            elif reads:
                raise RuntimeError(f"{reads} reads counted with counting off")
    return rps, counted


def report(rows):
    lines = [
        "## Readership counts",
        "",
        f"A cached article under wrk (8 connections, {WRK_SECONDS} s, a browser's "
        "user agent) against gunicorn with 2 sync workers, SQLite, production "
        f"settings; counting off and on alternately, {ROUNDS} runs each, "
        "medians. Counted: reads folded into the database after each run with "
        "counting on, against the requests made (wrk's and its warming "
        "request; requests wrk had not finished when it stopped may add a few).",
        "",
        "| counts kept in | off (req/s) | on (req/s) | cost | counted / requests |",
        "|---|---|---|---|---|",
    ]
    targets = []
    for name, rps, counted in rows:
        off, on = statistics.median(rps["off"]), statistics.median(rps["on"])
        cost = 1 - on / off
        exact = all(requests <= reads <= requests + 8 for reads, requests in counted)
        runs = ", ".join(f"{reads:,} / {requests:,}" for reads, requests in counted)
        lines.append(f"| {name} | {off:,.0f} | {on:,.0f} | {cost:.1%} | {runs} |")
        targets.append(
            (f"counting costs ≤ {COST_LIMIT:.0%} ({name})", cost <= COST_LIMIT)
        )
        targets.append((f"every request counted ({name})", exact))
    lines += ["", "| target | met |", "|---|---|"]
    lines += [f"| {what} | {verdict(ok)} |" for what, ok in targets]
    return "\n".join(lines) + "\n"


def main():
    rows = []
    with tempfile.TemporaryDirectory() as var:
        env = served_demo(var)
        url = json.loads(manage(env, "shell", "-v0", "-c", PICK_URLS))["article"]
        print("Counting in the counts folder…", flush=True)
        rows.append(("a folder (no Redis)", *measure(env, url)))
        if REDIS_SERVER:
            process, redis_url = redis_server()
            try:
                print("Counting in Redis…", flush=True)
                rows.append(("Redis", *measure(env | {"REDIS_URL": redis_url}, url)))
            finally:
                process.terminate()
                process.wait(timeout=10)
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = report(rows)
    (RESULTS / "readership.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
