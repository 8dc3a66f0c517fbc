"""Script typed by an editor into any field stays text: every page type, the
feeds and the JSON-LD render it inert.

Every field an editor types into gets a payload: page titles and summaries,
a vignette's title, pseudonyms and disclaimer, the about-me snippet, a topic
name, the settings and the site name. Rich text holds what the editor's
typing produces (escaped text) plus a `javascript:` link posted through the
admin, which Wagtail drops.
"""

import json
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Site
from wagtail.test.utils.form_data import rich_text

from base.models import GettingHelpSettings, ReaderNoticeSettings, SharingSettings
from blog.models import ArticlePage
from home.models import StandardPage
from tests.factories import (
    article_body,
    home_page,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
    make_vignette_library,
    vignette_value,
)
from tests.forms import article_form, vignette_form

SCRIPT = "<script>alert('xss')</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
LD_BREAKOUT = "</script><script>alert(2)</script>"
JS_URL = "javascript:alert(3)"
PAYLOAD = f"{SCRIPT}{BREAKOUT}{LD_BREAKOUT}"
ESCAPED = "<p>&lt;script&gt;alert('xss')&lt;/script&gt;&lt;img onerror&gt;</p>"
ITEM_TAGS = ("item", "entry")
# RSS description and content:encoded, Atom summary and content: HTML.
HTML_TAGS = ("description", "encoded", "summary", "content")


@pytest.fixture
def hostile_site(db):
    site = Site.objects.get(is_default_site=True)
    site.site_name = f"Practice {PAYLOAD}"
    site.save()
    home = home_page()
    home.title = f"Home {PAYLOAD}"
    home.save_revision().publish()
    about = make_about_me(
        name=f"Robin {PAYLOAD}",
        credentials=f"LMHC, {PAYLOAD}",
        job_title=f"Therapist {PAYLOAD}",
        bio=ESCAPED,
        specialties=f"Grief\n{PAYLOAD}",
        modalities=PAYLOAD,
        location=f"Albany {PAYLOAD}",
    )
    GettingHelpSettings.objects.update(heading=f"Help {PAYLOAD}", offer=ESCAPED)
    SharingSettings.objects.update(description=f"About {PAYLOAD}")
    ReaderNoticeSettings.objects.update(crisis_notice=f"<p>Call 988</p>{ESCAPED}")
    make_blog_index()
    make_vignette_library()
    fees = StandardPage(
        title=f"Fees {PAYLOAD}",
        slug="fees",
        show_in_menus=True,
        body=[
            ("heading", f"Sessions {PAYLOAD}"),
            ("paragraph", ESCAPED),
            ("question", {"question": f"Cost {PAYLOAD}", "answer": ESCAPED}),
        ],
    )
    home_page().add_child(instance=fees)
    fees.save_revision().publish()
    body = article_body(about_me=about, intro=ESCAPED, conclusion=ESCAPED)
    body[1] = (
        "vignette",
        vignette_value(
            title=f"Iris {PAYLOAD}",
            disclaimer=f"Invented. {PAYLOAD}",
            people=[f"Iris {PAYLOAD}", JS_URL],
        ),
    )
    return make_article(
        title=f"Silence {PAYLOAD}",
        slug="silence",
        summary=f"Summary {PAYLOAD}",
        search_description=f"Described {PAYLOAD}",
        tags=[f"grief {PAYLOAD}"],
        body=body,
    )


def assert_inert_html(html, where):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json", (where, script)
        assert "<" not in script.string, (where, "JSON-LD must escape <")
        json.loads(script.string)
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (where, element)
            if name in ("href", "src", "action", "formaction", "srcset"):
                assert "javascript:" not in str(value).lower(), (where, element)
    assert not soup.find_all("img", src="x"), where
    return soup


def json_ld(html):
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(s.string) for s in soup.find_all("script")]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/blog/",
        "/blog/topics/",
        "/blog/silence/",
        "/vignettes/",
        "/fees/",
        "/search/?q=silence",
        "/no-such-page/",
    ],
)
def test_every_page_type_renders_the_payloads_as_text(client, hostile_site, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    soup = assert_inert_html(response.text, path)
    # The payload is still there, shown as the text the editor typed.
    assert "<script>alert('xss')</script>" in soup.get_text()


def test_the_topic_page_renders_a_hostile_topic_name_as_text(client, hostile_site):
    topic = hostile_site.tags.get()
    response = client.get(f"/blog/topics/{topic.slug}/")
    assert response.status_code == 200
    assert_inert_html(response.text, "topic")
    heading = BeautifulSoup(response.text, "html.parser").h1.get_text(strip=True)
    assert heading.endswith(topic.name)


def test_json_ld_keeps_the_payload_as_data_and_cannot_be_closed(client, hostile_site):
    article = client.get("/blog/silence/").text
    (posting,) = json_ld(article)
    assert posting["headline"] == f"Silence {PAYLOAD}"
    assert posting["author"]["name"] == f"Robin {PAYLOAD}"
    assert "\\u003C/script\\u003E" in article
    home = client.get("/").text
    (graph,) = json_ld(home)
    names = {node.get("name") for node in graph["@graph"]}
    assert f"Robin {PAYLOAD}" in names
    (faq,) = json_ld(client.get("/fees/").text)
    assert faq["mainEntity"][0]["name"] == f"Cost {PAYLOAD}"


@pytest.mark.parametrize(
    "path", ["/blog/feed/", "/blog/feed/atom/", "/blog/topics/{slug}/feed/"]
)
def test_feeds_escape_titles_and_carry_inert_html(client, hostile_site, path):
    path = path.format(slug=hostile_site.tags.get().slug)
    response = client.get(path)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # well-formed XML
    # Titles are text, escaped in the XML; a reader parsing them gets the
    # payload back as written.
    assert f"Silence {PAYLOAD}" in [element.text for element in root.iter()]
    # Each entry's HTML a feed reader renders (description, summary,
    # content) is inert.
    entries = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ITEM_TAGS]
    html = [
        element.text
        for entry in entries
        for element in entry
        if element.tag.rsplit("}", 1)[-1] in HTML_TAGS
        and element.text
        and "<" in element.text
    ]
    assert html, "the feed carries the article's HTML"
    for text in html:
        assert_inert_html(text, path)


def test_the_admin_drops_a_javascript_link_typed_into_rich_text(client, db):
    client.force_login(make_superuser())
    article = make_article(title="Links", slug="links")
    link = f'<p>Read <a href="{JS_URL}">this</a> and <a href="https://example.com/">that</a>.</p>'
    data = article_form(
        [
            ("intro", rich_text(link)),
            ("vignette", vignette_form()),
            ("conclusion", rich_text("<p>Done.</p>")),
            ("getting_help", {"text": rich_text("")}),
        ],
        title="Links",
        slug="links",
    )
    data["action-publish"] = "publish"
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    intro = str(ArticlePage.objects.get(pk=article.pk).body[0].value)
    assert "https://example.com/" in intro
    assert "javascript:" not in intro
    client.logout()
    assert_inert_html(client.get("/blog/links/").text, "links")


@pytest.mark.parametrize("field", ["website", "booking_url"])
def test_the_about_me_refuses_a_javascript_address(db, field):
    about = make_about_me(**{field: "https://example.com/"})
    setattr(about, field, JS_URL)
    with pytest.raises(ValidationError) as raised:
        about.full_clean()
    assert "Enter a valid URL." in raised.value.message_dict[field]
