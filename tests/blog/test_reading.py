"""What a reader sees on the home page, the blog index and an article."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_articles,
    make_image,
    vignette_value,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["articles"]]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


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


def test_a_restricted_blog_hides_all_its_articles_from_listings(client, blog):
    make_article(title="Inside")
    PageViewRestriction.objects.create(
        page=blog, restriction_type=PageViewRestriction.LOGIN
    )
    html = html_of(client, "/")
    assert "Inside" not in html


def test_blog_entry_shows_title_date_summary_reading_time_and_topic_links(client, blog):
    make_article(
        title="Why naps help",
        summary="Rest is not laziness.",
        date="2026-04-03",
        tags=["Sleep", "Self-care"],
    )
    html = html_of(client, "/blog/")
    assert '<a href="/blog/topics/">Browse articles by topic</a>' in html
    entry = html[html.index('class="article-summary"') :]
    assert 'href="/blog/article-' in entry and "Why naps help" in entry
    assert '<time datetime="2026-04-03">April 3, 2026</time>' in entry
    assert "Rest is not laziness." in entry
    assert "1 min read" in entry
    assert '<a href="/blog/topics/sleep/">Sleep</a>' in entry
    assert '<a href="/blog/topics/self-care/">Self-care</a>' in entry


def test_reading_time_counts_the_body_at_230_words_a_minute(blog):
    short = make_article()
    words = " ".join(["word"] * 700)
    long = make_article(body=article_body(intro=f"<p>{words}</p>"))
    assert short.reading_time == 1
    assert long.reading_time == 4  # about 715 words in all: 3.1 minutes, rounded up


def test_article_parts_are_set_apart_in_reading_order(client, blog):
    about_me = make_about_me(name="Robin Alder")
    page = make_article(
        title="The long way round",
        date="2026-05-01",
        tags=["Avoidance"],
        body=article_body(
            about_me,
            intro="<p>Avoidance shrinks a life slowly.</p>",
            conclusion="<p>Small steps count.</p>",
        ),
    )
    html = html_of(client, page.url)
    assert html.count("<h1") == 1
    assert "<h1>The long way round</h1>" in html
    assert "May 1, 2026" in html and "min read" in html
    assert '<a href="/blog/topics/avoidance/">Avoidance</a>' in html
    assert re.search(r'<div class="lead"><p[^>]*>Avoidance shrinks', html)
    vignette_id = page.body[1].id
    vignette = re.search(
        rf'<section class="vignette vignette-fictional" id="vignette-{vignette_id}" '
        r'aria-label="Fictional clinical vignette: Iris and the borrowed umbrella">'
        r"\s*<p class=\"vignette-label\">Fictional clinical vignette</p>"
        r"\s*<p class=\"vignette-disclaimer\">Iris is invented for this article.</p>",
        html,
    )
    assert vignette, "vignette label and disclaimer come first in a labelled region"
    order = [
        "Avoidance shrinks a life slowly.",
        "Iris kept apologising",
        'class="conclusion"',
        'class="getting-help"',
        'class="about-me"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "Robin Alder" in html


def test_composite_vignette_is_labelled_as_such(client, blog):
    body = article_body()
    body[1] = ("vignette", vignette_value(kind="composite"))
    html = html_of(client, make_article(body=body).url)
    assert '<p class="vignette-label">Composite vignette</p>' in html


def test_article_breadcrumbs_lead_back_to_home_and_blog(client, blog):
    page = make_article(title="Breadcrumbed")
    html = html_of(client, page.url)
    trail = html[html.index('aria-label="Breadcrumb"') :]
    trail = trail[: trail.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', trail) == [
        ("/", "Home"),
        ("/blog/", "Blog"),
    ]
    assert '<li aria-current="page">Breadcrumbed</li>' in trail


def test_article_shows_its_header_image_and_the_bio_photo(client, blog):
    photo = make_image("Portrait")
    about_me = make_about_me(photo=photo)
    page = make_article(image=make_image("Header"), body=article_body(about_me))
    html = html_of(client, page.url)
    assert re.search(r'<img [^>]*alt="Header"[^>]*class="article-image"', html)
    assert re.search(r'<img [^>]*class="about-me-photo"', html)


def test_home_shows_intro_latest_articles_topics_and_about_me(client, blog):
    home = blog.get_parent().specific
    home.intro = "<p>Welcome to a quiet corner.</p>"
    home.save_revision().publish()
    make_about_me(name="Robin Alder", bio="<p>I work with grief and change.</p>")
    make_articles(4, tags=["Grief"])
    make_article(title="Untagged", date="2025-01-01", tags=["Change"])
    html = html_of(client, "/")
    assert html.count("<h1") == 1
    assert "Welcome to a quiet corner." in html
    assert "Dated 3" in html and "Dated 1" in html and "Dated 0" not in html
    assert re.search(
        r'href="/blog/topics/grief/">Grief <span[^>]*>\(4 articles\)', html
    )
    assert re.search(
        r'href="/blog/topics/change/">Change <span[^>]*>\(1 article\)', html
    )
    assert "Robin Alder" in html and "I work with grief and change." in html
    teaser = html[html.index('class="about-me about-me-teaser"') :]
    assert 'href="https://example.com/robin/book/">Get in touch</a>' in teaser
    assert "I help with" not in teaser  # the full card is the article's
    assert '<a href="/blog/">All articles</a>' in html


def test_home_without_a_blog_still_renders(client):
    html = html_of(client, "/")
    assert html.count("<h1") == 1
    assert "Latest articles" not in html
