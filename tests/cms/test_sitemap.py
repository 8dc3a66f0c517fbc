"""sitemap.xml and robots.txt: search engines find every public page."""

from datetime import date
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import make_article, make_vignette_library

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def sitemap(client):
    """Every address in the sitemaps that /sitemap.xml, an index, points to."""
    sections = xml(client, "/sitemap.xml").findall("s:sitemap", NS)
    assert sections
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for section in sections
        for url in xml(client, section.findtext("s:loc", namespaces=NS)).findall(
            "s:url", NS
        )
    }


def test_the_sitemap_lists_exactly_the_live_public_pages(client, blog):
    first = make_article(tags=["Grief"], date=date(2026, 1, 5))
    second = make_article(tags=["Grief", "Shame"], date=date(2026, 2, 5))
    make_article(tags=["Drafts only"], publish=False)
    private = make_article(tags=["Secret"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_vignette_library()
    urls = sitemap(client)
    assert set(urls) == {
        "http://localhost/",
        "http://localhost/blog/",
        "http://localhost/blog/topics/",
        "http://localhost/blog/topics/grief/",
        "http://localhost/blog/topics/shame/",
        f"http://localhost{first.url}",
        f"http://localhost{second.url}",
        "http://localhost/vignettes/",
    }
    assert all(urls.values())  # every entry has a lastmod
    second.refresh_from_db()
    newest = timezone.localdate(second.last_published_at).isoformat()
    assert urls[f"http://localhost{second.url}"] == newest
    assert urls["http://localhost/blog/topics/shame/"] == newest


def test_an_unpublished_article_leaves_the_sitemap(client, blog):
    article = make_article(tags=["Grief"])
    assert f"http://localhost{article.url}" in sitemap(client)
    article.unpublish()
    urls = sitemap(client)
    assert f"http://localhost{article.url}" not in urls
    assert "http://localhost/blog/topics/grief/" not in urls


def test_robots_txt_allows_crawling_but_not_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_sitemap_is_split_into_sitemaps_of_a_thousand_pages(client, blog, settings):
    """No one sitemap request grows with the blog: the index lists sitemaps
    of at most PAGES_PER_SITEMAP pages (here 2, so 5 articles need several)."""
    from cms.sitemaps import PageSitemap

    for n in range(5):
        make_article(date=date(2026, 1, n + 1))
    PageSitemap.limit = 2
    try:
        sections = xml(client, "/sitemap.xml").findall("s:sitemap", NS)
        assert len(sections) >= 3
        every = sitemap(client)
    finally:
        PageSitemap.limit = 1000
    assert sum("/blog/article-" in url for url in every) == 5
