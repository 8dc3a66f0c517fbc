"""Topics renamed and merged in the admin (/admin/topics/): imports bring
near-duplicates, and a merge moves everything to the topic kept."""

import pytest
from django.contrib.auth import get_user_model
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
    user = get_user_model().objects.create_user("reader", password="a-long-password")
    client.force_login(user)
    assert client.get("/admin/topics/").status_code in (302, 403)
