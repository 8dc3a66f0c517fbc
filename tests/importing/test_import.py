"""`manage.py import_articles`: an old blog comes in as structured, linked,
redirected draft articles."""

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from base.models import AboutMe
from blog.models import ArticlePage
from importing.run import Importer
from importing.units import words
from tests.factories import SECTIONED_BODY, make_article
from tests.importing.commands import FIXTURES, draft, run, total

pytestmark = pytest.mark.django_db

FULL_SHAPE = ["intro", "vignette", "conclusion", "getting_help", "about_me"]
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def blocks(page):
    return [block.block_type for block in page.body]


def part(page, block_type):
    return next(b.value for b in page.body if b.block_type == block_type)


def page_links(html):
    """(page id, link text) for each internal link, whatever the attribute order."""
    soup = BeautifulSoup(html, "html.parser")
    return [(int(a["id"]), a.get_text()) for a in soup.find_all("a", linktype="page")]


def test_a_blogger_export_comes_in_structured_and_linked(blog, about_me):
    output = run(FIXTURES / "blogger.xml")
    grief = draft("When Grief Arrives Late")
    waves = draft("Why Feelings Come in Waves")
    first = draft("Your First Session")
    assert not ArticlePage.objects.filter(live=True).exists()  # drafts to review
    assert blocks(grief) == FULL_SHAPE
    assert grief.date.isoformat() == "2019-03-04"
    assert sorted(tag.name for tag in grief.tags.all()) == ["Grief", "Loss"]
    assert grief.original_url == (
        "https://quietrooms.blogspot.com/2019/03/when-grief-arrives-late.html"
    )
    story = part(grief, "vignette")
    assert story["kind"] == "fictional"
    assert story["title"] == "Ruth and the Garden"
    assert story["disclaimer"] == (
        "This vignette is fictional and does not describe any real client."
    )
    assert list(story["people"]) == ["Ruth", "Tomas"]
    assert story["deidentified"] is False
    assert [b.block_type for b in story["body"]] == [
        "heading",
        "paragraph",
        "paragraph",
    ]
    assert story["body"][0].value == "Ruth"
    assert part(grief, "conclusion").source == (
        "<p>Grief keeps its own calendar. <i>Being patient with it</i> helps.</p>"
    )
    assert part(grief, "getting_help")["text"].source == (
        "<p>If a loss is weighing on you, a consultation is a good first step.</p>"
    )
    # The bio is not copied: the shared snippet stands in for it.
    assert part(grief, "about_me") == about_me
    assert "social worker in Albany" not in str(grief.body.raw_data)

    # A forward reference, an old-blog link and two titles in one pointer.
    assert page_links(part(grief, "intro").source) == [
        (waves.pk, "Why Feelings Come in Waves")
    ]
    assert page_links(part(waves, "conclusion").source) == [
        (grief.pk, "my earlier post on grief")
    ]
    assert page_links(part(first, "intro").source) == [
        (grief.pk, "When Grief Arrives Late"),
        (waves.pk, "Why Feelings Come in Waves"),
    ]
    assert part(waves, "vignette")["kind"] == "composite"
    assert part(waves, "vignette")["disclaimer"] == (
        "The following composite vignette shows how this can look in therapy."
    )
    assert list(part(waves, "vignette")["people"]) == ["Omar"]
    assert "<ul><li>Name the feeling</li>" in part(waves, "conclusion").source

    assert total(output, "created") == 3
    assert total(output, "vignettes found") == 2
    assert total(output, "links resolved") == 4
    assert "Skipped: 1 comment, 1 draft, 1 settings, 1 template." in output
    assert "Your First Session: “See my article Keeping a Mood Diary" in output
    assert total(output, "links unresolved") == 1
    assert total(output, "without any section") == 1


def test_old_addresses_redirect_to_the_new_articles_once_live(client, blog, about_me):
    """Until an article is published its old address answers as before the
    import (404 on a new site), never with a redirect to a draft."""
    old = "/2019/03/when-grief-arrives-late.html"
    run(FIXTURES / "blogger.xml")
    grief = ArticlePage.objects.get(title="When Grief Arrives Late")
    assert not grief.live
    assert client.get(old).status_code == 404

    grief.get_latest_revision().publish()
    redirect = Redirect.objects.get(old_path=old)
    assert redirect.redirect_page.pk == grief.pk
    assert redirect.is_permanent
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == grief.url

    # A redirect the therapist removes stays removed when she publishes again.
    redirect.delete()
    ArticlePage.objects.get(pk=grief.pk).save_revision().publish()
    assert not Redirect.objects.filter(old_path=old).exists()


def test_a_live_article_imported_again_keeps_its_old_address(blog, about_me):
    run(FIXTURES / "blogger.xml")
    for page in ArticlePage.objects.all():
        page.get_latest_revision_as_object().save_revision().publish()
    live = set(ArticlePage.objects.live().values_list("pk", flat=True))
    assert len(live) == 3
    redirects = set(Redirect.objects.values_list("old_path", "redirect_page_id"))
    assert {page for _path, page in redirects} == live
    run(FIXTURES / "blogger.xml")
    assert set(Redirect.objects.values_list("old_path", "redirect_page_id")) == (
        redirects
    )


def test_links_resolve_to_articles_already_on_the_site(blog, about_me):
    existing = make_article(title="Keeping a Mood Diary")
    output = run(FIXTURES / "blogger.xml")
    first = draft("Your First Session")
    assert (existing.pk, "Keeping a Mood Diary") in page_links(
        part(first, "intro").source
    )
    assert total(output, "links unresolved") == 0


def test_importing_again_updates_and_never_duplicates(blog, about_me):
    run(FIXTURES / "blogger.xml", FIXTURES / "plain.txt")
    pages = set(ArticlePage.objects.values_list("pk", "slug"))
    output = run(FIXTURES / "blogger.xml", FIXTURES / "plain.txt")
    assert set(ArticlePage.objects.values_list("pk", "slug")) == pages
    assert total(output, "created") == 0
    assert total(output, "updated") == 4
    assert not Redirect.objects.exists()  # drafts, all of them


def test_a_wordpress_export_brings_posts_only(blog, about_me):
    output = run(FIXTURES / "wordpress.xml")
    assert list(ArticlePage.objects.values_list("title", flat=True)) == [
        "Sleep and Worry"
    ]
    page = draft("Sleep and Worry")
    assert sorted(tag.name for tag in page.tags.all()) == ["Anxiety", "Sleep"]
    assert page.date.isoformat() == "2020-01-13"
    assert blocks(page) == FULL_SHAPE
    assert part(page, "vignette")["kind"] == "fictional"
    assert list(part(page, "vignette")["people"]) == ["Lena"]
    assert part(page, "intro").source == (
        "<p>Worry loves the quiet of the night. When the day's noise stops, the "
        "mind fills the space.</p>"
    )
    assert "Skipped: 1 attachment, 1 draft, 1 page." in output
    page.save_revision().publish()
    assert Redirect.objects.get(old_path="/2020/01/sleep-and-worry").redirect_page


def test_markdown_with_front_matter(blog, about_me):
    run(FIXTURES / "article.md")
    page = draft("Saying No Without Guilt")
    assert page.date.isoformat() == "2021-06-02"
    assert sorted(tag.name for tag in page.tags.all()) == ["Boundaries", "Guilt"]
    assert blocks(page) == FULL_SHAPE
    assert part(page, "intro").source == (
        "<p>Many of us learned early that <em>other people's needs</em> come "
        "first. Saying no can feel like a small betrayal.</p>"
    )
    story = part(page, "vignette")
    assert (story["kind"], story["title"]) == ("composite", "Priya's Calendar")
    assert story["disclaimer"].startswith("This vignette is a composite")
    assert list(story["people"]) == ["Priya"]
    assert (
        "<li>Say no to one small thing</li>"
        in part(page, "getting_help")["text"].source
    )


@pytest.mark.parametrize("name", ["plain.txt", "plain_stopwords.txt"])
def test_scraped_plain_text_is_restored_and_split(blog, about_me, name):
    output = run(FIXTURES / name)
    page = ArticlePage.objects.get().get_latest_revision_as_object()
    full = name == "plain.txt"
    assert page.title == (
        "Learning to rest in a busy life" if full else "Learning rest busy life"
    )
    assert blocks(page) == SECTIONED_BODY
    story = part(page, "vignette")
    assert story["kind"] == "fictional"
    assert story["title"] == "Marta's story"
    assert list(story["people"]) == ["Marta"]
    assert story["body"][0].block_type == "heading"
    assert story["body"][0].value == "Marta"
    text = story["body"][1].value.source
    assert text.startswith("<p>Marta came")
    assert "Marta's mother" in text
    if full:
        assert "I don't deserve a break" in text
        assert story["disclaimer"] == (
            "The following fictional clinical vignette will show how this can unfold"
        )
        assert part(page, "intro").source.startswith(
            "<p>Learning to rest is harder than it sounds"
        )
        assert "isn't easy" in part(page, "intro").source
    else:
        # With "is" filtered out, "n't" has no verb to join: it stays apart.
        assert "feeling n't easy" in part(page, "intro").source
    assert part(page, "about_me") == about_me
    assert total(output, "vignettes found") == 1


def text_in_order(page):
    """Every word readers get from the article's own text, in page order."""
    parts = []
    for block in page.body:
        value = block.value
        if block.block_type == "vignette":
            parts.append(value["disclaimer"])  # its title is made from names
            parts += [str(getattr(b.value, "source", b.value)) for b in value["body"]]
        elif block.block_type == "getting_help":
            parts.append(value["text"].source)
        elif block.block_type != "about_me":
            parts.append(str(getattr(value, "source", value)))
    return words(BeautifulSoup(" ".join(parts), "html.parser").get_text(" "))


def test_no_word_is_added_lost_or_moved_in_plain_text(blog, about_me):
    run(FIXTURES / "plain.txt")
    page = ArticlePage.objects.get().get_latest_revision_as_object()
    source = (FIXTURES / "plain.txt").read_text()
    # The section headings become the parts themselves, and the bio the
    # shared snippet; every other word must come through, in order.
    # The title repeated under the vignette's heading is not the story's own
    # title: the story is named after its client instead.
    source = source.replace(
        "unfold fictional clinical vignette learning to rest in a busy life ",
        "unfold ",
        1,
    )
    source = source.replace(" conclusion ", " ", 1)
    source = source.replace(" getting help in therapy ", " ", 1)
    source = source[: source.index(" about me ")]
    assert "".join(text_in_order(page)) == "".join(words(source))


def test_a_bio_creates_the_snippet_when_there_is_none(blog):
    output = run(FIXTURES / "plain.txt")
    about = AboutMe.objects.get()
    assert "licensed psychotherapist who works with adults" in about.bio
    assert not about.live
    assert "Created the about-me snippet" in output
    page = ArticlePage.objects.get().get_latest_revision_as_object()
    assert part(page, "about_me") == about


def test_dry_run_writes_nothing(blog, about_me):
    output = run(FIXTURES / "blogger.xml", "--dry-run")
    assert "Dry run: nothing was written" in output
    assert total(output, "created") == 3
    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()


def test_a_malformed_entry_leaves_the_others_and_nothing_partial(
    blog, about_me, tmp_path
):
    broken = (
        (FIXTURES / "blogger.xml")
        .read_text()
        .replace(
            "<title type='text'>Why Feelings Come in Waves</title>",
            "<title type='text'></title>",
        )
    )
    path = tmp_path / "blog.xml"
    path.write_text(broken)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 could not be imported"):
        call_command("import_articles", str(path), stdout=out, stderr=err)
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "When Grief Arrives Late",
        "Your First Session",
    ]
    assert "blog.xml, entry 4: it has no title" in err.getvalue()
    assert total(out.getvalue(), "failed") == 1


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "no such file"),
        ("", "the file is empty"),
        (
            "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>",
            "not well-formed",
        ),
        (
            "<?xml version='1.0'?><note>hi</note>",
            "not a blog export or an RSS or Atom feed",
        ),
    ],
)
def test_bad_files_get_a_one_line_reason(blog, tmp_path, content, message):
    path = tmp_path / "input.xml"
    if content is not None:
        path.write_text(content)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    (line,) = [line for line in err.getvalue().splitlines() if "input.xml" in line]
    assert message in line


def test_a_file_over_the_limit_is_refused(blog, tmp_path, settings):
    settings.IMPORT_MAX_UPLOAD_MB = 2
    path = tmp_path / "huge.txt"
    path.write_text("rest " * (2 * 1024 * 1024 // 5 + 1))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert "is over the 2 MB limit" in err.getvalue()
    assert not ArticlePage.objects.exists()


def test_publish_publishes_only_what_is_safe(blog, about_me, tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: A short note\n---\n\nJust a few words.\n")
    output = run(path, FIXTURES / "wordpress.xml", "--publish")
    assert ArticlePage.objects.get(title="A short note").live
    assert not ArticlePage.objects.get(title="Sleep and Worry").live
    assert "Check before publishing (kept as drafts):" in output
    assert "Sleep and Worry: it has 1 vignette: tick “de-identified”" in output


def test_publish_keeps_an_article_with_warnings_as_a_draft(blog, about_me, tmp_path):
    """No vignette, but words safe-messaging guidance asks to change: the
    import leaves it for her to read in the editor."""
    path = tmp_path / "news.md"
    path.write_text(
        "---\ntitle: A hard year\n---\n\n"
        "Suicide is an epidemic, and the news says so every week.\n"
    )
    output = run(path, "--publish")
    assert not ArticlePage.objects.get(title="A hard year").live
    assert "A hard year: a warning to read in the editor first:" in output
    assert "“epidemic”" in output


def test_the_sample_article_imports_as_the_issue_describes(blog, about_me):
    output = run(SEED / "000_ba5187d8b3cf38bf.txt")
    page = ArticlePage.objects.get()
    assert not page.live
    page = page.get_latest_revision_as_object()
    assert page.title == "Starting where the client is in psychotherapy"
    kinds = blocks(page)
    assert kinds[0] == "intro"
    assert kinds[-3:] == ["conclusion", "getting_help", "about_me"]
    story = part(page, "vignette")
    assert story["kind"] == "fictional"
    assert "Ned" in list(story["people"])
    assert story["body"][0].value == "Ned"
    assert part(page, "about_me") == about_me
    assert "Links and pointers that match no article here" in output
    assert "see my article how your attachment style affects" in output


def test_pointers_tolerate_small_differences_but_not_other_numbers(
    blog, about_me, tmp_path
):
    waves = make_article(title="Why Feelings Come in Waves")
    make_article(title="Steadiness, part 2")
    path = tmp_path / "pointers.md"
    path.write_text(
        "---\ntitle: Pointers\n---\n\nSee my article why feeling comes in waves. "
        "In my prior article, Steadiness part 12, I wrote more.\n"
    )
    output = run(path)
    assert page_links(part(draft("Pointers"), "intro").source) == [
        (waves.pk, "why feeling comes in waves")
    ]
    assert "Steadiness part 12, I wrote more" in output
    assert total(output, "links unresolved") == 1


def test_an_article_that_fails_while_written_leaves_nothing_behind(
    blog, about_me, monkeypatch
):
    redirect = Importer.redirect

    def failing(self, entry, page):
        if entry.title == "Why Feelings Come in Waves":
            raise ValueError("the old address could not be saved")
        redirect(self, entry, page)

    monkeypatch.setattr(Importer, "redirect", failing)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 could not be imported"):
        call_command(
            "import_articles",
            str(FIXTURES / "blogger.xml"),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "When Grief Arrives Late",
        "Your First Session",
    ]
    assert not Revision.objects.filter(object_str="Why Feelings Come in Waves")
    assert "entry 4: the old address could not be saved" in err.getvalue()
    # The links to it stay text rather than pointing at a page that is gone.
    assert page_links(part(draft("When Grief Arrives Late"), "intro").source) == []


def test_parent_title_and_format_can_be_given(blog, about_me, tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("some words about rest and about me i am a licensed therapist")
    run(path, "--format", "text", "--title", "Rest, again", "--parent", "/blog/")
    page = draft("Rest, again")
    assert page.get_parent().pk == blog.pk
    assert blocks(page) == ["intro", "getting_help", "about_me"]
    assert part(page, "intro").source == "<p>Some words about rest and</p>"
    with pytest.raises(CommandError, match="--parent 99999: no blog index"):
        run(path, "--parent", "99999")


def test_an_overlong_title_is_reported_not_truncated(blog, about_me, tmp_path):
    long_title = "Grief " * 50
    path = tmp_path / "blog.xml"
    path.write_text(
        (FIXTURES / "wordpress.xml").read_text().replace("Sleep and Worry", long_title)
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert "blog.xml, item 1: its title is over 255 characters" in err.getvalue()
    assert not ArticlePage.objects.exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_a_progress_bar(blog, about_me):
    out = Terminal()
    call_command("import_articles", str(FIXTURES / "blogger.xml"), stdout=out)
    assert "\r[##########....................] 1/3" in out.getvalue()
    assert "\r[##############################] 3/3\n" in out.getvalue()
    assert "[" not in run(FIXTURES / "wordpress.xml").split("created")[0]
