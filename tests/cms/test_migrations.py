"""Existing databases migrate forward: a site made at the commit before the
apps were rearranged (the demo, migrated and loaded at fdf81f6, with its
media) is migrated by this checkout and still serves every page."""

import json
import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.db import connection
from django.utils.text import slugify

from tests.servers import BIN, ROOT

# The old site is a SQLite file of its own, whatever the suite's database:
# run once, in the SQLite stage.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="runs once, with the SQLite suite"
    ),
]

FIXTURE = Path(__file__).parents[1] / "fixtures" / "databases" / "fdf81f6.tar.gz"

CHECK = """
import json
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.models import Page, Site
from base.models import AboutMe, SitePages
from blog.models import ArticlePage, Vignette
site = Site.objects.get(is_default_site=True)
pages = SitePages.for_site(site)
client = Client(HTTP_HOST=site.hostname)
urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
urls += ["/blog/topics/"]
print(json.dumps({
    "site_pages": {
        role: getattr(pages, f"{role}_page").url
        for role in SitePages.ROLES
        if getattr(pages, f"{role}_page")
    },
    "clinicians": [
        [c.name, c.slug, c.specialties, sorted(t.name for t in c.topics.all())]
        for c in AboutMe.objects.order_by("pk")
    ],
    "vignettes": Vignette.objects.count(),
    "library_type": list(Page.objects.filter(slug="vignettes").values_list(
        "content_type__app_label", "content_type__model")),
    "left_behind": list(ContentType.objects.filter(app_label="vignettes").values_list(
        "model", flat=True)),
    "articles": ArticlePage.objects.live().count(),
    "statuses": {url: client.get(url).status_code for url in urls},
}))
"""


@pytest.fixture
def old_site(tmp_path):
    with tarfile.open(FIXTURE) as archive:
        archive.extractall(tmp_path, filter="data")
    return tmp_path


def run(env, *args):
    done = subprocess.run(
        [BIN / "python", "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_a_database_from_before_the_move_migrates_and_serves_every_page(old_site):
    database = old_site / "db.sqlite3"
    with sqlite3.connect(database) as old:
        vignettes = old.execute("select count(*) from vignettes_vignette").fetchone()[0]
        bios = old.execute("select name, specialties from base_aboutme").fetchall()
        tags = {name for (name,) in old.execute("select name from taggit_tag")}
        articles = old.execute(
            "select count(*) from blog_articlepage join wagtailcore_page "
            "on page_ptr_id = id where live"
        ).fetchone()[0]
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "VAR_DIR": str(old_site),
    }
    run(env, "migrate", "--noinput")
    run(env, "makemigrations", "--check", "--dry-run")
    facts = json.loads(run(env, "shell", "-v0", "-c", CHECK).splitlines()[-1])

    assert facts["site_pages"] == {
        "blog": "/blog/",
        "subscribe": "/subscribe/",
        "consultation": "/consultation/",
        "privacy": "/privacy/",
    }
    # Each bio became a clinician's profile, losing nothing: a slug of its
    # own, and its specialties that name a topic chosen as its topics.
    assert facts["clinicians"] == [
        [name, slugify(name), specialties, sorted(set(specialties.splitlines()) & tags)]
        for name, specialties in bios
    ]
    assert any(clinician[3] for clinician in facts["clinicians"])
    assert facts["vignettes"] == vignettes > 0
    assert facts["library_type"] == [["blog", "vignetteindexpage"]]
    assert facts["left_behind"] == []
    assert facts["articles"] == articles
    assert set(facts["statuses"].values()) == {200}, facts["statuses"]
