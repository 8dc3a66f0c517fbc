"""The importer on exports shaped like real therapists' blogs: every story
found once, clean text, every reference form, and nothing published that may
hold a client story without the therapist's tick."""

import pytest
from bs4 import BeautifulSoup

from blog.models import ArticlePage
from importing.run import vignette_value
from importing.sections import Vignette, assemble
from importing.units import Unit
from tests.importing.commands import FIXTURES, draft, run
from vignettes.blocks import COMPOSITE_DISCLAIMER, DEFAULT_DISCLAIMER, publish_problems

pytestmark = pytest.mark.django_db


def vignettes(page):
    return [b.value for b in page.body if b.block_type == "vignette"]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "type"):
                yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def text_of(page):
    """Every word the article's own blocks hold, as readers get them."""
    html = " ".join(strings(list(page.body.raw_data)))
    return BeautifulSoup(html, "html.parser").get_text(" ")


def links(html):
    soup = BeautifulSoup(html, "html.parser")
    return [(int(a["id"]), a.get_text()) for a in soup.find_all("a", linktype="page")]


def all_links(page):
    return links(" ".join(strings(list(page.body.raw_data))))


def test_a_heading_then_a_disclaimer_then_a_name_is_one_vignette(blog, about_me):
    run(FIXTURES / "wordpress_blocks.xml")
    page = draft("How to Stop Fighting the Night")
    (story,) = vignettes(page)
    assert story["kind"] == "composite"  # "drawn from many clients"
    assert story["disclaimer"] == (
        "The following fictional vignette is drawn from many clients and "
        "describes no single person."
    )
    assert list(story["people"]) == ["Tobias"]
    # The heading only repeated the article's title: named after the client.
    assert story["title"] == "Tobias's story"
    assert story["body"][0].block_type == "heading"
    assert story["body"][0].value == "Tobias"
    assert story["body"][1].value.source.startswith("<p>Tobias checked the clock")
    assert story["deidentified"] is False


def test_consider_the_following_scenario_opens_a_vignette(blog, about_me):
    run(FIXTURES / "wordpress_blocks.xml")
    (story,) = vignettes(draft("What Is a Panic Attack?"))
    assert story["kind"] == "composite"  # "based on several people"
    assert story["disclaimer"].startswith("Consider the following composite scenario")
    assert list(story["people"]) == ["Imani"]
    assert story["title"] == "Imani's story"


def test_wordpress_markup_never_becomes_words(blog, about_me):
    output = run(FIXTURES / "wordpress_blocks.xml")
    for title in ("How to Stop Fighting the Night", "What Is a Panic Attack?"):
        text = text_of(draft(title))
        for leak in ("wp:", "/wp", "[caption", "[/caption]", "[embed", "[gallery", "{"):
            assert leak not in text
    # A caption is the picture's, never a stray paragraph; the picture
    # (on a reserved example address, never fetched) is reported.
    assert "A reading lamp left on low" not in text_of(
        draft("How to Stop Fighting the Night")
    )
    assert "“lamp.jpg” was not brought" in output
    assert "video.example.net" not in text_of(draft("How to Stop Fighting the Night"))
    assert "2 comments" in output
    assert "1 [embed] shortcode" in output
    assert "1 [gallery] shortcode" in output


def test_links_cover_the_whole_title_and_adjacent_links_stay_apart(blog, about_me):
    run(FIXTURES / "wordpress_blocks.xml")
    night = ArticlePage.objects.get(title="How to Stop Fighting the Night")
    panic = ArticlePage.objects.get(title="What Is a Panic Attack?")
    page = draft("Is It Anxiety or Intuition?")
    intro = next(b.value.source for b in page.body if b.block_type == "intro")
    assert links(intro) == [
        (panic.pk, "What Is a Panic Attack?"),
        (night.pk, "my prior article"),
        (panic.pk, "What Is a Panic Attack?"),
        (night.pk, "How to Stop Fighting the Night"),
    ]
    assert "Attack?</a> <a" in intro  # two links run together, kept apart


def test_every_pointer_form_resolves(blog, about_me):
    run(FIXTURES / "wordpress_blocks.xml")
    night = ArticlePage.objects.get(title="How to Stop Fighting the Night")
    anxiety = ArticlePage.objects.get(title="Is It Anxiety or Intuition?")
    found = all_links(draft("What Is a Panic Attack?"))
    # "In my prior article, <Title>, ..." and "(see my articles: A and B?)"
    assert (night.pk, "How to Stop Fighting the Night") in found
    assert (anxiety.pk, "Is It Anxiety or Intuition?") in found
    assert found.count((night.pk, "How to Stop Fighting the Night")) == 2


def test_blogger_soup_becomes_paragraphs_and_series_link_each_other(blog, about_me):
    run(FIXTURES / "blogger_soup.xml")
    one = draft("Shame and the Inner Critic, Part 1")
    two = draft("Shame and the Inner Critic, Part 2")
    intro = next(b.value.source for b in one.body if b.block_type == "intro")
    assert intro == (
        "<p>The inner critic speaks in a familiar voice. It often sounds like "
        "someone from long ago.</p>"
    )
    assert "&nbsp;" not in str(one.body.raw_data)
    assert "\xa0" not in str(one.body.raw_data)
    (story,) = vignettes(one)
    assert story["kind"] == "composite"
    assert story["disclaimer"].startswith("This story is a composite")
    assert list(story["people"]) == ["Rosa"]
    # A reference inside the story stays inside it, and resolves.
    story_html = "".join(str(c.value.source) for c in story["body"][1:])
    assert links(story_html) == [(two.pk, "Shame and the Inner Critic, Part 2")]
    assert (one.pk, "Shame and the Inner Critic, Part 1") in all_links(two)


def test_lower_case_scraped_text_finds_the_repeated_name(blog, about_me):
    run(FIXTURES / "scraped_stopwords.txt")
    page = draft("Feeling invisible in a crowd")
    (story,) = vignettes(page)
    assert list(story["people"]) == ["Amara"]
    assert story["body"][0].value == "Amara"
    assert story["body"][1].value.source.startswith("<p>Amara grew household")
    assert story["disclaimer"] == "Following fictional vignette illustrate point"


@pytest.mark.parametrize(
    "opening",
    [
        [Unit("heading", "Fictional Clinical Vignette")],
        [Unit("heading", "Composite Vignette: Two Kinds of Quiet")],
        [Unit("heading", "Clinical Vignette")],
        [Unit("heading", "Fictionalized Vignette")],
        [Unit("text", "The following fictional vignette shows this at work.")],
        [Unit("text", "The following composite example blends several clients.")],
        [Unit("text", "Consider the following composite scenario.")],
        [
            Unit("heading", "Fictional Clinical Vignette: Quiet"),
            Unit("text", "The following fictional vignette is invented."),
        ],
        [
            Unit("text", "The following composite scenario is drawn from many."),
            Unit("heading", "Composite Vignette"),
        ],
    ],
)
def test_each_way_of_opening_a_story_gives_exactly_one_vignette(opening):
    units = [
        Unit("text", "Quiet can be a way of staying safe."),
        *opening,
        Unit("heading", "Noor"),
        Unit(
            "text", "Noor spoke softly in every session. Noor's sister spoke for her."
        ),
        Unit("heading", "Conclusion"),
        Unit("text", "Being heard takes practice."),
    ]
    parsed = assemble(units, "Quiet")
    (story,) = parsed.vignettes
    assert story.people == ["Noor"]
    assert [u.kind for u in story.body] == ["heading", "text"]
    assert story.title not in ("Noor", "")
    assert [kind for kind, _ in parsed.blocks] == ["intro", "vignette", "conclusion"]


@pytest.mark.parametrize(
    "html",
    [
        "<h3>Fictional Clinical Vignette</h3><p>Sam came in late.</p>",
        "<p>The following fictional vignette shows it.</p><p>Sam came in late.</p>",
        "<p>Consider the following composite scenario.</p><p>Sam came in late.</p>",
        # Not marked as a vignette at all:
        "<p><b>Sam</b></p><p>Sam came to therapy after his divorce.</p>",
        "<p>Take a case example from my practice: a man came in late.</p>",
        "<p>Picture this scenario. A woman sits in her car.</p>",
        "<p>A client named Sam came to see me.</p>",
    ],
)
def test_publish_never_puts_a_story_live_unticked(blog, about_me, tmp_path, html):
    path = tmp_path / "export.xml"
    path.write_text(
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>"
        "<category scheme='http://schemas.google.com/g/2005#kind' "
        "term='http://schemas.google.com/blogger/2008/kind#post'/>"
        "<title>Coming in late</title>"
        f"<content type='html'>{BeautifulSoup(html, 'html.parser').decode()!s}"
        "</content></entry></feed>".replace("<p>", "&lt;p&gt;")
        .replace("</p>", "&lt;/p&gt;")
        .replace("<b>", "&lt;b&gt;")
        .replace("</b>", "&lt;/b&gt;")
        .replace("<h3>", "&lt;h3&gt;")
        .replace("</h3>", "&lt;/h3&gt;")
    )
    output = run(path, "--publish")
    page = ArticlePage.objects.get(title="Coming in late")
    assert not page.live
    assert "Check before publishing (kept as drafts):" in output
    assert "Coming in late: " in output


def test_publish_puts_plain_articles_live(blog, about_me):
    output = run(FIXTURES / "blogger_soup.xml", "--publish")
    assert ArticlePage.objects.get(title="Office Hours Over the Summer").live
    assert not ArticlePage.objects.get(title="Shame and the Inner Critic, Part 1").live
    assert not ArticlePage.objects.get(title="Shame and the Inner Critic, Part 2").live
    assert "Part 2: the name “Dev” stands on a line of its own" in output


@pytest.mark.parametrize(
    ("kind", "wording"),
    [("composite", COMPOSITE_DISCLAIMER), ("fictional", DEFAULT_DISCLAIMER)],
)
def test_a_story_without_a_disclaimer_of_its_own_gets_its_kinds_wording(kind, wording):
    story = Vignette(kind=kind, title="Dev's story", openers=["Case study"])
    value = vignette_value(story, html=lambda units: "", figure=lambda picture: None)
    assert value["disclaimer"] == wording
    assert not publish_problems(value | {"deidentified": True})


def test_the_client_is_the_person_the_story_keeps_naming_not_a_place_said_once():
    units = [
        Unit("heading", "Fictional vignette"),
        Unit(
            "text",
            "After a move to Denver, Lena stopped calling her brother Tomas. "
            "Lena told herself she was busy. Months later Lena rang him first.",
        ),
    ]
    (story,) = assemble(units, "Keeping in touch").vignettes
    assert story.people[0] == "Lena" and "Tomas" in story.people
    assert story.title == "Lena's story"
