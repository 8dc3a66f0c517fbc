"""How long `import_articles` takes for a Blogger export of many posts.

Run by `make bench`: builds the export, imports it into a fresh SQLite
database under a temporary VAR_DIR, and writes the result to
bench/results/import.md.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
POSTS = int(os.environ.get("IMPORT_POSTS", "1000"))
TOPICS = ["Anxiety", "Grief", "Sleep", "Shame", "Couples", "Work", "Parenting"]


def post(n):
    """An original synthetic post with every section, pointing to the post
    before it, as blogs point to what they have already published."""
    title = f"Notes on steadiness, part {n}"
    html = (
        f"<p>Part {n} looks at how small habits steady us when life is loud. "
        "Steadiness grows from repetition more than willpower.</p>"
        f"<p>See my article Notes on steadiness, part {max(n - 1, 0)}.</p>"
        "<h3>Fictional Clinical Vignette</h3>"
        "<p>This vignette is fictional and describes no real client.</p>"
        f"<p>Noor kept a notebook by the kettle. Each morning Noor wrote one line "
        f"about how she slept, and after {n % 9 + 2} weeks a pattern appeared.</p>"
        "<h3>Conclusion</h3><p>Small, repeated acts add up.</p>"
        "<h3>Getting Help in Therapy</h3><p>A consultation is a first step.</p>"
        "<h3>About Me</h3><p>I am a licensed therapist in a small practice.</p>"
    )
    published = date(2015, 1, 1) + timedelta(days=n)
    return f"""<entry>
<id>tag:blogger.com,1999:blog-1.post-{n}</id>
<published>{published.isoformat()}T09:00:00.000-05:00</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<category scheme='http://www.blogger.com/atom/ns#' term='{TOPICS[n % len(TOPICS)]}'/>
<title type='text'>{escape(title)}</title>
<content type='html'>{escape(html)}</content>
<link rel='alternate' type='text/html' href='https://old.example.com/{published.year}/{n}.html'/>
</entry>"""


def main():
    with tempfile.TemporaryDirectory() as workdir:
        export = Path(workdir) / "blog.xml"
        export.write_text(
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<feed xmlns='http://www.w3.org/2005/Atom'>"
            + "".join(post(n) for n in range(POSTS))
            + "</feed>"
        )
        env = {
            **os.environ,
            "VAR_DIR": workdir,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        }
        env.pop("DATABASE_URL", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run([*manage, "load_demo"], env=env, check=True, capture_output=True)
        start = time.perf_counter()
        result = subprocess.run(
            [*manage, "import_articles", str(export)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
    summary = ", ".join(
        " ".join(line.split())
        for line in result.stdout.splitlines()
        if re.fullmatch(r"  [a-z ]+\s+\d+", line)
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    table = (
        "## Import\n\n"
        "| benchmark | time | rate | report |\n| --- | --- | --- | --- |\n"
        f"| import {POSTS} Blogger posts (SQLite, whole command) | {seconds:.1f} s "
        f"| {POSTS / seconds:.0f} posts/s | {summary} |\n"
    )
    print(table)
    (RESULTS / "import.md").write_text(table)


if __name__ == "__main__":
    main()
