"""The background workers keep every reader's request moving: through a
database outage, and while a long import runs.

The workers run as `manage.py db_worker` processes with production's
settings, on a database of the test's own (tests/databases.py), sending to
an SMTP server on loopback. A request is stored as the consultation page
stores it, through `manage.py shell` on the same database.
"""

import subprocess
import time
from datetime import date, timedelta
from html import escape

import pytest

from tests.databases import process_env
from tests.servers import BIN, ROOT, manage
from tests.smtp import SMTPServer

pytestmark = pytest.mark.slow

SECRET_KEY = "test-only-" + "k" * 50
FIELD_KEY = "dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5LTA="
THERAPIST = (
    "from django.contrib.auth import get_user_model; "
    "get_user_model().objects.create_superuser('dana', 'dana@example.org', "
    "'a-long-test-password')"
)
REQUEST = (
    "import secrets; from consultations.models import ConsultationRequest; "
    "ConsultationRequest.store({'name': 'Ines', 'email': 'ines@example.org'}, "
    "secrets.token_hex(16))"
)


@pytest.fixture
def mail():
    with SMTPServer() as server:
        yield server


@pytest.fixture
def site(database, mail, tmp_path):
    """Production's settings on the test's own database and mail server."""
    env = process_env(
        database,
        tmp_path,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=SECRET_KEY,
        FIELD_ENCRYPTION_KEY=FIELD_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_URL=f"smtp://127.0.0.1:{mail.port}",
        EMAIL_RETRY_SECONDS="1",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "shell", "-c", THERAPIST)
    return env


def worker(env, log, *options):
    """A worker as systemd runs it; what it logs goes to `log`."""
    with open(log, "w") as output:
        return subprocess.Popen(
            [BIN / "python", "manage.py", "db_worker", "--backend", "background",
             "--interval", "0.2", "--no-startup-delay", "--no-reload", *options],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip


def stop(process):
    """SIGTERM lets a running task finish: an import still running is cut
    short (its own tests show it is left whole)."""
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def wait_for_mail(mail, count, seconds):
    deadline = time.monotonic() + seconds
    while len(mail.mailbox.messages) < count:
        assert time.monotonic() < deadline, f"no email within {seconds} s"
        time.sleep(0.2)
    return time.monotonic() - (deadline - seconds)


def test_the_worker_waits_out_a_database_outage_then_sends_what_was_queued(
    site, database, mail, tmp_path
):
    log = tmp_path / "worker.log"
    process = worker(site, log)
    try:
        manage(site, "shell", "-c", REQUEST)
        wait_for_mail(mail, 1, 30)
        database.stop()
        # Long enough for three failed tries (after 1, 2 and 4 s of waiting).
        time.sleep(8)
        assert process.poll() is None, log.read_text()[-2000:]
        database.start()
        manage(site, "shell", "-c", REQUEST)
        wait_for_mail(mail, 2, 60)
        assert process.poll() is None
    finally:
        stop(process)
    assert "The database cannot be reached" in log.read_text()
    for _to, message in mail.mailbox.messages:
        assert message["Subject"] == "New consultation request"
        assert "Ines" not in message.as_string()


def blogger_post(n, padding=0):
    """A short synthetic post of our own, enough for the importer to work
    through: a clinical idea, a vignette, and the closing sections; with
    `padding`, that many more paragraphs in its introduction."""
    title = f"Small rituals that steady a week, number {n}"
    html = (
        f"<p>Ritual {n}: a walk at the same hour, a cup of tea, a closed door. "
        "Repetition tells the body it is safe.</p>"
        + f"<p>Walk {n}, tea, door: the body learns the hour is safe.</p>"
        * padding
        + ""
        "<h3>Fictional Clinical Vignette</h3>"
        "<p>This vignette is fictional and describes no real client.</p>"
        "<p>Tamsin lit a candle each evening before she called her sister.</p>"
        "<h3>Conclusion</h3><p>Rituals are small promises kept.</p>"
        "<h3>Getting Help in Therapy</h3><p>Therapy can help you build them.</p>"
    )
    day = date(2016, 1, 1) + timedelta(days=n)
    return (
        f"<entry><id>tag:blogger.com,1999:blog-9.post-{n}</id>"
        f"<published>{day.isoformat()}T08:00:00.000-05:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind' "
        "term='http://schemas.google.com/blogger/2008/kind#post'/>"
        f"<title type='text'>{escape(title)}</title>"
        f"<content type='html'>{escape(html)}</content>"
        f"<link rel='alternate' type='text/html' "
        f"href='https://old.example.org/{day.year}/{n}.html'/></entry>"
    )


def start_import(env, posts, folder, padding=0):
    export = folder / "blog.xml"
    export.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<feed xmlns='http://www.w3.org/2005/Atom'>"
        + "".join(blogger_post(n, padding) for n in range(posts))
        + "</feed>"
    )
    code = (
        "from django.core.files import File; "
        "from importing.models import ImportRun; "
        "from importing.tasks import import_export; "
        f"upload = open({str(export)!r}, 'rb'); "
        "run = ImportRun.objects.create(filename='blog.xml', "
        "export_file=File(upload, name='blog.xml')); "
        "import_export.enqueue(run.pk); print(run.pk)"
    )
    manage(env, "shell", "-c", code)


def the_import(env, expression):
    """`expression` about the one import, as `manage.py shell` prints it."""
    result = subprocess.run(
        [BIN / "python", "manage.py", "shell", "-v", "0", "-c",
         "from importing.models import ImportRun; "
         f"run = ImportRun.objects.get(); print({expression})"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def imported(env):
    return int(the_import(env, "run.done"))


def test_a_notice_goes_out_within_a_minute_while_a_long_import_runs(
    site, mail, tmp_path
):
    manage(site, "load_demo")
    start_import(site, 3_000, tmp_path)
    log = tmp_path / "importer.log"
    importer = worker(site, log, "--queue-name", "imports")
    notices = worker(site, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 120
        while imported(site) < 20:  # the import is well under way
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.5)
        manage(site, "shell", "-c", REQUEST)
        wait_for_mail(mail, 1, 60)
        assert imported(site) < 3_000, "the import was still running"
    finally:
        stop(notices)
        stop(importer)


def test_an_export_over_the_import_workers_memory_cap_is_refused_in_words(
    site, tmp_path
):
    """The import worker caps its own memory (`--max-memory-mb`, as its
    systemd unit runs it); an export that needs more ends as a refused
    import, said in words, and the worker carries on to the end of its
    queue instead of dying."""
    manage(site, "load_demo")
    start_import(site, 120, tmp_path, padding=10_000)  # an 80 MB export
    log = tmp_path / "importer.log"
    importer = worker(
        site, log, "--queue-name", "imports", "--max-memory-mb", "160", "--batch"
    )
    assert importer.wait(timeout=300) == 0, log.read_text()[-3000:]
    assert the_import(site, "run.status") == "failed"
    error = the_import(site, "run.error")
    assert "more memory than the import worker may use (160 MB)" in error
    assert "Split the export into smaller files" in error
