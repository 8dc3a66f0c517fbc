"""Page speed at 100, 1,000 and 10,000 articles: in-process and under wrk.

Run by `make bench`. In a fresh SQLite database under a temporary VAR_DIR,
with production settings, it loads the demo and grows the blog with
`generate_articles`. At each size it:

- renders every page type in-process with the page cache off (bench/render.py):
  median time and query count;
- serves the site with gunicorn (2 sync workers, gunicorn.conf.py) on
  127.0.0.1 and runs wrk for WRK_SECONDS at 8 connections against an article
  (uncached, then cached), the blog index, a topic page, search and a static
  file served by whitenoise, all in this one run; requests/s and the ratio to
  the static file.

It writes bench/results/pages.md.
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "100,1000,10000").split(",")]
WRK_SECONDS = int(os.environ.get("WRK_SECONDS", "10"))
CONNECTIONS = 8
GUNICORN = Path(sys.executable).parent / "gunicorn"

# What is asked of pages rendered with the page cache off and their fragments
# in the cache ({% wagtailcache %}).
QUERY_LIMITS = {"article": 6, "home": 12, "blog index": 12, "topic page": 12}
RENDER_LIMIT_MS = {"article": 5}
GROWTH_LIMIT = 1.5
# With every cache empty, an article is no slower than it was uncached before
# the cache layer took over (bench/results of 2026-12-01: the memo store warm,
# the page cache off), at 100, 1,000 and 10,000 articles.
BEFORE_UNCACHED_ARTICLE_MS = {100: 17.0, 1000: 20.3, 10000: 13.0}
CACHED_TO_STATIC = 0.7
CACHED_P99_LIMIT_MS = 100

PICK_URLS = """
import json
from base.models import SitePages
from blog.models import ArticlePage
from wagtail.models import Site
blog = SitePages.find(Site.objects.get(is_default_site=True), "blog")
topic = min(blog.topics(), key=lambda topic: (-topic.article_count, topic.name))
article = blog.articles().first()
print(json.dumps({
    "home": "/",
    "blog index": "/blog/",
    "topic list": "/blog/topics/",
    "topic page": f"/blog/topics/{topic.slug}/",
    "article": article.url,
    "vignette library": "/vignettes/",
    "search": "/search/?q=grief",
    "feed": "/blog/feed/",
    "sitemap": "/sitemap.xml",
    "sitemap pages": "/sitemap-pages.xml",
    "count": ArticlePage.objects.live().count(),
}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python(env, script, *args):
    """A script of the project's run with `env` as its whole environment;
    its output."""
    return subprocess.run(
        [sys.executable, str(ROOT / script), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def manage(env, *args):
    return python(env, "manage.py", *args)


def production_env(var):
    """A production server's environment over a fresh SQLite under `var`
    (also bench/crawl.py's)."""
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL"}
    } | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "VAR_DIR": var,
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "FIELD_ENCRYPTION_KEY": "YmVuY2gtb25seS1maWVsZC1lbmNyeXB0aW9uLWtleSE=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
    }


class Server:
    """gunicorn with the bench's environment, for the length of a `with`."""

    def __init__(self, env, port, page_cache):
        self.env = env | {
            "PORT": str(port),
            "WEB_CONCURRENCY": "2",
            "GUNICORN_ACCESS_LOG": "",
            "PAGE_CACHE_SECONDS": "600" if page_cache else "0",
        }
        self.base = f"http://127.0.0.1:{port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(GUNICORN)], env=self.env, cwd=ROOT, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url, headers=()):
    """Requests per second, p50 and p99 latency, the errors wrk saw, and its
    number of requests (one more was made first, to warm)."""
    warm = urllib.request.Request(url, headers=dict(h.split(": ", 1) for h in headers))
    urllib.request.urlopen(warm, timeout=10)  # a stored page, renditions
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{WRK_SECONDS}s",
            "--latency",
            *(part for header in headers for part in ("-H", header)),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: (.*)", out)
    problems = ", ".join(
        text
        for text in (
            errors and f"{errors.group(1)} non-2xx/3xx",
            sockets and f"socket errors: {sockets.group(1)}",
        )
        if text
    )
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "problems": problems,
    }


def measure(env, urls):
    render = json.loads(
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "render.py"), json.dumps(urls)],
            env=env | {"PAGE_CACHE_SECONDS": "0"},
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    static = "/static/css/site.css"
    port = free_port()
    load = {}
    with Server(env, port, page_cache=False) as server:
        html = urllib.request.urlopen(server.base + "/").read().decode()
        static = re.search(r'href="(/static/css/site\.[^"]+)"', html).group(1)
        for name, path in [
            ("article, uncached", urls["article"]),
            ("blog index, uncached", urls["blog index"]),
            ("topic page, uncached", urls["topic page"]),
            ("search", urls["search"]),
            ("static file (whitenoise)", static),
        ]:
            load[name] = wrk(server.base + path)
    with Server(env, port, page_cache=True) as server:
        for name, path in [
            ("article, cached", urls["article"]),
            ("blog index, cached", urls["blog index"]),
        ]:
            load[name] = wrk(server.base + path)
    return render, load


def milliseconds(text):
    """wrk's latency ("812.00us", "3.72ms", "1.46s") in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def verdict(ok):
    return "yes" if ok else "**no**"


def report(runs):
    lines = [
        "## Pages",
        "",
        "SQLite, production settings, this machine (2 cores). In-process: the "
        "median of up to 40 renders (at least 5) with the page cache off, and "
        "the SQL queries of one. "
        f"Load: wrk, {CONNECTIONS} connections for {WRK_SECONDS} s each, "
        "against gunicorn with 2 sync workers on 127.0.0.1, all in this run.",
        "",
    ]
    names = list(runs[0]["render"])
    header = " | ".join(f"{run['count']:,} articles" for run in runs)
    lines += [
        "### In-process render, page cache off",
        "",
        "Median ms and queries: warm (the page's fragments, kept by "
        "`{% wagtailcache %}` between changes, present), then cold (just after "
        "a change cleared the cache).",
        "",
        f"| page | {header} | growth, largest ÷ smallest |",
        "|---" * (len(runs) + 2) + "|",
    ]
    for name in names:
        cells = " | ".join(
            "{ms:.1f} ms, {queries} q · cold {cold_ms:.1f} ms, {cold_queries} q".format(
                **run["render"][name]
            )
            for run in runs
        )
        growth = runs[-1]["render"][name]["ms"] / runs[0]["render"][name]["ms"]
        lines.append(f"| {name} | {cells} | {growth:.2f}× |")
    lines += ["", "### Under load (requests/s, and ÷ the static file's)", ""]
    lines += [
        f"| URL | {header} |",
        "|---" * (len(runs) + 1) + "|",
    ]
    for name in runs[0]["load"]:
        cells = []
        for run in runs:
            row = run["load"][name]
            ratio = row["rps"] / run["load"]["static file (whitenoise)"]["rps"]
            cell = f"{row['rps']:,.0f} ({ratio:.2f}×) p50 {row['p50']} p99 {row['p99']}"
            if row["problems"]:
                cell += f" ⚠ {row['problems']}"
            cells.append(cell)
        lines.append(f"| {name} | {' | '.join(cells)} |")

    largest = runs[-1]
    checks = []
    for name, limit in QUERY_LIMITS.items():
        counts = {run["render"][name]["queries"] for run in runs}
        checks.append(
            (
                f"{name}: ≤ {limit} queries at every size, never growing",
                f"{', '.join(str(run['render'][name]['queries']) for run in runs)}",
                max(counts) <= limit and len(counts) == 1,
            )
        )
    for name, limit in RENDER_LIMIT_MS.items():
        ms = [run["render"][name]["ms"] for run in runs]
        checks.append(
            (
                f"uncached {name} render ≤ {limit} ms median",
                ", ".join(f"{value:.1f} ms" for value in ms),
                max(ms) <= limit,
            )
        )
    for run in runs:
        before = BEFORE_UNCACHED_ARTICLE_MS.get(run["count"])
        if before is None:
            continue
        cold = run["render"]["article"]["cold_ms"]
        checks.append(
            (
                f"article with every cache empty ≤ the uncached article before "
                f"({run['count']:,} articles)",
                f"{cold:.1f} ms against {before:.1f} ms",
                cold <= before,
            )
        )
    for run in runs:
        cached = run["load"]["article, cached"]
        static = run["load"]["static file (whitenoise)"]["rps"]
        checks.append(
            (
                f"cached article ≥ {CACHED_TO_STATIC} × static file "
                f"({run['count']:,} articles)",
                f"{cached['rps']:,.0f} ÷ {static:,.0f} = {cached['rps'] / static:.2f}",
                cached["rps"] >= CACHED_TO_STATIC * static,
            )
        )
        checks.append(
            (
                f"cached article p99 ≤ {CACHED_P99_LIMIT_MS} ms, no latency cliff "
                f"({run['count']:,} articles)",
                cached["p99"],
                milliseconds(cached["p99"]) <= CACHED_P99_LIMIT_MS,
            )
        )
    for name in names:
        growth = largest["render"][name]["ms"] / runs[0]["render"][name]["ms"]
        checks.append(
            (
                f"{name}: time at {largest['count']:,} within {GROWTH_LIMIT}× "
                f"of {runs[0]['count']:,}",
                f"{growth:.2f}×",
                growth <= GROWTH_LIMIT,
            )
        )
    lines += ["", "### Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {what} | {value} | {verdict(ok)} |" for what, value, ok in checks]
    return "\n".join(lines) + "\n"


def served_demo(var):
    """The demo under production settings in `var`: its environment."""
    env = production_env(var)
    manage(env, "migrate", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    return env


def main():
    runs = []
    with tempfile.TemporaryDirectory() as var:
        env = served_demo(var)
        for size in SIZES:
            urls = json.loads(manage(env, "shell", "-v0", "-c", PICK_URLS))
            missing = size - urls.pop("count")
            if missing > 0:
                print(f"Generating {missing} articles…", flush=True)
                manage(env, "generate_articles", str(missing))
                urls = json.loads(manage(env, "shell", "-v0", "-c", PICK_URLS))
            count = urls.pop("count")
            print(f"Measuring at {count:,} articles…", flush=True)
            render, load = measure(env, urls)
            runs.append({"count": count, "render": render, "load": load})
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = report(runs)
    (RESULTS / "pages.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
