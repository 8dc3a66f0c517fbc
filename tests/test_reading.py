"""What a reader sees on the blog index, an article and the home page."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import article_body, make_about_me, make_article, make_image

pytestmark = pytest.mark.django_db

START = date(2026, 1, 1)
# Measured: Wagtail's routing costs most of these; issue 7 trims them.
HOME_QUERIES = 10
BLOG_INDEX_QUERIES = 12
ARTICLE_QUERIES = 16


def make_articles(count, **kwargs):
    return [
        make_article(title=f"Dated {i}", date=START + timedelta(days=i), **kwargs)
        for i in range(count)
    ]


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_blog_lists_newest_first_ten_per_page(client, blog):
    make_articles(12)
    first = client.get("/blog/")
    assert titles(first) == [f"Dated {i}" for i in range(11, 1, -1)]
    second = client.get("/blog/", {"page": 2})
    assert titles(second) == ["Dated 1", "Dated 0"]
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize(
    "page, shown",
    [
        ("abc", "first"),
        ("1.5", "first"),
        ("", "first"),
        ("99999", "last"),
        ("-1", "last"),
        ("0", "last"),
    ],
)
def test_bad_page_numbers_give_a_normal_page(client, blog, page, shown):
    make_articles(12)
    response = client.get("/blog/", {"page": page})
    assert response.status_code == 200
    expected = ["Dated 11", "Dated 10"] if shown == "first" else ["Dated 1", "Dated 0"]
    assert titles(response)[:2] == expected


def test_drafts_and_private_articles_are_not_listed(client, blog):
    make_article(title="Published")
    make_article(title="Draft", publish=False)
    private = make_article(title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(client.get("/blog/")) == ["Published"]


def test_blog_index_query_count_does_not_grow(
    client, blog, django_assert_max_num_queries
):
    make_articles(3, tags=["Anxiety", "Grief"])
    with django_assert_max_num_queries(BLOG_INDEX_QUERIES):
        small = client.get("/blog/")
    make_articles(20, tags=["Anxiety", "Shame"])
    with django_assert_max_num_queries(BLOG_INDEX_QUERIES):
        large = client.get("/blog/")
    assert len(titles(small)) == 3 and len(titles(large)) == 10


def test_article_query_count_does_not_grow(client, blog, django_assert_max_num_queries):
    about_me = make_about_me()
    others = make_articles(2)
    small = make_article(body=article_body(about_me), tags=["A"], related=others)
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        client.get(small.url)
    others = make_articles(4)
    paragraphs = [("paragraph", f"<p>Paragraph {i}</p>") for i in range(20)]
    large = make_article(
        body=article_body(about_me) + paragraphs,
        tags=["A", "B", "C", "D"],
        related=others,
    )
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        response = client.get(large.url)
    assert response.status_code == 200


def test_reading_pages_never_writes(client, blog):
    page = make_article(body=article_body(make_about_me()))
    for url in ("/", "/blog/", page.url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        writes = [
            q["sql"] for q in queries if not q["sql"].lstrip().startswith("SELECT")
        ]
        assert writes == [], url


def test_related_articles_keep_order_and_hide_drafts_private_and_self(client, blog):
    first, second, third = make_articles(3)
    page = make_article(related=[third, first, second])
    second.unpublish()
    PageViewRestriction.objects.create(
        page=first, restriction_type=PageViewRestriction.LOGIN
    )
    assert page.related_articles == [third]
    html = client.get(page.url).content.decode()
    assert 'href="/blog/' + third.slug + '/"' in html
    assert second.title not in html


def test_home_query_count_does_not_grow(client, blog, django_assert_max_num_queries):
    make_articles(2, tags=["Anxiety"])
    with django_assert_max_num_queries(HOME_QUERIES):
        client.get("/")
    make_articles(15, tags=["Anxiety", "Grief", "Shame"])
    with django_assert_max_num_queries(HOME_QUERIES):
        client.get("/")


def test_home_shows_latest_articles(client, blog):
    make_articles(4)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dated 3" in html and "Dated 0" not in html
    assert html.count("<h1") == 1


def test_article_shows_its_header_image_and_the_bio_photo(client, blog):
    photo = make_image("Portrait")
    about_me = make_about_me(photo=photo)
    page = make_article(image=make_image("Header"), body=article_body(about_me))
    html = client.get(page.url).content.decode()
    assert re.search(r'<img [^>]*alt="Header"[^>]*class="article-image"', html)
    assert re.search(r'<img [^>]*class="about-me-photo"', html)


def test_server_error_page_renders_without_context():
    html = render_to_string("500.html")
    assert "<h1>Something went wrong</h1>" in html
    assert "988" in html


def test_unknown_page_is_a_404_with_the_site_template(client, blog):
    response = client.get("/blog/no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
