"""Every public page carries the headers Mozilla's Observatory grades A+; the
admin gets the looser policy Wagtail's editor needs, and only it may frame.
HSTS, sent by the production settings only, is checked in test_production.py."""

import pytest

from tests.factories import (
    article_body,
    make_article,
    make_blog_index,
    make_vignette_library,
)

PUBLIC_PATHS = [
    "/",
    "/blog/",
    "/blog/?page=2",
    "/blog/topics/",
    "/blog/topics/grief/",
    "/blog/article-headers/",
    "/blog/feed/",
    "/blog/feed/atom/",
    "/vignettes/",
    "/search/?q=grief",
    "/sitemap.xml",
    "/robots.txt",
    "/no-such-page/",
]


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def site(db, about_me):
    make_blog_index()
    make_vignette_library()
    make_article(
        title="Headers", slug="article-headers", tags=["grief"], body=article_body()
    )


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_forbid_inline_script_and_style_and_framing(client, site, path):
    response = client.get(path)
    assert response.status_code in (200, 404)

    csp = policy(response)
    for directive in ("default-src", "script-src", "style-src"):
        assert csp[directive] == ["'self'"], directive
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "interest-cohort"):
        assert f"{feature}=()" in permissions


def test_a_page_from_the_page_cache_keeps_its_headers(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get("/blog/article-headers/")["X-Page-Cache"] == "miss"
    cached = client.get("/blog/article-headers/")
    assert cached["X-Page-Cache"] == "hit"
    assert policy(cached)["script-src"] == ["'self'"]
    assert "camera=()" in cached["Permissions-Policy"]


def test_admin_allows_what_the_editor_needs_and_frames_only_itself(editor_client, site):
    response = editor_client.get("/admin/")
    csp = policy(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["frame-src"] == ["'self'"]


def test_the_admin_preview_of_an_article_may_be_framed_by_the_admin(
    editor_client, site
):
    from blog.models import ArticlePage

    article = ArticlePage.objects.get(slug="article-headers")
    response = editor_client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
