import shutil
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from wagtail.models import Site

from tests.databases import PostgresCluster, SQLiteDatabase
from tests.factories import make_about_me, make_blog_index, make_superuser
from tests.servers import free_port
from tests.smtp import SMTPServer


def pytest_collection_modifyitems(items):
    """Transactional tests (the browser's among them) last: their database is
    emptied after each one, and only tests that start from `migrated_site`
    may follow."""
    items.sort(key=transactional)


def transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with nothing cached: the database is rolled back
    between tests, and the cache would otherwise outlive it."""
    for alias in ("default", "pages", "counts"):
        caches[alias].clear()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker):
    """The rows the migrations create, serialized as Django's own
    `serialized_rollback` does. That option did not restore them here when
    ordinary tests ran first (the connection no longer held its copy), so the
    restore is done by hand."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def migrated_site(migrated_data, transactional_db):
    if not Site.objects.exists():
        call_command("flush", interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(migrated_data)
        # The rows came back with their ids; PostgreSQL's sequences must
        # follow, or the next new page would take id 1 again.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@pytest.fixture
def blog(db):
    return make_blog_index()


@pytest.fixture
def about_me(db):
    return make_about_me()


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_superuser())
    return client


@pytest.fixture
def smtp_server(settings):
    """Mail goes to a real SMTP server on loopback for this test."""
    with SMTPServer() as server:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        yield server


@pytest.fixture
def no_smtp_server(settings):
    """Mail goes to a loopback port where nothing listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()


@pytest.fixture
def database():
    """A database like the suite's own: SQLite or PostgreSQL."""
    folder = Path(tempfile.mkdtemp(prefix="cms-fault-"))
    kind = PostgresCluster if connection.vendor == "postgresql" else SQLiteDatabase
    db = kind(folder)
    yield db
    db.close()
    shutil.rmtree(folder, ignore_errors=True)
