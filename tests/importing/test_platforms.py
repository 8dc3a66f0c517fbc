"""Every platform a therapist's blog lives on comes in through the same
command: Squarespace's WordPress-format file, a Wix (or any RSS/Atom) feed,
Ghost's JSON and zip, Substack's zip and Medium's zip. Pictures come along,
from a picture server of the test's own on 127.0.0.1."""

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from wagtail.images import get_image_model

from blog.models import ArticlePage
from importing.fetching import FetchRefused, fetch
from tests.factories import make_superuser
from tests.importing.commands import draft, run, total
from tests.picture_server import PictureServer, png
from tests.workers import work

pytestmark = pytest.mark.django_db

NEVER_READ = "never read: its readers did not sign up to this site"
PLATFORMS = Path(__file__).parents[1] / "fixtures" / "import" / "platforms"
LOOPBACK = override_settings(IMPORT_ALLOW_PRIVATE_NETWORKS=["127.0.0.0/8"])
PLATFORM_MARKUP = re.compile(
    r"sqs-|graf|kg-|class=|data-|subscri|Subscribe|Sign up|Share|Book a call|"
    r"Thanks for reading|image-link|__GHOST_URL__|<figure|<img|<div|<span"
)


@pytest.fixture
def pictures():
    with PictureServer() as server:
        yield server


def export(tmp_path, name, server):
    """The fixture with its pictures' addresses pointing at `server`; a
    folder is zipped, as the platform hands it over."""
    source = PLATFORMS / name
    if source.is_file():
        target = tmp_path / name
        target.write_text(source.read_text().replace("PICTURES", server.address))
        return target
    target = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.name != "README.md":
                text = path.read_text().replace("PICTURES", server.address)
                archive.writestr(str(path.relative_to(source)), text)
        if name == "ghost":
            for picture in ("open-door", "calendar"):
                archive.writestr(
                    f"content/images/2025/02/{picture}.png", png(f"/ghost/{picture}")
                )
    return target


def skipped(output):
    """What the report's "Skipped:" line counts: {kind: count}."""
    (line,) = re.findall(r"^Skipped: (.*)\.$", output, re.M)
    return {
        kind: int(count)
        for count, kind in (item.split(" ", 1) for item in line.split(", "))
    }


def raw(page):
    return json.dumps(list(page.body.raw_data))


def figures(page):
    """(picture bytes, alt text, caption) of each image block, stories too."""
    found = []
    for block in page.body:
        children = (
            [block]
            if block.block_type == "image"
            else [b for b in block.value["body"] if b.block_type == "image"]
            if block.block_type == "vignette"
            else []
        )
        for child in children:
            with child.value["image"].file.open("rb") as handle:
                found.append(
                    (handle.read(), child.value["alt_text"], child.value["caption"])
                )
    return found


def story(page):
    (vignette,) = [b.value for b in page.body if b.block_type == "vignette"]
    return vignette


def internal_links(page):
    return re.findall(r'linktype=\\"page\\"', raw(page))


def assert_second_import_adds_nothing(path, counts):
    output = run(path)
    assert total(output, "created") == 0
    assert (ArticlePage.objects.count(), get_image_model().objects.count()) == counts


@LOOPBACK
def test_squarespace_export_mended_and_brought_whole(
    tmp_path, blog, about_me, pictures
):
    path = export(tmp_path, "squarespace.xml", pictures)
    output = run(path)
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Why Hard Conversations Get Put Off",
        "Worry at Bedtime",
    ]
    assert skipped(output) == {"page": 1, "draft": 1, "attachment": 1}
    talks = draft("Why Hard Conversations Get Put Off")
    vignette = story(talks)
    assert vignette["kind"] == "composite"
    assert vignette["title"] == "Marisol's story"
    assert list(vignette["people"])[0] == "Marisol"
    assert figures(talks) == [
        (
            png("/img/porch-steps.png"),
            "Two mugs on porch steps at dusk",
            "Some talks start more easily side by side.",
        )
    ]
    # No featured picture: the first one is the article's.
    assert talks.image.file_hash and talks.image == talks.body[1].value["image"]
    assert talks.original_url == (
        "https://quietharbour.test/blog/why-hard-conversations-get-put-off"
    )
    assert not PLATFORM_MARKUP.search(raw(talks))
    assert "Avoidance works in the short run &amp; costs us" in raw(talks)

    worry = draft("Worry at Bedtime")
    with worry.image.file.open("rb") as handle:  # the attachment it names
        assert handle.read() == png("/img/bedside-cover.png")
    assert worry.summary == "Worry likes the hour before sleep."
    assert len(internal_links(worry)) == 1
    # A link to the old blog that names no article here is reported.
    assert "an older note (https://quietharbour.test/blog/an-old-post" in output
    assert total(output, "links unresolved") == 1
    assert "Worry at Bedtime: write alt text for “night-lamp.png”" in output
    assert not ArticlePage.objects.live().exists()
    assert_second_import_adds_nothing(path, (2, 3))


@LOOPBACK
def test_a_wix_feed_brings_full_posts_covers_and_topics(
    tmp_path, blog, about_me, pictures
):
    path = export(tmp_path, "wix_feed.xml", pictures)
    run(path)
    grief = draft("When Grief Arrives Late")
    with grief.image.file.open("rb") as handle:
        assert handle.read() == png("/img/autumn-path.png")
    assert figures(grief) == [
        (
            png("/img/kitchen-table.png"),
            "A kitchen table set for one",
            "Ordinary places often hold the strongest memories.",
        )
    ]
    vignette = story(grief)
    assert (vignette["kind"], vignette["title"]) == ("fictional", "Theo's story")
    assert list(vignette["people"]) == ["Theo", "Paolo"]
    assert len(internal_links(grief)) == 1
    assert sorted(grief.tags.names()) == ["Getting Started", "Grief"]
    assert grief.date.isoformat() == "2025-04-07"
    assert_second_import_adds_nothing(path, (2, 2))


@LOOPBACK
def test_a_ghost_zip_brings_its_own_pictures_and_leaves_members_out(
    tmp_path, blog, about_me, pictures
):
    path = export(tmp_path, "ghost", pictures)
    output = run(path)
    assert pictures.requests == []  # every picture came from the zip
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Resting Without Earning It",
        "Saying No Without Guilt",
    ]
    no = draft("Saying No Without Guilt")
    with no.image.file.open("rb") as handle:
        assert handle.read() == png("/ghost/open-door")
    assert no.summary == "Why a small refusal can feel so large."
    assert sorted(no.tags.names()) == ["Boundaries"]  # not #newsletter
    assert figures(no) == [
        (
            png("/ghost/calendar"),
            "A crowded paper calendar",
            "A week with no empty square.",
        )
    ]
    assert story(no)["title"] == "Bettina's story"
    # The pointer and the bookmark card both lead to the other post here.
    assert len(internal_links(no)) == 2
    assert "Rest is not a reward" not in raw(no)
    assert not PLATFORM_MARKUP.search(raw(no))
    # members and users: never read, each counted as a list of people
    assert skipped(output) == {
        "draft": 1,
        "page": 1,
        "setting": 1,
        f"reader address lists ({NEVER_READ})": 2,
    }
    assert_second_import_adds_nothing(path, (2, 2))


@LOOPBACK
def test_ghost_json_alone_says_why_its_pictures_stayed_behind(
    tmp_path, blog, about_me, pictures
):
    path = tmp_path / "ghost.json"
    shutil.copy(PLATFORMS / "ghost" / "ghost-export.json", path)
    output = run(path)
    assert get_image_model().objects.count() == 0
    assert "“calendar.png” was not brought: the export does not give" in output
    assert draft("Saying No Without Guilt").image is None


@LOOPBACK
def test_a_substack_zip_never_reads_its_email_list(tmp_path, blog, about_me, pictures):
    path = export(tmp_path, "substack", pictures)
    output = run(path)
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Breathing Room",
        "The Shape of Panic",
    ]
    panic = draft("The Shape of Panic")
    assert panic.summary == "What a panic attack is and what it is not"
    assert panic.original_url == "https://gardenroom.substack.com/p/the-shape-of-panic"
    assert figures(panic) == [
        (
            png("/img/wave.png"),
            "A wave breaking on a grey beach",
            "Panic rises and falls like a wave.",
        )
    ]
    assert story(panic)["title"] == "Oskar's story"
    # The pointer, and the embedded post card as a plain link.
    assert len(internal_links(panic)) == 2
    assert "Read more" not in raw(panic) and "likes" not in raw(panic)
    for page in (panic, draft("Breathing Room")):
        assert not PLATFORM_MARKUP.search(raw(page))
    assert skipped(output) == {
        "draft": 1,
        "thread": 1,
        f"reader address list ({NEVER_READ})": 1,
    }
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert "mailbox.test" not in dump.getvalue()
    assert_second_import_adds_nothing(path, (2, 1))


@LOOPBACK
def test_a_medium_zip_keeps_posts_only(tmp_path, blog, about_me, pictures):
    path = export(tmp_path, "medium", pictures)
    output = run(path)
    (anger,) = ArticlePage.objects.all()
    anger = anger.get_latest_revision_as_object()
    assert anger.title == "Anger Has Something to Say"
    assert anger.summary == "Listening to anger instead of fighting it"
    assert anger.date.isoformat() == "2025-06-02"
    assert anger.original_url.endswith("/anger-has-something-to-say-a1b2c3d4e5f6")
    assert figures(anger) == [(png("/img/kettle.png"), "", "A kettle about to boil.")]
    assert "write alt text for “kettle.png”" in output
    # Title and subtitle are not repeated as the body's first lines.
    assert "Listening to anger" not in raw(anger)
    assert story(anger)["title"] == "Joanna's story"
    assert not PLATFORM_MARKUP.search(raw(anger))
    assert skipped(output) == {"draft": 1, "claps file": 1, "profile file": 1}
    assert_second_import_adds_nothing(path, (1, 1))


def test_without_the_setting_a_loopback_picture_is_never_requested(
    tmp_path, blog, about_me, pictures
):
    output = run(export(tmp_path, "wix_feed.xml", pictures))
    assert pictures.requests == []
    assert get_image_model().objects.count() == 0
    assert "“kitchen-table.png” was not brought: its address, 127.0.0.1" in output
    assert "private or local network" in output


def test_a_redirect_to_a_private_address_is_refused(tmp_path, blog, about_me):
    with PictureServer() as inside:
        with PictureServer(host="127.0.0.2") as outside:
            feed = (PLATFORMS / "wix_feed.xml").read_text()
            feed = feed.replace(
                "http://PICTURES/img/",
                f"http://{outside.address}/to/img/",
            ).replace('.png"', f'.png?host={inside.address}"')
            path = tmp_path / "feed.xml"
            path.write_text(feed)
            with override_settings(IMPORT_ALLOW_PRIVATE_NETWORKS=["127.0.0.2/32"]):
                output = run(path)
        assert outside.requests  # asked, and it redirected to 127.0.0.1
        assert inside.requests == []
    assert "private or local network (127.0.0.1)" in output
    assert get_image_model().objects.count() == 0


@LOOPBACK
def test_pictures_that_cannot_be_brought_are_reported_with_why(
    tmp_path, blog, about_me, pictures
):
    feed = (
        (PLATFORMS / "wix_feed.xml").read_text().replace("PICTURES", pictures.address)
    )
    feed = feed.replace("/img/kitchen-table.png", "/missing/kitchen-table.png")
    feed = feed.replace("/img/autumn-path.png", "/text/autumn-path.png")
    path = tmp_path / "feed.xml"
    path.write_text(feed)
    output = run(path)
    assert "“kitchen-table.png” was not brought: the old site answered 404" in output
    assert "“autumn-path.png” was not brought: its bytes are not an image" in output
    grief = draft("When Grief Arrives Late")
    assert figures(grief) == [] and grief.image is None
    assert "Ordinary places often hold" not in raw(grief)


@pytest.mark.django_db(transaction=True)
def test_a_ghost_zip_uploaded_in_the_admin_is_imported_by_the_worker(
    migrated_site, client, blog, about_me, tmp_path
):
    """The admin's Import page takes the zip as it is; the worker reads the
    pictures from the stored upload; the report links each article to its
    editor and says what was left out."""
    client.force_login(make_superuser())
    with PictureServer() as server:
        path = export(tmp_path, "ghost", server)
    response = client.post(
        "/admin/import/",
        {
            "export_file": SimpleUploadedFile("my-ghost-site.zip", path.read_bytes()),
            "action": "import",
        },
    )
    assert response.status_code == 302
    work()
    report = client.get(response["Location"]).content.decode()
    # Three pictures placed; the same file twice is one image in the library.
    assert "Pictures brought: <strong>3</strong>" in report
    page = ArticlePage.objects.get(title="Saying No Without Guilt")
    assert f'href="/admin/pages/{page.pk}/edit/">Saying No Without Guilt</a>' in report
    assert f"2 reader address lists ({NEVER_READ})" in report
    rest = ArticlePage.objects.get(title="Resting Without Earning It")
    assert (
        f'<li><a href="/admin/pages/{rest.pk}/edit/">Resting Without Earning It</a>: '
        "write alt text for “open-door.png”.</li>"
    ) in report
    assert get_image_model().objects.count() == 2


@LOOPBACK
def test_an_atom_feed_with_xhtml_content_and_lazy_pictures(
    tmp_path, blog, about_me, pictures
):
    run(export(tmp_path, "atom_feed.xml", pictures))
    walk = draft("Walking Through Worry")
    assert figures(walk) == [(png("/img/lane.png"), "A lane between hedges", "")]
    with walk.image.file.open("rb") as handle:  # its first picture
        assert handle.read() == png("/img/lane.png")
    assert "<em>settle</em>" in raw(walk)
    assert len(internal_links(walk)) == 1
    assert sorted(walk.tags.names()) == ["Anxiety"]
    assert (
        draft("Naming a Feeling").original_url == "https://notes.test/naming-a-feeling/"
    )


@override_settings(IMPORT_ALLOW_PRIVATE_NETWORKS="127.0.0.0/8", IMAGE_MAX_UPLOAD_MB=0)
def test_a_picture_over_the_size_limit_is_reported_not_stored(
    tmp_path, blog, about_me, pictures
):
    output = run(export(tmp_path, "wix_feed.xml", pictures))
    assert "“kitchen-table.png” was not brought: it is 0.0 MB, over the 0 MB" in output
    assert "(too large)" in output
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("http://[::1", "its address cannot be read"),
        ("ftp://pictures.test/a.png", "not a web address"),
        ("http://user:secret@127.0.0.1/a.png", "carries a password"),
        ("http://169.254.169.254/latest/meta-data", "private or local network"),
        ("http://[::ffff:127.0.0.1]/a.png", "private or local network"),
        ("http://10.1.2.3/a.png", "private or local network"),
        ("http://old-blog.example.org/a.png", "reserved for examples"),
    ],
)
def test_addresses_that_are_never_fetched(address, reason):
    with pytest.raises(FetchRefused, match=re.escape(reason)):
        fetch(address)
