"""Every page's footer notices, the error pages, and the privacy promise."""

import re

import pytest
from django.test import RequestFactory

from base.models import ReaderNoticeSettings
from blog.models import BlogIndexPage
from cms.views import server_error
from tests.factories import article_body, make_about_me, make_article
from tests.forms import post_notices

pytestmark = pytest.mark.django_db


def reader_urls():
    page = make_article(tags=["Grief"], body=article_body(make_about_me()))
    return ["/", "/blog/", "/blog/topics/", "/blog/topics/grief/", page.url]


def test_every_page_has_landmarks_one_h1_and_both_notices(client, blog):
    for url in [*reader_urls(), "/no-such-page/"]:
        response = client.get(url)
        html = response.content.decode()
        assert html.count("<h1") == 1, url
        assert html.index('class="skip-link" href="#main"') < html.index("<header")
        for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
            assert landmark in html, (url, landmark)
        footer = html[html.index("<footer") :]
        assert "988" in footer and "911" in footer, url
        assert "Reading this blog is not therapy" in footer, url


def test_anonymous_readers_get_no_cookies_and_no_third_party_assets(client, blog):
    for url in reader_urls():
        response = client.get(url)
        assert response.cookies == {}, url
        html = response.content.decode()
        # Canonical and feed links name addresses; browsers fetch none of them.
        assets = re.findall(
            r'<(?:link(?! rel="(?:canonical|alternate)")|script|img|iframe)\b[^>]*>',
            html,
        )
        for tag in assets:
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), (url, tag)
        # Structured data is the only script, and it never runs.
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert set(scripts) <= {'<script type="application/ld+json">'}, url


def test_editor_can_reword_the_crisis_notice(editor_client, client, blog):
    response = post_notices(
        editor_client, "<p>In the UK, call Samaritans on 116 123 or 999 in danger.</p>"
    )
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Samaritans on 116 123" in html and "988" not in html
    assert "This blog is not therapy." in html


@pytest.mark.parametrize("empty", ["", "<p></p>", "<p> &nbsp; </p>"])
def test_crisis_notice_cannot_be_left_empty(editor_client, client, blog, empty):
    response = post_notices(editor_client, empty, "<p>Still here.</p>")
    assert response.status_code == 200
    assert "crisis_notice" in response.context["form"].errors
    assert "988" in ReaderNoticeSettings.objects.get().crisis_notice
    assert "988" in client.get("/").content.decode()


def test_server_error_page_needs_no_database_and_keeps_the_crisis_notice():
    # No django_db mark here: any query would fail the test.
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in html
    assert "988" in html and "911" in html
    assert "/static/css/site.css" in html


def test_a_crashing_page_shows_that_page(client, blog, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("the template engine broke")

    monkeypatch.setattr(BlogIndexPage, "serve", crash)
    client.raise_request_exception = False
    response = client.get("/blog/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in html
    assert "988" in html and "Traceback" not in html


def test_unknown_page_is_a_404_with_the_site_template(client, blog):
    response = client.get("/blog/no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
