import pytest
from django.core.cache import caches

from tests.factories import make_about_me, make_blog_index, make_superuser


def pytest_collection_modifyitems(items):
    """Browser tests last: their transactional database is emptied after each
    one, and only tests that restore it (serialized_rollback) may follow."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with nothing cached: the database is rolled back
    between tests, and the cache would otherwise outlive it."""
    for alias in ("default", "pages"):
        caches[alias].clear()


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
