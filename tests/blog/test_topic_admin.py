"""Topics renamed and merged in the admin (/admin/topics/): imports bring
near-duplicates, and a merge moves everything to the topic kept."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from tests.factories import make_article, make_superuser
from tests.subscriptions.test_subscription_admin import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(make_superuser())
    return client


def names(page):
    return sorted(page.tags.names())


def test_the_list_shows_each_topic_with_its_article_count(editor, blog):
    make_article(tags=["Getting Started"])
    make_article(tags=["Getting Started", "Grief"])
    html = editor.get("/admin/topics/").content.decode()
    assert "<td>Getting Started</td>\n                            <td>2</td>" in html
    assert "<td>Grief</td>\n                            <td>1</td>" in html


def test_a_merge_moves_articles_drafts_and_subscribers_and_redirects(
    editor, client, blog
):
    kept = make_article(title="Your first session", tags=["Getting Started"])
    moved = make_article(title="What to expect", tags=["Starting therapy"])
    both = make_article(title="Both", tags=["Getting Started", "Starting therapy"])
    draft = make_article(title="A draft", tags=["Grief"], publish=False)
    draft.tags.set(["Starting therapy"])
    draft.save_revision()
    reader = make_subscriber("reader@mailbox.test", topics=["Starting therapy"])
    # The old topic page, cached for readers before the merge.
    before = client.get("/blog/topics/getting-started/").content.decode()
    assert "Your first session" in before and "What to expect" not in before
    source = Tag.objects.get(name="Starting therapy")
    target = Tag.objects.get(name="Getting Started")

    response = editor.post(
        f"/admin/topics/{source.pk}/merge/", {"into": target.pk}, follow=True
    )
    assert "“Starting therapy” is merged into “Getting Started”" in (
        response.content.decode()
    )
    assert not Tag.objects.filter(name="Starting therapy").exists()
    for page in (kept, moved, both):
        assert names(type(page).objects.get(pk=page.pk)) == ["Getting Started"]
    draft_now = type(draft).objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert names(draft_now) == ["Getting Started"]
    assert list(reader.topics.values_list("name", flat=True)) == ["Getting Started"]

    old = client.get("/blog/topics/starting-therapy/")
    assert old.status_code == 301
    assert old["Location"].endswith("/blog/topics/getting-started/")
    feed = client.get("/blog/topics/starting-therapy/feed/")
    assert feed["Location"].endswith("/blog/topics/getting-started/feed/")
    # Readers see the merged topic at once, whatever the cache held.
    page = client.get("/blog/topics/getting-started/").content.decode()
    assert "What to expect" in page and "Your first session" in page


def test_a_rename_keeps_the_old_address_and_refuses_a_clash(editor, client, blog):
    make_article(title="Your first session", tags=["Starting therapy"])
    make_article(tags=["Grief"])
    topic = Tag.objects.get(name="Starting therapy")
    editor.post(f"/admin/topics/{topic.pk}/rename/", {"name": "Starting out"})
    topic.refresh_from_db()
    assert (topic.name, topic.slug) == ("Starting out", "starting-out")
    assert client.get("/blog/topics/starting-therapy/")["Location"].endswith(
        "/blog/topics/starting-out/"
    )

    response = editor.post(
        f"/admin/topics/{topic.pk}/rename/", {"name": "grief"}, follow=True
    )
    assert "There is a topic called “Grief” already: merge into it instead." in (
        response.content.decode()
    )
    topic.refresh_from_db()
    assert topic.name == "Starting out"


def test_only_those_who_may_edit_topics_reach_them(client, blog):
    """An editor who may use the admin but not change tags sees neither the
    menu item nor the page, and cannot post a merge."""
    make_article(tags=["Grief"])
    user = get_user_model().objects.create_user("writer", password="a-long-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers a refused admin page with its dashboard and a message.
    assert client.get("/admin/topics/")["Location"] == "/admin/"
    topic = Tag.objects.get()
    client.post(f"/admin/topics/{topic.pk}/rename/", {"name": "Renamed"})
    assert Tag.objects.get().name == "Grief"
    assert "/admin/topics/" not in client.get("/admin/").content.decode().replace(
        "\\/", "/"
    )
    user.user_permissions.add(Permission.objects.get(codename="change_tag"))
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/topics/").status_code == 200
    assert "/admin/topics/" in client.get("/admin/").content.decode().replace(
        "\\/", "/"
    )


def test_the_topic_list_costs_the_same_queries_however_many_topics(editor, blog):
    """Every row offers every other topic to merge into: still one query
    for the topics, not one per row or per choice."""

    def list_with(topics):
        for n in range(Tag.objects.count(), topics):
            make_article(tags=[f"Topic {n}"])
        editor.get("/admin/topics/")  # the admin's own first-visit lookups
        with CaptureQueriesContext(connection) as queries:
            html = editor.get("/admin/topics/").content.decode()
        assert len(re.findall(r'<option value="\d+"', html)) == topics * (topics - 1)
        return len(queries)

    assert list_with(3) == list_with(12)
