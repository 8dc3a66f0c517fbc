"""Import benchmarks, run by `make bench`; results in bench/results/import.md.

Each case builds a synthetic Blogger export, imports it into a fresh SQLite
database under a temporary VAR_DIR with production settings, and measures:
- 1,000 posts through `import_articles`, and through the admin's background
  task (uploaded, then `db_worker` runs it);
- the worker's peak memory on a 50 MB export;
- how long publishing an article takes while a 3,000-post import runs;
- 1,000 posts with two pictures each, served by a picture server on
  127.0.0.1 (tests/picture_server.py), through the worker: its time and
  peak memory.
"""

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.picture_server import PictureServer  # noqa: E402 - after the path

RESULTS = ROOT / "bench" / "results"
POSTS = int(os.environ.get("IMPORT_POSTS", "1000"))
BIG_MB = int(os.environ.get("IMPORT_BIG_MB", "50"))
CONCURRENT_POSTS = int(os.environ.get("IMPORT_CONCURRENT_POSTS", "3000"))
PG_URL = os.environ.get("PG_URL", "postgresql://postgres@127.0.0.1:5432")
TOPICS = ["Anxiety", "Grief", "Sleep", "Shame", "Couples", "Work", "Parenting"]
FILLER = (
    "<p>Steadiness is built the way a path is worn across a field: by walking "
    "it again and again, on good days and on bad ones, until the ground "
    "remembers the way even when we forget it.</p>"
)


def post(n, padding=0, pictures=""):
    """An original synthetic post with every section, pointing to the post
    before it, as blogs point to what they have already published."""
    title = f"Notes on steadiness, part {n}"
    html = (
        f"<p>Part {n} looks at how small habits steady us when life is loud. "
        "Steadiness grows from repetition more than willpower.</p>"
        + FILLER * padding
        + (
            f'<figure><img src="http://{pictures}/img/{n}-a.png" alt="A path, {n}">'
            f"<figcaption>Worn by walking, {n}.</figcaption></figure>"
            f'<p><img src="http://{pictures}/img/{n}-b.png" alt="A field, {n}"></p>'
            if pictures
            else ""
        )
        + f"<p>See my article Notes on steadiness, part {max(n - 1, 0)}.</p>"
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


def export(path, posts, padding=0, pictures=""):
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<feed xmlns='http://www.w3.org/2005/Atom'>"
        + "".join(post(n, padding, pictures) for n in range(posts))
        + "</feed>"
    )
    return path


class Site:
    """A fresh demo site in a temporary folder, and commands run against it."""

    def __init__(self, workdir, admin=False, database_url=None):
        """Production settings, as the worker runs deployed; SQLite unless a
        database URL is given."""
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL"}
        } | {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "VAR_DIR": str(workdir),
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "FIELD_ENCRYPTION_KEY": "YmVuY2gtb25seS1maWVsZC1lbmNyeXB0aW9uLWtleSE=",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
        }
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.manage(["migrate", "-v0"])
        self.manage(["load_demo"])
        if admin:  # the admin's pages need their static files
            self.manage(["collectstatic", "--noinput", "-v0"])

    def manage(self, args, **kwargs):
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            **kwargs,
        )
        if result.returncode:
            raise SystemExit(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
        return result

    def python(self, code):
        """Django code in a process of its own, as the admin would run it."""
        return self.manage(["shell", "-v", "0", "-c", code]).stdout.strip()

    def start_worker(self):
        """The import worker, until its queue is empty."""
        return subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "db_worker",
                "--backend",
                "background",
                "--queue-name",
                "imports",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def worker(self):
        """The worker's time and peak memory, until the queue is empty."""
        start = time.perf_counter()
        process = self.start_worker()
        _, status, usage = os.wait4(process.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        return time.perf_counter() - start, usage.ru_maxrss / 1024

    def enqueue(self, path):
        """The upload the admin's Import button makes, then its task."""
        return self.python(
            "from django.core.files import File\n"
            "from importing.models import ImportRun\n"
            "from importing.tasks import import_export\n"
            f"f = open({str(path)!r}, 'rb')\n"
            "run = ImportRun.objects.create(filename='blog.xml', "
            "export_file=File(f, name='blog.xml'))\n"
            "import_export.enqueue(run.pk)\n"
            "print(run.pk)"
        )

    def run_status(self, pk):
        return self.python(
            "from importing.models import ImportRun\n"
            f"r = ImportRun.objects.get(pk={pk}); print(r.status, r.done, r.total)"
        )


def summary(stdout):
    return ", ".join(
        " ".join(line.split())
        for line in stdout.splitlines()
        if re.fullmatch(r"  [a-z ]+\s+\d+", line)
    )


def command_case(workdir):
    site = Site(workdir)
    path = export(workdir / "blog.xml", POSTS)
    start = time.perf_counter()
    result = site.manage(["import_articles", str(path)])
    seconds = time.perf_counter() - start
    return seconds, summary(result.stdout)


def task_case(workdir):
    site = Site(workdir)
    pk = site.enqueue(export(workdir / "blog.xml", POSTS))
    seconds, peak = site.worker()
    return seconds, peak, site.run_status(pk)


def pictures_case(workdir):
    """Every picture fetched from a server on loopback, which the import may
    reach only because IMPORT_ALLOW_PRIVATE_NETWORKS says so."""
    site = Site(workdir)
    site.env["IMPORT_ALLOW_PRIVATE_NETWORKS"] = "127.0.0.0/8"
    with PictureServer() as server:
        pk = site.enqueue(export(workdir / "blog.xml", POSTS, pictures=server.address))
        seconds, peak = site.worker()
        fetched = len(server.requests)
    images = site.python(
        "from wagtail.images.models import Image; print(Image.objects.count())"
    )
    return seconds, peak, fetched, images, site.run_status(pk)


def memory_case(workdir):
    site = Site(workdir)
    # Long posts, as real ones are, until the export is BIG_MB.
    padding = 40
    per_post = len(post(0, padding).encode())
    path = export(workdir / "big.xml", BIG_MB * 2**20 // per_post + 1, padding)
    size = path.stat().st_size / 2**20
    pk = site.enqueue(path)
    seconds, peak = site.worker()
    return size, seconds, peak, site.run_status(pk)


PUBLISH = """
import time
from django.contrib.auth import get_user_model
from django.test import Client
from blog.models import ArticlePage
from base.models import AboutMe
from tests.forms import article_form
from wagtail.test.utils.form_data import rich_text
page = ArticlePage.objects.live().first()
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.get(username="admin"))
times = []
for n in range({rounds}):
    data = article_form(
        [
            ("intro", rich_text(f"<p>Edit {{n}} while the import runs.</p>")),
            ("about_me", AboutMe.objects.first().pk),
        ],
        title=page.title, slug=page.slug, **{{"action-publish": "action-publish"}},
    )
    start = time.perf_counter()
    response = client.post(f"/admin/pages/{{page.pk}}/edit/", data)
    times.append(time.perf_counter() - start)
    assert response.status_code == 302, response.status_code
    time.sleep(0.5)
times.sort()
print(f"{{times[len(times) // 2]:.3f}} {{times[-1]:.3f}} {{len(times)}}")
"""


def concurrent_case(workdir, database_url=None):
    site = Site(workdir, admin=True, database_url=database_url)
    pk = site.enqueue(export(workdir / "blog.xml", CONCURRENT_POSTS))
    worker = site.start_worker()
    time.sleep(15)  # well into the import
    during = site.run_status(pk)
    median, worst, rounds = site.python(PUBLISH.format(rounds=20)).split()
    worker.wait()
    return float(median), float(worst), int(rounds), during, site.run_status(pk)


def databases():
    """SQLite, then PostgreSQL in a fresh database when one answers."""
    yield "SQLite", None
    try:
        import psycopg

        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS bench_import")
            admin.execute("CREATE DATABASE bench_import")
    except Exception:  # noqa: BLE001 - no PostgreSQL here: SQLite only
        return
    yield "PostgreSQL", f"{PG_URL}/bench_import"


def main():
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        seconds, report = command_case(Path(workdir))
        rows.append(
            f"| {POSTS} Blogger posts, `import_articles` | {seconds:.1f} s "
            f"| {POSTS / seconds:.0f} posts/s | {report} |"
        )
    with tempfile.TemporaryDirectory() as workdir:
        seconds, peak, status = task_case(Path(workdir))
        rows.append(
            f"| {POSTS} Blogger posts, admin upload then `db_worker` | {seconds:.1f} s "
            f"| {POSTS / seconds:.0f} posts/s; worker peak {peak:.0f} MB | {status} |"
        )
    with tempfile.TemporaryDirectory() as workdir:
        seconds, peak, fetched, images, status = pictures_case(Path(workdir))
        rows.append(
            f"| {POSTS} posts with 2 pictures each from 127.0.0.1, admin upload "
            f"then `db_worker` | {seconds:.1f} s | worker peak {peak:.0f} MB; "
            f"{fetched} fetched, {images} images in the library | {status} |"
        )
    with tempfile.TemporaryDirectory() as workdir:
        size, seconds, peak, status = memory_case(Path(workdir))
        rows.append(
            f"| {size:.0f} MB export, admin upload then `db_worker` | {seconds:.1f} s "
            f"| worker peak {peak:.0f} MB | {status} |"
        )
    for label, database_url in databases():
        with tempfile.TemporaryDirectory() as workdir:
            median, worst, rounds, during, after = concurrent_case(
                Path(workdir), database_url
            )
        rows.append(
            f"| publish an article in the admin while {CONCURRENT_POSTS} posts import "
            f"({label}) | median {median:.2f} s, worst {worst:.2f} s over {rounds} | "
            f"import at “{during}” when publishing began | {after} |"
        )
    table = (
        "## Import\n\n"
        "| benchmark | time | rate / memory | result |\n| --- | --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "import.md").write_text(table)


if __name__ == "__main__":
    main()
