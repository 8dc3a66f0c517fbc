"""What the template fragments save: a crawl after a publish, and an editor.

Run by `make bench`. In a fresh SQLite database under a temporary VAR_DIR,
with production settings, it loads the demo and grows the blog to
CRAWL_ARTICLES articles. Then, in-process (bench/crawl_pages.py):

- the post-publish crawl: every address in the sitemap, plus the listing
  pages and topics, fetched once by an anonymous reader just after a change
  emptied every cache, as a search engine or the first readers do;
- an editor browsing: a signed-in editor (who never gets the page cache)
  opening twenty articles and the listings twice, the second time measured.

Both are run with the template fragments kept ({% wagtailcache %}, for
FRAGMENT_CACHE_SECONDS as in production) and with them off, to show what the
fragments save. Each is run CRAWL_ROUNDS times; the median total time and
the queries of one round are written to bench/results/crawl.md.
"""

import json
import os
import tempfile
from pathlib import Path

# bench/ is on the path when a script of it runs.
from pages import manage, production_env, python

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
ARTICLES = int(os.environ.get("CRAWL_ARTICLES", "500"))


def rows(label, result):
    crawl, editor = result["crawl"], result["editor"]
    return [
        f"| crawl of every page after a publish, {label} | "
        f"{crawl['pages']:,} | {crawl['ms'] / 1000:.1f} s | "
        f"{crawl['ms'] / crawl['pages']:.1f} ms | {crawl['queries']:,} |",
        f"| an editor browsing (signed in, no page cache), {label} | "
        f"{editor['pages']} | {editor['ms']:.0f} ms | "
        f"{editor['ms'] / editor['pages']:.1f} ms | {editor['queries']:,} |",
    ]


def report(kept, off):
    return "\n".join(
        [
            "## The post-publish crawl and an editor browsing",
            "",
            f"SQLite, production settings, {kept['articles']:,} articles, "
            "in-process, the median of "
            f"{kept['rounds']} rounds and the SQL queries of one.",
            "",
            "| what | pages | total | per page | queries |",
            "|---|---|---|---|---|",
            *rows("fragments kept", kept),
            *rows("fragments off", off),
            "",
        ]
    )


def crawl(env):
    return json.loads(python(env, "bench/crawl_pages.py"))


def main():
    with tempfile.TemporaryDirectory() as var:
        env = production_env(var)
        manage(env, "migrate", "-v0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "-v0")
        print(f"Generating {ARTICLES} articles…", flush=True)
        manage(env, "generate_articles", str(ARTICLES))
        print("Crawling…", flush=True)
        kept = crawl(env)
        off = crawl(env | {"FRAGMENT_CACHE_SECONDS": "0"})
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = report(kept, off)
    (RESULTS / "crawl.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
