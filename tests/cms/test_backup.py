"""Nothing lost: `manage.py backup` then `manage.py restore` into an empty
database gives back the same site (the commands behind `make backup` and
`make restore`)."""

import io
import json
import re
import shutil
import tarfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from taggit.models import Tag, TaggedItem
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from base.models import AboutMe, GettingHelpSettings, ReaderNoticeSettings
from blog.library import Vignette
from blog.models import ArticlePage, ArticleRelatedPage
from consultations.models import ConsultationRequest

# Restoring flushes and reloads the whole database, commits included, so these
# tests run in a transactional database, after the others (tests/conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def snapshot():
    """What the therapist would miss, in comparable form."""
    return {
        "pages": sorted(
            (p.pk, p.path, p.title, p.slug, p.live, p.content_type.model)
            for p in Page.objects.all()
        ),
        "bodies": sorted(
            (a.pk, a.summary, str(a.body.raw_data)) for a in ArticlePage.objects.all()
        ),
        "revisions": sorted(
            (r.object_id, r.content_type.model, str(r.content), r.created_at)
            for r in Revision.objects.all()
        ),
        "published": sorted(
            (p.pk, p.first_published_at, p.last_published_at, p.latest_revision_id)
            for p in Page.objects.all()
        ),
        "about_me": [
            (a.name, a.credentials, a.bio, a.live) for a in AboutMe.objects.all()
        ],
        "settings": [
            (s.heading, s.booking_label) for s in GettingHelpSettings.objects.all()
        ]
        + [(s.crisis_notice,) for s in ReaderNoticeSettings.objects.all()],
        "tags": sorted((t.name, t.slug) for t in Tag.objects.all()),
        "tagged": sorted(
            (t.tag.name, t.content_object.title) for t in TaggedItem.objects.all()
        )
        + sorted(
            (tag.name, article.title)
            for article in ArticlePage.objects.all()
            for tag in article.tags.all()
        ),
        "redirects": sorted(
            (r.old_path, r.redirect_page_id, r.redirect_link, r.is_permanent)
            for r in Redirect.objects.all()
        ),
        "vignettes": sorted(
            (
                v.article_id,
                v.block_id,
                v.position,
                v.title,
                v.kind,
                v.pseudonyms,
                sorted(t.name for t in v.topics.all()),
            )
            for v in Vignette.objects.all()
        ),
        "images": sorted((i.title, i.file.name) for i in Image.objects.all()),
    }


@pytest.fixture
def demo_site(migrated_site, monkeypatch):
    """The demo, grown by generated articles, one of which points to an
    article that was then unpublished (a row in the links report)."""
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-test-password")
    call_command("load_demo", stdout=io.StringIO())
    article = ArticlePage.objects.live().first()
    Redirect.add_redirect("/old-article-address", article, is_permanent=True)
    Redirect.add_redirect("/elsewhere", "https://example.com/", is_permanent=False)
    call_command("generate_articles", 12, stdout=io.StringIO())
    picked = ArticleRelatedPage.objects.order_by("pk").first().page
    picked.specific.unpublish()


# Values made afresh for each reader: CSRF tokens and the consultation form's
# signed start time.
CSRF = re.compile(
    r'(name="csrfmiddlewaretoken" value=|"CSRF_TOKEN": |name="started" value=)"[^"]*"'
)
RESULT = re.compile(rb'article-summary-title"><a href="([^"]+)"')


def every_address(client):
    """Every page the sitemap lists, and what it cannot list: feeds, the
    filters, search, later pages, robots.txt and the sitemaps themselves."""
    addresses = ["/sitemap.xml", "/robots.txt", "/blog/feed/", "/blog/feed/atom/"]
    sections = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").text)
    for section in sections:
        section = urlsplit(section)
        addresses.append(f"{section.path}?{section.query}")
        for loc in re.findall(r"<loc>([^<]+)</loc>", client.get(addresses[-1]).text):
            addresses.append(urlsplit(loc).path)
    topics = [a for a in addresses if re.fullmatch(r"/blog/topics/[^/]+/", a)]
    addresses += [f"{topic}feed/" for topic in topics]
    addresses += [
        "/blog/?page=2",
        f"/vignettes/?topic={topics[0].split('/')[-2]}",
        "/vignettes/?kind=composite",
        "/search/?q=therapy",
        "/old-article-address",
        "/no-such-page/",
    ]
    return addresses


def search_results(client, address):
    """Every page of a search's results; past the last, the last again."""
    found = []
    for number in range(1, 100):
        results = RESULT.findall(client.get(f"{address}&page={number}").content)
        if not results or results[0] in found:
            return sorted(found)
        found += results
    raise AssertionError(f"{address} has more than 100 pages of results")


def rendered_site(client, admin):
    """Each address as a reader gets it, byte for byte (CSRF values aside),
    and the links report as the therapist sees it."""
    pages = {}
    for address in every_address(client):
        response = client.get(address)
        pages[address] = (response.status_code, CSRF.sub(r"\1", response.text))
        if address.startswith("/search/"):
            # Ranked by an index that restore builds afresh, and relevance
            # scores depend on how an index grew: what is found must match,
            # not its order.
            pages[address] = (response.status_code, search_results(client, address))
    admin.force_login(get_user_model().objects.get(username="admin"))
    report = admin.get("/admin/reports/links-to-unpublished-pages/")
    pages["links report"] = (report.status_code, CSRF.sub(r"\1", report.text))
    return pages


@pytest.mark.parametrize("media", ["lost", "kept"])
def test_a_backup_restores_into_an_empty_database_unchanged(
    demo_site, tmp_path, client, media
):
    """Onto a new server (the media folder lost with the old one), or onto
    this one's media folder with a new database."""
    admin = Client()
    before = snapshot()
    pages_before = rendered_site(client, admin)
    assert pages_before["/blog/?page=2"][0] == 200
    assert pages_before["links report"][1].count("<tr") > 1
    assert before["revisions"] and before["vignettes"] and before["redirects"]
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (archive,) = tmp_path.glob("backup-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "data.json" in names
    assert any(name.startswith("media/original_images/") for name in names)
    # Renditions too: made again, they could take other names.
    assert any(name.startswith("media/images/") for name in names)

    call_command("flush", interactive=False, verbosity=0)
    if media == "lost":
        shutil.rmtree(settings.MEDIA_ROOT)
    assert not Page.objects.exists()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "Restored" in out.getvalue()
    assert snapshot() == before
    for image in before["images"]:
        assert (Path(settings.MEDIA_ROOT) / image[1]).is_file()
    pages_after = rendered_site(client, admin)
    assert pages_after.keys() == pages_before.keys()
    for address, page in pages_before.items():
        assert pages_after[address] == page, address

    # The restored site serves, searches and redirects.
    article = ArticlePage.objects.live().first()
    assert client.get(article.url).status_code == 200
    assert article.title in client.get("/search/", {"q": article.title}).text
    assert client.get("/old-article-address").status_code == 301


def test_restore_refuses_a_database_that_holds_content(demo_site, tmp_path):
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (archive,) = tmp_path.glob("backup-*.tar.gz")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore", str(archive))
    assert Page.objects.count() == pages


@pytest.mark.parametrize("content", [None, b"not a tar file"])
def test_restore_explains_a_missing_or_broken_file(migrated_site, tmp_path, content):
    path = tmp_path / "backup.tar.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match="No backup file|not a readable backup"):
        call_command("restore", str(path))


def as_archived_before_the_move(data):
    """A backup's data.json as the version before base/ wrote it: the about-me
    and the settings under home/, and the phone, email and booking link in
    the getting-help settings rather than in the about-me."""
    objects = json.loads(data)
    moved = {
        "aboutme",
        "gettinghelpsettings",
        "readernoticesettings",
        "sharingsettings",
    }
    for obj in objects:
        app, _, model = obj["model"].partition(".")
        if app == "base" and model in moved:
            obj["model"] = f"home.{model}"
        for name, value in obj["fields"].items():
            if name.endswith("content_type") and value[1:] and value[1] in moved:
                value[0] = "home"
    about = next(obj for obj in objects if obj["model"] == "home.aboutme")
    help_ = next(obj for obj in objects if obj["model"] == "home.gettinghelpsettings")
    for name in ("phone", "email", "booking_url"):
        help_["fields"][name] = about["fields"][name]
        about["fields"][name] = ""
    return json.dumps(objects).encode()


def test_a_backup_made_before_the_moves_restores(demo_site, tmp_path, client):
    """Archives name the about-me, the settings and the vignette library
    where they lived when they were made; restore moves them, and the
    contact details, to where they live now."""
    about = AboutMe.objects.get()
    before = client.get("/vignettes/").text
    titles = sorted(Vignette.objects.values_list("title", flat=True))
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (archive,) = tmp_path.glob("backup-*.tar.gz")
    old = tmp_path / "old.tar.gz"
    with tarfile.open(archive) as tar, tarfile.open(old, "w:gz") as out:
        for member in tar.getmembers():
            content = tar.extractfile(member) if member.isfile() else None
            if member.name == "data.json":
                data = as_archived_before_the_move(content.read())
                data = as_archived_before_the_library_moved(data)
                member.size = len(data)
                content = io.BytesIO(data)
            out.addfile(member, content)
    call_command("flush", interactive=False, verbosity=0)

    call_command("restore", str(old), stdout=io.StringIO())
    restored = AboutMe.objects.get()
    assert (restored.phone, restored.email, restored.booking_url) == (
        about.phone,
        about.email,
        about.booking_url,
    )
    assert restored.latest_revision.content["phone"] == about.phone
    article = ArticlePage.objects.live().first()
    html = client.get(article.url).text
    assert about.phone in html and about.name in html
    assert sorted(Vignette.objects.values_list("title", flat=True)) == titles
    library = client.get("/vignettes/")
    assert library.status_code == 200
    shown = [title for title in titles if title in before]  # the first page
    assert shown and all(title in library.text for title in shown)


def as_archived_before_the_library_moved(data):
    """A backup's data.json as the version before the vignette library moved
    from vignettes/ to blog/ wrote it."""
    objects = json.loads(data)
    moved = {"vignette", "vignetteindexpage"}
    for obj in objects:
        app, _, model = obj["model"].partition(".")
        if app == "blog" and model in moved:
            obj["model"] = f"vignettes.{model}"
        for name, value in obj["fields"].items():
            if name.endswith("content_type") and value == ["blog", "vignetteindexpage"]:
                value[0] = "vignettes"
    return json.dumps(objects).encode()


def test_consultation_requests_are_archived_sealed_and_need_the_same_key(
    demo_site, tmp_path, settings
):
    ConsultationRequest.store(
        {"name": "Philippa", "email": "philippa.quill@example.org"}, token="t"
    )
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (archive,) = tmp_path.glob("backup-*.tar.gz")
    with tarfile.open(archive) as tar:
        data = tar.extractfile("data.json").read().decode()
    assert "consultations.consultationrequest" in data
    assert "Philippa" not in data and "philippa.quill" not in data

    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(archive), stdout=io.StringIO())
    assert ConsultationRequest.objects.get().name == "Philippa"
    # Restored where the key is another, the requests cannot be read.
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert ConsultationRequest.objects.get().name == "(cannot be read)"


def test_only_the_sites_own_user_can_read_a_backup(demo_site, tmp_path):
    """It holds password hashes and readers' addresses."""
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    call_command("backup", output_dir=folder, stdout=io.StringIO())
    (archive,) = folder.glob("backup-*.tar.gz")
    assert archive.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
