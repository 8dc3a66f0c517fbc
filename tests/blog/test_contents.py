"""An article with three or more headings shows its contents after the
introduction; the links lead to anchors made from block ids, which survive
edits to the text."""

import re

import feedparser
import pytest

from tests.factories import make_article, vignette_value

pytestmark = pytest.mark.django_db


def body(headings):
    return [
        ("intro", "<p>An idea worth explaining.</p>"),
        *[("heading", heading) for heading in headings[:1]],
        ("paragraph", "<p>Some words.</p>"),
        ("vignette", vignette_value(title="Noor and the quiet dinner")),
        *[("heading", heading) for heading in headings[1:]],
        ("conclusion", "<p>What we learned.</p>"),
        ("getting_help", {"text": ""}),
    ]


def contents_of(html):
    nav = re.search(r'<nav class="contents".*?</nav>', html, re.S)
    if nav is None:
        return None
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav.group(0))


def test_three_headings_give_contents_after_the_introduction(client, blog):
    article = make_article(body=body(["Where it starts", "What helps", "Lastly"]))
    html = client.get(article.url).text
    entries = contents_of(html)
    assert [title for _, title in entries] == [
        "Where it starts",
        "Noor and the quiet dinner",
        "What helps",
        "Lastly",
        "Getting help",
    ]
    # After the introduction, before the first part it lists.
    nav_at = html.index('<nav class="contents"')
    assert html.index("An idea worth explaining.") < nav_at
    assert nav_at < html.index(">Where it starts</h2>")
    # Every link has its target on the page, once.
    for anchor, _ in entries:
        assert html.count(f'id="{anchor}"') == 1, anchor
    ids = [block.id for block in article.body]
    assert entries[0][0] == f"section-{ids[1]}"
    assert entries[1][0] == f"vignette-{ids[3]}"
    assert entries[-1][0] == f"getting-help-{ids[-1]}"


def test_the_anchors_survive_an_edit_to_the_text(client, blog):
    article = make_article(body=body(["One", "Two", "Three"]))
    before = contents_of(client.get(article.url).text)
    article.body[1].value = "One, retitled"
    article.save_revision().publish()
    after = contents_of(client.get(article.url).text)
    assert [a for a, _ in after] == [a for a, _ in before]
    assert after[0][1] == "One, retitled"


def test_fewer_than_three_headings_give_no_contents(client, blog):
    article = make_article(body=body(["One", "Two"]))
    assert contents_of(client.get(article.url).text) is None


def test_the_feed_carries_the_article_without_its_contents(client, blog):
    make_article(body=body(["One", "Two", "Three"]))
    feed = feedparser.parse(client.get("/blog/feed/").content)
    (entry,) = feed.entries
    assert "Noor and the quiet dinner" in entry.content[0].value
    assert 'class="contents"' not in entry.content[0].value
