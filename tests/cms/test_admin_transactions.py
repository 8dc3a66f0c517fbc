"""On SQLite an editor's save is one transaction (cms/middleware.py): it
waits for the import worker once, and a publish that fails half-way leaves
nothing behind."""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import Revision
from wagtail.signals import page_published
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage
from tests.factories import make_article
from tests.forms import article_form

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="PostgreSQL locks rows, not the file"
    ),
]


def test_a_publish_that_fails_half_way_writes_nothing(editor_client, blog, about_me):
    page = make_article(parent=blog, title="Steady ground")
    revisions = Revision.objects.count()

    def broken(**kwargs):
        raise RuntimeError("the disk filled up")

    # The editor's revision is saved first, then publishing it fails.
    page_published.connect(broken, sender=ArticlePage)
    data = article_form(
        [("intro", rich_text("<p>A new start.</p>")), ("about_me", about_me.pk)],
        title=page.title,
        slug=page.slug,
    )
    data["action-publish"] = "action-publish"
    try:
        with pytest.raises(RuntimeError):
            editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    finally:
        page_published.disconnect(broken, sender=ArticlePage)
    assert Revision.objects.count() == revisions
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.has_unpublished_changes
    assert "A new start." not in str(page.get_latest_revision_as_object().body.raw_data)


def test_a_save_that_succeeds_is_kept(editor_client, blog, about_me):
    page = make_article(parent=blog, title="Steady ground")
    data = article_form(
        [("intro", rich_text("<p>A new start.</p>")), ("about_me", about_me.pk)],
        title=page.title,
        slug=page.slug,
    )
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 302
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "A new start." in str(draft.body.raw_data)
