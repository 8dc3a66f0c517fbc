"""A practice of one looks exactly as it did before the site knew of group
practices: every page type of the single-clinician demo renders byte for
byte as the pages in tests/fixtures/solo_site/, which were rendered by the
code before clinicians, authors and teams existed (commit 06d75d4).

Recorded again, deliberately, once since: the practice's notices and links
in every footer, the Good Faith Estimate summary, the online states and the
booking link on the consultation page, the privacy page's "What this site
counts", and the demo therapist's licence in her bio and JSON-LD (issue 33).
Nothing of the group practice shows.

Only what differs on every run is masked: CSRF and signed form tokens, the
blocks' ids and the moments the demo was loaded (publication times). A
deliberate change to a page is recorded with SOLO_SITE_UPDATE=1, and
reviewed in the diff.
"""

import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parents[1] / "fixtures" / "solo_site"
PAGES = {
    "home": "/",
    "blog": "/blog/",
    "article": "/blog/attachment-styles-in-adult-relationships/",
    "topics": "/blog/topics/",
    "topic": "/blog/topics/anxiety/",
    "series": "/blog/series/beginning-therapy/",
    "blog_feed": "/blog/feed/",
    "blog_atom": "/blog/feed/atom/",
    "vignettes": "/vignettes/",
    "fees": "/fees/",
    "privacy": "/privacy/",
    "consultation": "/consultation/",
    "consultation_thanks": "/consultation/thanks/",
    "subscribe": "/subscribe/",
    "sitemap": "/sitemap.xml",
    "search": "/search/?q=anxiety",
}
MASKS = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'), r"\1CSRF"),
    (re.compile(r'(name="started" value=")[^"]+'), r"\1STARTED"),
    # Block ids, new in every load (anchors of the vignette, getting help).
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "ID"),
    # When the demo was loaded: ISO 8601 moments with a time, feeds' RFC 2822
    # dates of today, and the sitemap's last modifications.
    (
        re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?"),
        "MOMENT",
    ),
    (re.compile(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}"), "MOMENT"),
]


def masked(text):
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


def first_difference(page, golden):
    pairs = zip(page.splitlines(), golden.splitlines(), strict=False)
    return next(((now, was) for now, was in pairs if now != was), ("", ""))


def test_every_page_of_a_practice_of_one_is_unchanged(
    client, monkeypatch, tmp_path, settings
):
    monkeypatch.setattr("django.conf.settings.VAR_DIR", tmp_path)
    # Pictures' files named as on a new site, whatever earlier tests stored.
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    update = os.environ.get("SOLO_SITE_UPDATE") == "1"
    changed = []
    for name, url in PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, url
        page = masked(response.content.decode())
        golden = GOLDEN / f"{name}.html"
        if update:
            golden.write_text(page)
        elif page != golden.read_text():
            changed.append((url, first_difference(page, golden.read_text())))
    assert not changed, f"these pages changed for a practice of one: {changed}"
