"""Links between articles follow renames, never dead-end for readers, and
the therapist has a report of the ones that went quiet."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import article_body, make_article, make_superuser, vignette_value

pytestmark = pytest.mark.django_db


def linking_to(target, text="the other article", **kwargs):
    paragraph = f'<p>See my article <a linktype="page" id="{target.pk}">{text}</a>.</p>'
    return make_article(body=[*article_body(), ("paragraph", paragraph)], **kwargs)


def test_links_follow_a_renamed_article(client, blog):
    target = make_article(slug="old-name")
    source = linking_to(target)
    target.slug = "new-name"
    target.save_revision().publish()
    response = client.get(source.url)
    assert '<a href="/blog/new-name/">the other article</a>' in response.text


def test_a_link_to_an_unpublished_article_is_plain_text_until_it_returns(client, blog):
    target = make_article(slug="target")
    source = linking_to(target)
    target.unpublish()
    response = client.get(source.url)
    assert "See my article <a>the other article</a>." in response.text
    assert 'href="/blog/target/"' not in response.text
    target.get_latest_revision().publish()
    response = client.get(source.url)
    assert '<a href="/blog/target/">the other article</a>' in response.text


def test_a_link_to_a_deleted_article_is_plain_text(client, blog):
    target = make_article(slug="target")
    source = linking_to(target)
    target.delete()
    response = client.get(source.url)
    assert "See my article <a>the other article</a>." in response.text


def test_links_cost_the_same_however_many_paragraphs_have_one(client, blog, settings):
    """Once an article's fragment is cached, its links cost nothing more, however
    many paragraphs have one, dead ones included (Wagtail expands the links of
    each paragraph itself; the fragment keeps the result)."""
    settings.FRAGMENT_CACHE_SECONDS = 3600
    live, gone = make_article(), make_article()

    def with_links(count):
        paragraphs = [
            ("paragraph", f'<p><a linktype="page" id="{target.pk}">{n}</a></p>')
            for n in range(count)
            for target in (live, gone)
        ]
        return make_article(body=[*article_body(), *paragraphs])

    few, many = with_links(1), with_links(8)
    gone.delete()
    counts = []
    for article in (few, many):
        client.get(article.url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(article.url).text
        assert f'<a href="{live.url}">0</a>' in html and "<a>0</a>" in html
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.fixture
def editor(client):
    client.force_login(make_superuser())
    return client


def report_rows(client):
    """The report page, and the rows of its table (without the heading row)."""
    response = client.get(reverse("links_to_unpublished_pages"))
    assert response.status_code == 200
    assert "<h1" in response.text and "Links to unpublished pages" in response.text
    table = re.search(r"<table class=\"listing.*?</table>", response.text, re.DOTALL)
    if table is None:
        return response, []
    return response, re.findall(r"<tr\b.*?</tr>", table.group(), re.DOTALL)[1:]


def test_report_lists_live_articles_linking_to_unpublished_pages(editor, blog):
    target = make_article(title="Choosing a therapist")
    source = linking_to(target, text="how to choose", title="Asking for help")
    vignette = vignette_value(
        body=[
            (
                "paragraph",
                f'<p>Iris had read <a linktype="page" id="{target.pk}">a guide'
                "</a>.</p>",
            )
        ]
    )
    in_vignette = make_article(title="Iris again", body=[("vignette", vignette)])
    linking_to(target, publish=False, title="Unfinished")
    response, rows = report_rows(editor)
    assert rows == []
    assert "There are no links to unpublished pages to display." in response.text

    target.unpublish()
    response, rows = report_rows(editor)
    assert len(rows) == 2
    assert "Asking for help" in rows[0] and "how to choose" in rows[0]
    assert reverse("wagtailadmin_pages:edit", args=[source.pk]) in rows[0]
    assert "Choosing a therapist" in rows[0] and "Draft" in rows[0]
    assert "Iris again" in rows[1] and "a guide" in rows[1]
    assert reverse("wagtailadmin_pages:edit", args=[in_vignette.pk]) in rows[1]
    assert "Unfinished" not in response.text
    results = editor.get(reverse("links_to_unpublished_pages_results"))
    assert results.status_code == 200
    assert "how to choose" in results.text and "<html" not in results.text

    target.get_latest_revision().publish()
    _, rows = report_rows(editor)
    assert rows == []


def test_report_is_in_the_reports_menu(editor, blog):
    response = editor.get(reverse("wagtailadmin_home"))
    assert "Links to unpublished pages" in response.text
    assert reverse("links_to_unpublished_pages") in response.text


def test_report_is_for_editors_only(client, blog):
    response = client.get(reverse("links_to_unpublished_pages"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
