"""The admin's Import page, through real admin posts and the real database
worker: preview writes nothing, an import runs in the background and reports,
a stopped import carries on, and hostile files are refused."""

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage, BlogIndexPage
from importing.models import ImportedArticle, ImportRun
from importing.run import Importer
from tests.factories import make_superuser
from tests.forms import article_form
from tests.workers import work

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
URL = "/admin/import/"


def upload(name, content=None):
    if content is None:
        content = (FIXTURES / name).read_bytes()
    return SimpleUploadedFile(name, content)


# The worker checks its database connection between tasks and, outside
# autocommit, closes it: tests that run it commit for real and start from
# the migrated site (tests/conftest.py).
WORKER = pytest.mark.django_db(transaction=True)


def menu(client):
    """The admin's sidebar menu, which Wagtail renders from JSON."""
    html = client.get("/admin/").content.decode()
    return html[html.index('id="wagtail-sidebar-props"') :].replace("\\/", "/")


@pytest.fixture
def admin_client(client, blog, about_me):
    client.force_login(make_superuser())
    return client


@pytest.fixture
def worker_client(migrated_site, admin_client):
    return admin_client


def test_only_people_who_may_import_see_the_page(client, blog):
    user = make_superuser(username="plain")
    user.is_superuser = False
    user.save()
    user.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    client.force_login(user)
    assert client.get(URL).status_code == 302  # Wagtail's "permission denied"
    assert "/admin/import/" not in menu(client)
    call_command("load_demo", stdout=io.StringIO())
    user.groups.add(Group.objects.get(name="Importers"))
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="export_file"' in response.content.decode()
    assert "/admin/import/" in menu(client)


@WORKER
def test_a_preview_is_read_by_the_worker_writes_nothing_and_offers_the_import(
    worker_client,
):
    """The request only stores the file: however large, it is read in the
    worker, and the preview's page then offers to import that same file."""
    response = worker_client.post(
        URL, {"export_file": upload("wordpress_blocks.xml"), "action": "preview"}
    )
    preview = ImportRun.objects.get()
    assert preview.preview
    assert response["Location"] == f"/admin/import/{preview.pk}/"
    waiting = worker_client.get(response["Location"]).content.decode()
    assert "Waiting for the import worker to read the file" in waiting

    work()

    html = worker_client.get(f"/admin/import/{preview.pk}/").content.decode()
    assert "Preview: nothing has been written" in html
    assert "How to Stop Fighting the Night" in html
    assert "Check before publishing" in html
    assert "Tobias" in html and "composite" in html
    assert "2 comments" in html
    assert not ArticlePage.objects.exists()
    assert "Preview: Finished" in worker_client.get(URL).content.decode()

    response = worker_client.post(f"/admin/import/{preview.pk}/", {"action": "import"})
    run = ImportRun.objects.exclude(pk=preview.pk).get()
    assert response["Location"] == f"/admin/import/{run.pk}/"
    assert not run.preview and run.export_file.name == preview.export_file.name
    work()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert ArticlePage.objects.filter(title="How to Stop Fighting the Night").exists()


@WORKER
def test_an_import_runs_in_the_background_and_reports(worker_client):
    response = worker_client.post(
        URL, {"export_file": upload("blogger_soup.xml"), "action": "import"}
    )
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/import/{run.pk}/"
    # Nothing is written until the worker takes it: the request never waits.
    assert not ArticlePage.objects.exists()
    waiting = worker_client.get(response["Location"]).content.decode()
    assert "Waiting for the import worker" in waiting
    assert 'http-equiv="refresh"' in waiting

    work()

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert (run.done, run.total) == (3, 3)
    assert ArticlePage.objects.count() == 3
    assert not ArticlePage.objects.filter(live=True).exists()
    report = worker_client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "Finished" in report
    assert 'http-equiv="refresh"' not in report
    assert "Rosa" in report
    assert "the name “Dev” stands on a line of its own" in report
    # Every import stays listed.
    assert f'href="/admin/import/{run.pk}/"' in worker_client.get(URL).content.decode()
    page = ArticlePage.objects.get(title="Shame and the Inner Critic, Part 1")
    # The history says who brought it in.
    entry = PageLogEntry.objects.get(page=page, action="wagtail.create")
    assert entry.user.username == "editor"


@WORKER
def test_publishing_from_the_admin_keeps_stories_as_drafts(worker_client):
    worker_client.post(
        URL,
        {
            "export_file": upload("blogger_soup.xml"),
            "action": "import",
            "publish": "on",
        },
    )
    work()
    assert list(
        ArticlePage.objects.filter(live=True).values_list("title", flat=True)
    ) == ["Office Hours Over the Summer"]


@WORKER
def test_a_stopped_import_carries_on_without_duplicates(worker_client, monkeypatch):
    """A worker killed mid-import: the article it was writing is not there at
    all, the ones before it are whole, and carrying on writes the rest once."""
    record = Importer.record

    def killed_on_the_second(self, entry, resolver, done):
        if done == 2:
            raise SystemExit("worker killed")
        record(self, entry, resolver, done)

    monkeypatch.setattr(Importer, "record", killed_on_the_second)
    worker_client.post(
        URL, {"export_file": upload("blogger_soup.xml"), "action": "import"}
    )
    work()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.RUNNING  # as a killed worker leaves it
    assert ArticlePage.objects.count() == 1
    assert ImportedArticle.objects.count() == 1
    first = ArticlePage.objects.get()

    ImportRun.objects.filter(pk=run.pk).update(
        updated_at=timezone.now() - timedelta(minutes=10)
    )
    page = worker_client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "This import stopped after 1 of 3 articles" in page
    monkeypatch.setattr(Importer, "record", record)
    worker_client.post(f"/admin/import/{run.pk}/")
    work()

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert ArticlePage.objects.count() == 3
    assert ImportedArticle.objects.filter(run=run).count() == 3
    assert ArticlePage.objects.filter(pk=first.pk).exists()
    # The series still links both ways across the interruption.
    two = ArticlePage.objects.get(title="Shame and the Inner Critic, Part 2")
    one = ArticlePage.objects.get(pk=first.pk).get_latest_revision_as_object()
    story = next(b.value for b in one.body if b.block_type == "vignette")
    story_html = "".join(str(c.value.source) for c in story["body"][1:])
    assert f'id="{two.pk}"' in story_html


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol2;</title></entry></feed>"""


def zip_of(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def lying_zip():
    """A zip whose header's checksum does not match what it holds."""
    story = b"# Sleep\n\nSleep comes back slowly. " * 40
    packed = zip_of({"sleep.md": story}, compression=zipfile.ZIP_STORED)
    at = packed.index(b"comes back")
    return packed[:at] + b"C" + packed[at + 1 :]


# 429 bytes that safe_load would expand to gigabytes.
ALIAS_BOMB = (
    b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
    b"c: &c [*b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c]\n"
    b"---\n# Sleep\n\nSleep comes back slowly.\n"
)


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("bomb.xml", BOMB, "refused as unsafe"),
        ("lying.zip", lying_zip(), "the zip may be damaged"),
        ("aliases.md", ALIAS_BOMB, "anchors or aliases"),
        (
            "enormous.md",
            b"# Sleep\n\n" + b"Sleep comes back slowly. " * 100_000,
            "over the 2 million a post may have",
        ),
        ("bomb.zip", zip_of({"a.md": b"0" * 30 * 2**20}), "refused as unsafe"),
        (
            "escape.zip",
            zip_of({"../../etc/cron.d/x.md": b"# Hi\n\ntext"}),
            "outside its own folder",
        ),
        ("photo.xml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (
            "notes.xml",
            b"<?xml version='1.0'?><notes>hi</notes>",
            "not a blog export or an RSS or Atom feed",
        ),
        ("broken.zip", b"PK\x03\x04 not really", "not a readable zip"),
    ],
)
@WORKER
def test_hostile_files_are_refused_with_a_reason(worker_client, name, content, message):
    """Read in the worker, never in a request, whether to preview or to
    import (the same reading): the run ends refused, and its page says why."""
    response = worker_client.post(
        URL, {"export_file": upload(name, content), "action": "import"}
    )
    assert response.status_code == 302
    work()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    page = worker_client.get(response["Location"]).content.decode()
    assert message.lower() in page.lower()
    assert not ArticlePage.objects.exists()


def test_a_file_the_importer_does_not_read_is_refused_on_the_form(admin_client):
    response = admin_client.post(
        URL, {"export_file": upload("post.pdf", b"%PDF-1.4"), "action": "import"}
    )
    assert response.status_code == 200
    assert "not a file the importer reads" in response.content.decode()
    assert not ImportRun.objects.exists()


@WORKER
def test_markdown_that_would_take_minutes_to_read_is_refused_in_seconds(
    worker_client, monkeypatch
):
    """Forty kilobytes of nested brackets took Python-Markdown 49 s."""
    monkeypatch.setattr("importing.limits.POST_SECONDS", 0.5)
    pathological = b"# Sleep\n\n" + b"[" * 20_000 + b"a" + b"]" * 20_000
    response = worker_client.post(
        URL, {"export_file": upload("brackets.md", pathological), "action": "preview"}
    )
    work()
    page = worker_client.get(response["Location"]).content.decode()
    assert "took over 0.5 seconds to read" in page
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_an_upload_over_the_limit_is_refused(admin_client, settings):
    settings.IMPORT_MAX_UPLOAD_MB = 1
    big = (FIXTURES / "blogger_soup.xml").read_bytes() + b" " * 2**20
    response = admin_client.post(
        URL, {"export_file": upload("big.xml", big), "action": "import"}
    )
    assert "the largest export the site takes is 1 MB" in response.content.decode()
    assert not ImportRun.objects.exists()


@WORKER
def test_a_zip_of_markdown_and_text_imports(worker_client):
    archive = zip_of(
        {
            "posts/saying-no.md": (FIXTURES / "article.md").read_bytes(),
            "posts/rest.txt": (FIXTURES / "plain.txt").read_bytes(),
            "posts/photo.jpg": b"\xff\xd8",
        }
    )
    worker_client.post(
        URL, {"export_file": upload("posts.zip", archive), "action": "import"}
    )
    work()
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Learning to rest in a busy life",
        "Saying No Without Guilt",
    ]
    run = ImportRun.objects.get()
    assert run.summary["skipped"] == {"non-text file": 1}


@WORKER
def test_the_original_address_cannot_drift_from_its_redirect(worker_client):
    """The field the importer fills is shown read-only: an edit posting
    another address leaves the field as it was, and the redirect made when
    the article goes live uses the imported address."""
    worker_client.post(
        URL, {"export_file": upload("blogger_soup.xml"), "action": "import"}
    )
    work()
    page = ArticlePage.objects.get(title="Office Hours Over the Summer")
    old = "https://hillsidecounsel.blogspot.com/2016/06/summer-hours.html"
    data = article_form(
        [("intro", rich_text("<p>Open all summer.</p>"))],
        title=page.title,
        slug=page.slug,
        original_url="https://elsewhere.example.com/moved/",
    )
    data["action-publish"] = "action-publish"
    response = worker_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert page.original_url == old
    assert "Open all summer." in str(page.body.raw_data)
    redirect = Redirect.objects.get(old_path="/2016/06/summer-hours.html")
    assert redirect.redirect_page_id == page.pk


@WORKER
def test_an_import_nobody_picks_up_says_the_worker_is_not_running(worker_client):
    worker_client.post(
        URL, {"export_file": upload("blogger_soup.xml"), "action": "import"}
    )
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(
        updated_at=timezone.now() - timedelta(minutes=5)
    )
    page = worker_client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "the import worker does not seem to be running" in page
    work()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE


@WORKER
def test_an_import_that_cannot_start_says_why(worker_client):
    worker_client.post(
        URL, {"export_file": upload("blogger_soup.xml"), "action": "import"}
    )
    BlogIndexPage.objects.get().delete()  # the blog went before the worker came
    work()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    page = worker_client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "There is no blog index to import into; create one first." in page
    assert 'http-equiv="refresh"' not in page
    assert not ArticlePage.objects.exists()
