"""The database goes away and comes back: readers get a 503 maintenance page
that keeps the crisis notice, never a traceback, and the running server
recovers by itself.

The site runs under gunicorn in its own process, on a database of its own, so
the suite's database is never touched: on the SQLite run, a file that is then
made unreadable; on the PostgreSQL run, a cluster the test creates on a
second port, then stops and starts. Which notice the maintenance page shows
(the therapist's own, or the default) is checked in-process below.
"""

import time
import urllib.error
import urllib.request

import pytest
from django.db import InterfaceError, OperationalError

from base.models import ReaderNoticeSettings
from base.notices import current_notices
from cms.views import server_error
from tests.databases import process_env
from tests.servers import free_port, gunicorn, manage

pytestmark = pytest.mark.slow

ARTICLE = "/blog/empathic-attunement/"


def fetch(url):
    """(status, body, headers) for a GET; error statuses are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def serve(database, folder, **settings):
    """The demo site under gunicorn (one worker), on `database`."""
    port = free_port()
    env = process_env(
        database,
        folder,
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="1",
        GUNICORN_ACCESS_LOG="",
        **settings,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    process = gunicorn(env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(url + "/robots.txt")
            break
        except OSError:
            time.sleep(0.1)
    return url, process


@pytest.fixture
def server(database, tmp_path):
    url, process = serve(database, tmp_path)
    yield url, process
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def cached_server(database, tmp_path):
    """The same, with the page cache on, as in production."""
    url, process = serve(database, tmp_path, PAGE_CACHE_SECONDS="600")
    yield url, process
    process.terminate()
    process.wait(timeout=30)


def test_an_unreachable_database_gives_a_maintenance_page_then_recovers(
    server, database
):
    url, process = server
    for path in ("/", ARTICLE):
        assert fetch(url + path)[0] == 200

    database.stop()
    for path in (
        "/",
        "/blog/",
        ARTICLE,
        "/blog/topics/",
        "/vignettes/",
        "/search/?q=x",
    ):
        status, body, headers = fetch(url + path)
        assert status == 503, (path, body[:500])
        assert "Back shortly" in body
        assert "If you are in crisis," in body and "988" in body
        assert "Traceback" not in body and "OperationalError" not in body
        assert headers["Retry-After"] == "60"
        assert headers["Cache-Control"] == "no-store"

    database.start()
    for path in ("/", ARTICLE):
        status, body, _ = fetch(url + path)
        assert status == 200, (path, body[:500])
    assert "Empathic attunement" in body
    assert process.poll() is None, "the same server recovered, without a restart"


def test_stored_pages_are_still_served_while_the_database_is_down(
    cached_server, database
):
    """The generation a stored page must match lives in the database; while
    it cannot be read, the one last read stands in, so a reader in distress
    still gets the article they had found."""
    url, _process = cached_server
    assert fetch(url + ARTICLE)[0] == 200
    assert fetch(url + ARTICLE)[2]["X-Page-Cache"] == "hit"
    database.stop()
    status, body, headers = fetch(url + ARTICLE)
    assert (status, headers["X-Page-Cache"]) == (200, "hit")
    assert "Empathic attunement" in body
    # A page that was never stored still gets the maintenance page.
    assert fetch(url + "/blog/topics/")[0] == 503
    database.start()


def answer_while_failing(rf, error):
    """What readers get when a request fails with `error`."""
    try:
        raise error
    except Exception:
        return server_error(rf.get("/blog/"))


@pytest.mark.django_db
def test_the_maintenance_page_keeps_the_therapists_own_crisis_notice(rf):
    ReaderNoticeSettings.objects.update(
        crisis_notice="<p>Call the Hudson Valley crisis line on 518 555 0100.</p>"
    )
    current_notices(rf.get("/"))  # as every page does: now in the page cache
    response = answer_while_failing(rf, OperationalError("the database is down"))
    assert response.status_code == 503
    assert "Hudson Valley crisis line on 518 555 0100" in response.text
    assert "Back shortly" in response.text


@pytest.mark.django_db
def test_the_maintenance_page_falls_back_to_the_default_crisis_notice(rf):
    response = answer_while_failing(rf, InterfaceError("connection already closed"))
    assert response.status_code == 503
    assert "call or text <b>988</b>" in response.text


@pytest.mark.django_db
def test_other_failures_are_a_500_that_still_shows_the_crisis_notice(rf):
    response = answer_while_failing(rf, ValueError("a bug"))
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "988" in response.text
    assert "Retry-After" not in response
