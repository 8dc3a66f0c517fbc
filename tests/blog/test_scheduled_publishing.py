"""An article scheduled for later reaches readers only once `publish_scheduled`
has run past its go-live time, everywhere at once."""

from datetime import timedelta
from unittest import mock

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import article_body, make_article, make_vignette_library

pytestmark = pytest.mark.django_db


def everywhere(client, article):
    """Where readers and robots could meet the article, and whether they do."""
    found = {}
    feed = feedparser.parse(client.get("/blog/feed/").content)
    found["feed"] = article.title in [entry.title for entry in feed.entries]
    found["listing"] = article.title in client.get("/blog/").content.decode()
    found["home"] = article.title in client.get("/").content.decode()
    found["topic"] = client.get("/blog/topics/lighthouses/").status_code == 200
    found["sitemap"] = article.slug in client.get("/sitemap-pages.xml").content.decode()
    search = client.get("/search/", {"q": "lighthouse"}).content.decode()
    found["search"] = article.title in search
    library = client.get("/vignettes/").content.decode()
    found["vignette library"] = "Iris and the borrowed umbrella" in library
    found["article"] = client.get(f"/blog/{article.slug}/").status_code == 200
    return found


def test_a_scheduled_article_stays_out_until_publish_scheduled_runs(client, blog):
    make_vignette_library()
    article = make_article(
        title="Keeping a light on",
        tags=["Lighthouses"],
        body=article_body(intro="<p>A lighthouse keeper's patience.</p>"),
        publish=False,
    )
    article.go_live_at = timezone.now() + timedelta(days=2)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert not any(everywhere(client, article).values())

    call_command("publish_scheduled")  # not yet due: nothing changes
    assert not any(everywhere(client, article).values())

    later = timezone.now() + timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert all(everywhere(client, article).values()), everywhere(client, article)
