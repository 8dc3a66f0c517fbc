"""The vignette library: a catalogue that follows what readers can see, and
the /vignettes/ page that lists it."""

import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from wagtail.models import PageViewRestriction

from blog.library import Vignette
from blog.models import BlogIndexPage
from tests.factories import (
    article_body,
    home_page,
    make_article,
    make_articles,
    make_superuser,
    make_vignette_library,
    vignette_value,
)

pytestmark = pytest.mark.django_db


def catalogued(article=None):
    entries = Vignette.objects.all() if article is None else article.vignettes.all()
    return [entry.title for entry in entries.newest_first()]


def two_vignettes(**second):
    return [
        ("intro", "<p>Intro.</p>"),
        ("vignette", vignette_value()),
        (
            "vignette",
            vignette_value(
                kind="composite", title="Omar at the bus stop", people=["Omar"]
            )
            | second,
        ),
    ]


def test_publishing_catalogues_every_vignette_with_its_details(blog):
    article = make_article(body=two_vignettes(), tags=["Grief", "Anxiety"])
    first, second = article.vignettes.newest_first()
    assert (first.title, first.kind, first.pseudonyms) == (
        "Iris and the borrowed umbrella",
        "fictional",
        ["Iris"],
    )
    assert (second.title, second.kind) == ("Omar at the bus stop", "composite")
    assert first.block_id == article.body[1].id
    assert second.block_id == article.body[2].id
    assert sorted(tag.name for tag in second.topics.all()) == ["Anxiety", "Grief"]


def test_the_library_lists_a_vignettes_topics_by_name(blog, client):
    """The relation keeps no order of its own, and a restore gave back
    another; by name, they read the same every time."""
    make_vignette_library()
    make_article(body=two_vignettes(), tags=["Sleep", "Anxiety", "Grief"])
    html = client.get("/vignettes/").text
    shown = re.findall(r'\?topic=(\w+)">', html)
    assert shown[:3] == ["anxiety", "grief", "sleep"]


def test_drafts_are_never_catalogued(blog):
    make_article(publish=False)
    assert catalogued() == []


def test_a_draft_edit_leaves_the_published_version_listed(blog):
    article = make_article()
    article.body = two_vignettes()
    article.save_revision()
    assert catalogued(article) == ["Iris and the borrowed umbrella"]


def test_edits_show_once_published(blog):
    article = make_article(tags=["Grief"])
    draft = article.get_latest_revision_as_object()
    draft.body = two_vignettes(title="Omar, renamed")
    draft.tags.set(["Hope"])
    draft.save_revision().publish()
    assert catalogued(article) == [
        "Iris and the borrowed umbrella",
        "Omar, renamed",
    ]
    assert {tag.name for v in article.vignettes.all() for tag in v.topics.all()} == {
        "Hope"
    }


def test_unpublish_removes_and_republish_restores(blog):
    article = make_article()
    article.unpublish()
    assert catalogued() == []
    article.get_latest_revision().publish()
    assert catalogued() == ["Iris and the borrowed umbrella"]


def test_private_articles_and_private_sections_are_left_out(blog):
    article = make_article()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="secret"
    )
    assert catalogued() == []
    restriction.delete()
    assert catalogued() == ["Iris and the borrowed umbrella"]
    PageViewRestriction.objects.create(page=blog, restriction_type="login")
    assert catalogued() == []


def test_privacy_set_and_cleared_in_the_admin(client, blog):
    client.force_login(make_superuser())
    article = make_article()
    url = reverse("wagtailadmin_pages:set_privacy", args=[article.pk])
    response = client.post(url, {"restriction_type": "login"})
    assert response.status_code == 200
    assert catalogued() == []
    response = client.post(url, {"restriction_type": "none"})
    assert response.status_code == 200
    assert catalogued() == ["Iris and the borrowed umbrella"]


def test_deleting_a_private_article_and_a_private_section(client, blog):
    client.force_login(make_superuser())
    private = make_article()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.post(reverse("wagtailadmin_pages:delete", args=[private.pk]))
    assert response.status_code == 302
    make_article()
    PageViewRestriction.objects.create(page=blog, restriction_type="login")
    response = client.post(reverse("wagtailadmin_pages:delete", args=[blog.pk]))
    assert response.status_code == 302
    assert catalogued() == []


def test_moving_into_a_private_section_and_back(blog):
    article = make_article()
    members = BlogIndexPage(title="Members", slug="members")
    home_page().add_child(instance=members)
    members.save_revision().publish()
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    article.move(members, pos="last-child")
    assert catalogued() == []
    article.refresh_from_db()
    article.move(blog, pos="last-child")
    assert catalogued() == ["Iris and the borrowed umbrella"]


def test_admin_unpublish_and_delete(client, blog):
    client.force_login(make_superuser())
    kept, removed = make_article(), make_article()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[kept.pk]))
    assert response.status_code == 302
    assert catalogued() == ["Iris and the borrowed umbrella"]  # `removed` only
    assert Vignette.objects.get().article_id == removed.pk
    response = client.post(reverse("wagtailadmin_pages:delete", args=[removed.pk]))
    assert response.status_code == 302
    assert catalogued() == []


@pytest.fixture
def library(blog):
    return make_vignette_library()


def titles(response):
    return re.findall(
        r'class="article-summary-title"><a [^>]*>([^<]+)</a>', response.text
    )


def test_entries_show_their_details_and_link_to_the_vignette(client, library):
    article = make_article(
        title="On waiting", slug="on-waiting", body=article_body(), tags=["Grief"]
    )
    block_id = article.body[1].id
    response = client.get("/vignettes/")
    assert response.status_code == 200
    assert titles(response) == ["Iris and the borrowed umbrella"]
    assert f'href="/blog/on-waiting/#vignette-{block_id}"' in response.text
    assert "Fictional clinical vignette" in response.text
    assert "With Iris" in response.text
    assert ">On waiting</a>" in response.text
    assert '<a href="/vignettes/?topic=grief">Grief</a>' in response.text
    article_page = client.get("/blog/on-waiting/")
    assert f'id="vignette-{block_id}"' in article_page.text


def test_an_article_with_a_content_note_shows_it_and_is_entered_by_it(client, library):
    make_article(
        title="Holding on",
        slug="holding-on",
        body=article_body(),
        content_notes=["suicide"],
        content_note_text="",
    )
    response = client.get("/vignettes/")
    assert "<strong>Content note:</strong> This article discusses suicide." in (
        response.text
    )
    assert 'href="/blog/holding-on/#content-note"' in response.text
    assert 'id="content-note"' in client.get("/blog/holding-on/").text


def test_newest_first_and_paginated_keeping_the_filters(client, library):
    make_articles(12, tags=["Grief"])
    response = client.get("/vignettes/?topic=grief")
    assert len(titles(response)) == 10
    assert "Page 1 of 2" in response.text
    assert 'href="?topic=grief&amp;page=2"' in response.text
    newest = client.get("/vignettes/").text.index("Dated 11")
    assert newest < client.get("/vignettes/").text.index("Dated 10")
    second = client.get("/vignettes/?topic=grief&page=2")
    assert len(titles(second)) == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ruth", "Iris and the borrowed umbrella", "Omar at the bus stop"]),
        (
            "?topic=grief",
            ["Iris and the borrowed umbrella", "Omar at the bus stop"],
        ),
        ("?topic=anxiety", ["Ruth"]),
        ("?kind=fictional", ["Ruth", "Iris and the borrowed umbrella"]),
        ("?kind=composite", ["Omar at the bus stop"]),
        ("?topic=grief&kind=composite", ["Omar at the bus stop"]),
        ("?topic=anxiety&kind=fictional", ["Ruth"]),
        ("?topic=anxiety&kind=composite", []),
        (
            "?topic=&kind=",
            ["Ruth", "Iris and the borrowed umbrella", "Omar at the bus stop"],
        ),
    ],
)
def test_filters(client, library, query, expected):
    make_article(body=two_vignettes(), tags=["Grief"])
    make_article(body=[("vignette", vignette_value(title="Ruth"))], tags=["Anxiety"])
    response = client.get(f"/vignettes/{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    if not expected:
        assert "No vignettes match these choices yet." in response.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?topic=no-such-topic", "No vignette has that topic."),
        ("?topic=%3Cscript%3E", "No vignette has that topic."),
        ("?kind=real", "Vignettes are either fictional or composite."),
        ("?kind=fictional&topic=nope", "No vignette has that topic."),
        ("?kind=" + "x" * 5000, "Vignettes are either fictional or composite."),
        ("?topic=grief&kind=%00", "Vignettes are either fictional or composite."),
    ],
)
def test_unknown_filter_values_give_an_empty_list_and_a_message(
    client, library, query, message
):
    make_article(tags=["Grief"])
    response = client.get(f"/vignettes/{query}")
    assert response.status_code == 200
    assert titles(response) == []
    assert message in response.text
    assert "<script>" not in response.text.split("</header>")[1]


def test_an_empty_library_says_so(client, library):
    make_article(publish=False)
    response = client.get("/vignettes/")
    assert response.status_code == 200
    assert "No vignettes have been published yet." in response.text
    assert 'name="kind"' in response.text


def test_the_topic_choices_are_the_vignettes_topics(client, library):
    make_article(tags=["Grief"])
    make_article(tags=["Grief", "Hope"], publish=False)
    response = client.get("/vignettes/")
    assert '<option value="grief">Grief (1)</option>' in response.text
    assert "Hope" not in response.text


@pytest.mark.parametrize("count", [5, 50])
def test_making_the_blog_private_costs_the_same_queries_at_any_size(
    blog, count, django_assert_max_num_queries
):
    """A privacy change re-catalogues every article under the page in one go
    (measured: 14 queries to make private, 16 to make public again, at 5 and
    at 50 articles, with Wagtail's own public(), one of them raising the
    content's generation; this was one batch of queries per article before)."""
    make_articles(count, tags=["Grief", "Hope"])
    restriction = PageViewRestriction(page=blog, restriction_type="login")
    with django_assert_max_num_queries(14):
        restriction.save()
    assert catalogued() == []
    with django_assert_max_num_queries(16):
        restriction.delete()
    assert len(catalogued()) == count


def test_the_migration_catalogues_articles_already_live(blog):
    """Sites that had live articles before the library existed get them
    listed, by the data migration run with its own historical models."""
    migration = importlib.import_module("blog.migrations.0014_vignette_library")
    state = MigrationLoader(connection).project_state(("blog", "0014_vignette_library"))
    make_article(body=two_vignettes(), tags=["Grief"])
    make_article(body=[("vignette", vignette_value(title="Draft"))], publish=False)
    private = make_article(body=[("vignette", vignette_value(title="Private"))])
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    def rows():
        return [
            (v.article_id, v.block_id, v.position, v.kind, v.title, v.pseudonyms)
            + (sorted(tag.name for tag in v.topics.all()),)
            for v in Vignette.objects.newest_first()
        ]

    expected = rows()
    Vignette.objects.all().delete()
    migration.catalogue_live_vignettes(state.apps)
    assert rows() == expected
    assert [row[4] for row in expected] == [
        "Iris and the borrowed umbrella",
        "Omar at the bus stop",
    ]
