import pytest

from tests.factories import make_about_me, make_blog_index, make_superuser


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
