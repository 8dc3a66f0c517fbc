"""Series: an article in one shows "Part 2 of 3 in <series>" with the others
in order; /blog/series/<slug>/ lists it; the therapist orders it as a
snippet; and imported "Part 1" / "Part 2" articles become one."""

import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from blog.models import ArticlePage
from blog.series import Series, SeriesArticle, part_of
from tests.factories import make_article, make_superuser

pytestmark = pytest.mark.django_db


def make_series(title, articles, **fields):
    series = Series(title=title, **fields)
    series.series_articles = [
        SeriesArticle(article=article, sort_order=place)
        for place, article in enumerate(articles)
    ]
    series.save()
    return series


def series_nav(html):
    nav = re.search(r'<nav class="series-nav".*?</nav>', html, re.S)
    return nav and nav.group(0)


@pytest.mark.parametrize(
    "title, found",
    [
        ("Grief, Part 1", ("Grief", 1)),
        ("Grief (part two)", ("Grief", 2)),
        ("Grief: Part 3 of 3", ("Grief", 3)),
        ("When anxiety speaks - Pt. 2", ("When anxiety speaks", 2)),
        ("A part of me", None),
        ("Departure 2", None),
        ("Part 1", None),
    ],
)
def test_a_title_names_its_part(title, found):
    assert part_of(title) == found


def test_an_article_shows_its_place_and_the_others_in_order(client, blog):
    one, two, three = (make_article(title=f"Grief, part {n}") for n in (1, 2, 3))
    make_series("Living with grief", [one, two, three])
    nav = series_nav(client.get(two.url).text)
    assert "Part 2 of 3" in nav and "Living with grief" in nav
    assert re.findall(r">(Grief, part \d)<", nav) == [
        "Grief, part 1",
        "Grief, part 2",
        "Grief, part 3",
    ]
    # The others are links; this one is marked as the current part.
    assert f'href="{one.url}"' in nav and f'href="{three.url}"' in nav
    assert '<span aria-current="page">Grief, part 2</span>' in nav
    assert 'href="/blog/series/living-with-grief/"' in nav


def test_only_parts_readers_can_see_are_counted(client, blog):
    one = make_article(title="First")
    draft = make_article(title="Draft", publish=False)
    three = make_article(title="Third")
    make_series("Anxiety at work", [one, draft, three])
    nav = series_nav(client.get(three.url).text)
    assert "Part 2 of 2" in nav and "Draft" not in nav


def test_an_article_in_no_series_shows_none(client, blog):
    assert series_nav(client.get(make_article().url).text) is None


def test_the_series_page_lists_it_in_order(client, blog):
    first, second = make_article(title="Begin"), make_article(title="Continue")
    make_series("Starting therapy", [second, first], description="<p>Two steps.</p>")
    response = client.get("/blog/series/starting-therapy/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Starting therapy</h1>" in html and "Two steps." in html
    assert html.index(">Continue</a>") < html.index(">Begin</a>")
    assert client.get("/blog/series/no-such-series/").status_code == 404


def test_the_therapist_orders_a_series_as_a_snippet(client, blog):
    client.force_login(make_superuser())
    first, second = make_article(title="Begin"), make_article(title="Continue")
    data = nested_form_data(
        {
            "title": "Shame, slowly",
            "slug": "",
            "description": rich_text("<p>In order.</p>"),
            "series_articles": inline_formset(
                [{"article": second.pk}, {"article": first.pk}]
            ),
        }
    )
    response = client.post(reverse("wagtailsnippets_blog_series:add"), data)
    assert response.status_code == 302
    series = Series.objects.get()
    assert series.slug == "shame-slowly"
    assert [link.article_id for link in series.series_articles.all()] == [
        second.pk,
        first.pk,
    ]
    assert "Part 1 of 2" in series_nav(client.get(second.url).text)
    listing = client.get(reverse("wagtailsnippets_blog_series:list"))
    assert "Shame, slowly" in listing.text


def test_imported_parts_become_one_series(blog, about_me, tmp_path):
    archive = tmp_path / "posts.zip"
    with zipfile.ZipFile(archive, "w") as files:
        for n, day in ((2, "2021-02-01"), (1, "2021-01-01"), (3, "2021-03-01")):
            files.writestr(
                f"grief-{n}.md",
                f"---\ntitle: Grief, Part {n}\ndate: {day}\n---\n\n"
                f"Grief comes in waves, part {n}.\n",
            )
        files.writestr("other.md", "---\ntitle: Something else\n---\n\nWords.\n")
    call_command("import_articles", str(archive), stdout=io.StringIO())
    (series,) = Series.objects.all()
    assert series.title == "Grief"
    titles = [link.article.title for link in series.series_articles.all()]
    assert titles == ["Grief, Part 1", "Grief, Part 2", "Grief, Part 3"]
    # Importing again changes nothing.
    call_command("import_articles", str(archive), stdout=io.StringIO())
    assert Series.objects.get().series_articles.count() == 3
    assert ArticlePage.objects.filter(title__startswith="Grief").count() == 3
