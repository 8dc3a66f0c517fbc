"""Where a reader goes next: related articles and older/newer links."""

from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_article, make_articles

pytestmark = pytest.mark.django_db


def titles(pages):
    return [page.title for page in pages]


def test_hand_picked_come_first_in_editor_order_then_most_shared_topics(blog):
    picked_b, picked_a = make_articles(2)
    make_article(title="One shared, older", date=date(2026, 2, 1), tags=["A"])
    make_article(title="One shared, newer", date=date(2026, 3, 1), tags=["B"])
    make_article(title="Two shared", date=date(2025, 1, 1), tags=["A", "B"])
    make_article(title="Nothing shared", tags=["Z"])
    page = make_article(tags=["A", "B", "C"], related=[picked_a, picked_b])
    assert titles(page.related_articles()) == [
        "Dated 1",
        "Dated 0",
        "Two shared",
        "One shared, newer",
    ]


def test_automatic_fill_when_nothing_is_hand_picked(blog):
    make_article(title="Shares one", tags=["A"])
    make_article(title="Shares none", tags=["Q"])
    page = make_article(tags=["A"])
    assert titles(page.related_articles()) == ["Shares one"]


def test_never_self_drafts_private_or_twice(blog):
    draft = make_article(title="Draft", tags=["A"])
    private = make_article(title="Private", tags=["A"])
    also_shared = make_article(title="Picked and shared", tags=["A"])
    page = make_article(tags=["A"], related=[also_shared, draft, private])
    draft.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(page.related_articles()) == ["Picked and shared"]


def test_at_most_four(client, blog):
    make_articles(6, tags=["A"])
    page = make_article(tags=["A"])
    assert len(page.related_articles()) == 4
    html = client.get(page.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert related.count('class="article-summary"') == 4


def test_related_section_links_to_each_article(client, blog):
    first, second = make_articles(2)
    page = make_article(related=[second, first])
    html = client.get(page.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert related.index(second.url) < related.index(first.url)


def test_older_and_newer_links_follow_publication_date(client, blog):
    oldest, middle, newest = make_articles(3)
    html = client.get(middle.url).content.decode()
    assert f'<a class="older" href="{oldest.url}" rel="prev">' in html
    assert f'<a class="newer" href="{newest.url}" rel="next">' in html
    assert middle.neighbours() == (oldest, newest)
    assert oldest.neighbours() == (None, middle)
    assert newest.neighbours() == (middle, None)


def test_same_day_articles_still_have_an_order(blog):
    first, second, third = (make_article(date=date(2026, 1, 1)) for _ in range(3))
    assert second.neighbours() == (first, third)


def test_neighbours_skip_drafts_and_private_articles(blog):
    oldest, draft, private, newest = make_articles(4)
    draft.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert oldest.neighbours() == (None, newest)


def test_only_article_has_no_neighbour_links(client, blog):
    page = make_article()
    html = client.get(page.url).content.decode()
    assert 'rel="prev"' not in html and 'rel="next"' not in html
