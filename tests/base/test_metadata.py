"""What search engines and link previews read: meta tags, canonical links and
JSON-LD structured data."""

import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from base.models import SharingSettings
from base.text import first_sentences
from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_articles,
    make_image,
    make_vignette_library,
)

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The <head>'s meta tags, links, title and JSON-LD, and the <html lang>."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.links, self.json_ld = {}, {}, []
        self.lang = self.title = None
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs["content"])
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links["canonical"] = attrs["href"]
        elif tag == "title" or (
            tag == "script" and attrs.get("type") == "application/ld+json"
        ):
            self._in = tag

    def handle_data(self, data):
        if self._in == "title":
            self.title = data
        elif self._in == "script":
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in = None

    def one(self, key):
        (value,) = self.meta[key]
        return value


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


@pytest.fixture
def article(blog):
    about = make_about_me(credentials="LCSW, PhD", job_title="Psychotherapist")
    image = make_image()
    image.description = "An empty armchair by a window"
    image.save()
    return make_article(
        title="Why we go quiet",
        summary="Silence protects us and costs us.",
        image=image,
        tags=["Shame", "Grief"],
        body=article_body(about),
    )


def test_an_article_has_a_full_sharing_card(client, article):
    page = head(client, article.url)
    url = f"http://localhost{article.url}"
    assert page.lang == "en-us"
    assert page.title == "Why we go quiet"  # the test site has no name
    assert page.one("description") == "Silence protects us and costs us."
    assert page.links["canonical"] == url
    assert page.one("og:type") == "article"
    assert page.one("og:title") == "Why we go quiet"
    assert page.one("og:description") == "Silence protects us and costs us."
    assert page.one("og:url") == url
    image = page.one("og:image")
    assert image.startswith("http://localhost/media/images/")
    assert ".fill-1200x630" in image
    assert page.one("og:image:alt") == "An empty armchair by a window"
    assert page.one("og:image:width") and page.one("og:image:height")
    assert sorted(page.meta["article:tag"]) == ["Grief", "Shame"]
    assert page.one("twitter:card") == "summary_large_image"
    assert page.one("twitter:image") == image
    assert page.one("twitter:title") == "Why we go quiet"


def test_an_article_carries_blogposting_structured_data(client, article):
    (data,) = head(client, article.url).json_ld
    url = f"http://localhost{article.url}"
    article.refresh_from_db()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Why we go quiet"
    assert data["description"] == "Silence protects us and costs us."
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["image"].startswith("http://localhost/media/images/")
    assert sorted(data["keywords"]) == ["Grief", "Shame"]
    assert data["datePublished"].startswith(article.date.isoformat())
    assert data["dateModified"]
    author = data["author"]
    assert author["@type"] == "Person"
    assert author["name"] == "Robin Alder"
    assert author["honorificSuffix"] == "LCSW, PhD"
    assert [c["name"] for c in author["hasCredential"]] == ["LCSW", "PhD"]
    assert author["jobTitle"] == "Psychotherapist"
    assert author["url"] == "https://example.com/robin/"
    assert author["sameAs"] == ["https://example.com/robin/book/"]


def test_the_home_page_describes_the_practice(client, blog):
    make_about_me()
    (data,) = head(client, "/").json_ld
    person, practice = data["@graph"]
    assert person["@type"] == "Person" and person["name"] == "Robin Alder"
    assert person["honorificSuffix"] == "LMHC"
    assert practice["@type"] == "ProfessionalService"
    assert practice["address"] == "Albany, New York"
    assert practice["telephone"] == "(518) 555-0199"
    assert practice["email"] == "robin@example.com"
    assert practice["url"] == "http://localhost/"
    assert practice["employee"] == {"@id": person["@id"]}
    assert person["worksFor"] == {"@id": practice["@id"]}


def test_script_in_an_editors_text_cannot_break_out_of_the_json(client, blog):
    about = make_about_me(name="</script><script>alert(1)</script>")
    article = make_article(title="A </script> title & more", body=article_body(about))
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    (data,) = Head(html).json_ld
    assert data["headline"] == "A </script> title & more"
    assert data["author"]["name"] == "</script><script>alert(1)</script>"


def test_without_a_header_image_the_default_image_is_shared(client, blog):
    article = make_article(image=None)
    assert head(client, article.url).one("twitter:card") == "summary"
    assert "og:image" not in head(client, article.url).meta
    sharing = SharingSettings.load()
    sharing.default_image = make_image("Practice card")
    sharing.save()
    page = head(client, article.url)
    assert page.one("og:image").startswith("http://localhost/media/images/")
    assert page.one("twitter:card") == "summary_large_image"


def test_an_empty_summary_falls_back_to_the_intro(client, blog):
    article = make_article(
        summary="",
        body=article_body(
            intro="<p>Shame hides. It tells us to go <b>quiet</b>.</p><p>Then?</p>"
        ),
    )
    description = "Shame hides. It tells us to go quiet. Then?"
    page = head(client, article.url)
    assert page.one("description") == description
    assert page.json_ld[0]["description"] == description
    assert f"<p>{description}</p>" in client.get("/blog/").content.decode()


def test_first_sentences_keep_whole_sentences_within_the_limit():
    text = "One two. Three four five. Six seven eight nine."
    assert first_sentences(text, limit=30) == "One two. Three four five."
    assert first_sentences("A very long sentence indeed", limit=15) == "A very long…"
    assert first_sentences("  Spaced\n out.  ") == "Spaced out."


@pytest.mark.parametrize(
    "url,title,description",
    [
        (
            "/blog/topics/",
            "Topics",
            "Every topic on the blog, with the articles about it.",
        ),
        ("/blog/topics/grief/", "Grief", "Articles about Grief."),
    ],
)
def test_topic_pages_have_their_own_card(client, blog, url, title, description):
    make_article(tags=["Grief"])
    page = head(client, url)
    assert page.title == title
    assert page.one("og:title") == title
    assert page.one("description") == description
    assert page.links["canonical"] == f"http://localhost{url}"


def test_every_reader_page_has_a_canonical_address_and_description(client, blog):
    article = make_article(tags=["Grief"])
    make_vignette_library()
    sharing = SharingSettings.load()
    sharing.description = "A practice blog about therapy."
    sharing.save()
    for url in ("/", "/blog/", "/blog/topics/grief/", article.url, "/vignettes/"):
        page = head(client, url)
        assert page.links["canonical"].startswith("http://localhost/"), url
        assert page.one("description"), url
        assert page.one("og:url") == page.links["canonical"], url
    assert head(client, "/").one("description") == "A practice blog about therapy."


def test_the_canonical_address_keeps_only_the_page_number(client, blog):
    make_articles(12)
    page = head(client, "/blog/?page=2&utm_source=x")
    assert page.links["canonical"] == "http://localhost/blog/?page=2"
    page = head(client, "/blog/?page=1")
    assert page.links["canonical"] == "http://localhost/blog/"


def test_the_therapist_sets_the_sharing_card_in_the_admin(editor_client, client, blog):
    card = make_image("Practice card")
    pk = SharingSettings.objects.get().pk
    response = editor_client.post(
        reverse("wagtailsettings:edit", args=["base", "sharingsettings", pk]),
        {"description": "Gentle articles about therapy.", "default_image": card.pk},
    )
    assert response.status_code == 302
    sharing = SharingSettings.objects.get()
    assert sharing.description == "Gentle articles about therapy."
    assert sharing.default_image == card
    page = head(client, "/")
    assert page.one("description") == "Gentle articles about therapy."
    assert page.one("og:image").startswith("http://localhost/media/images/")
    assert page.one("og:image:alt") == "Practice card"

    too_long = editor_client.post(
        reverse("wagtailsettings:edit", args=["base", "sharingsettings", pk]),
        {"description": "x" * 301, "default_image": ""},
    )
    assert too_long.status_code == 200
    assert "at most 300 characters" in too_long.content.decode()
    assert SharingSettings.objects.get().default_image == card
