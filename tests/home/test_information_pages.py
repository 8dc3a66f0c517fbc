"""Information pages (home.StandardPage): about, fees, FAQ, privacy. Made of
the article's text blocks, an image and questions with their answers, which
search engines also get as a schema.org FAQPage; listed in the site's menu in
the order the therapist sets."""

import io
import json
import re

import pytest
from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.factories import home_page, make_image, make_superuser

FAQ = [
    ("heading", "Fees and insurance"),
    ("paragraph", "<p>A first call is free.</p>"),
    (
        "question",
        {"question": "Do you take insurance?", "answer": "<p>Out of network.</p>"},
    ),
    (
        "question",
        {"question": "How long is a session?", "answer": "<p>50 minutes.</p>"},
    ),
]


def make_page(title="Fees", body=FAQ, menu=True, parent=None):
    page = StandardPage(title=title, body=body, show_in_menus=menu)
    (parent or home_page()).add_child(instance=page)
    page.save_revision().publish()
    return page


def json_ld(html):
    return [
        json.loads(script)
        for script in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_superuser()

    def setUp(self):
        self.client.force_login(self.user)

    def test_it_sits_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_it_renders_edits_and_previews(self):
        page = make_page()
        post = nested_form_data(
            {
                "title": "Fees",
                "slug": "fees",
                "body": streamfield([("paragraph", rich_text("<p>Changed.</p>"))]),
            }
        )
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=post)
        self.assertPageIsPreviewable(page, post_data=post)
        # The helper puts the page back afterwards; the draft it saved stays.
        latest = page.revisions.order_by("-pk").first().as_object()
        assert [b.block_type for b in latest.body] == ["paragraph"]
        assert "Changed." in latest.body[0].value.source

    def test_the_editor_saves_exactly_the_blocks_posted(self):
        image = make_image()
        body = streamfield(
            [
                ("heading", "Sessions"),
                ("paragraph", rich_text("<p>Fifty minutes.</p>")),
                ("image", {"image": image.pk, "alt_text": "A quiet room",
                           "decorative": ""}),
                ("question", {"question": "Online?",
                              "answer": rich_text("<p>Yes, by video.</p>")}),
            ]
        )  # fmt: skip
        self.assertCanCreate(
            home_page(),
            StandardPage,
            nested_form_data({"title": "Fees", "slug": "fees", "body": body}),
        )
        page = StandardPage.objects.get(slug="fees")
        assert [(b.block_type) for b in page.body] == [
            "heading",
            "paragraph",
            "image",
            "question",
        ]
        assert page.body[0].value == "Sessions"
        assert "Fifty minutes." in page.body[1].value.source
        assert page.body[2].value["image"].pk == image.pk
        assert page.body[2].value["alt_text"] == "A quiet room"
        assert page.body[3].value["question"] == "Online?"
        assert "Yes, by video." in page.body[3].value["answer"].source
        html = self.client.get(page.url).text
        assert '<figure class="image">' in html and 'alt="A quiet room"' in html


@pytest.mark.django_db
def test_readers_see_the_questions_and_search_engines_get_a_faq_page(client):
    page = make_page()
    html = client.get(page.url).text
    assert "<h1>Fees</h1>" in html
    assert "<h2>Do you take insurance?</h2>" in html
    assert "<p>Out of network.</p>" in html
    (faq,) = [data for data in json_ld(html) if data["@type"] == "FAQPage"]
    assert faq["url"].endswith("/fees/")
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq["mainEntity"]] == [
        ("Do you take insurance?", "<p>Out of network.</p>"),
        ("How long is a session?", "<p>50 minutes.</p>"),
    ]


@pytest.mark.django_db
def test_a_page_without_questions_claims_no_faq(client):
    page = make_page("Privacy", body=[("paragraph", "<p>Nothing is kept.</p>")])
    html = client.get(page.url).text
    assert not [data for data in json_ld(html) if data.get("@type") == "FAQPage"]


@pytest.mark.django_db
def test_the_menu_lists_them_in_the_order_the_therapist_sets(client):
    fees = make_page("Fees")
    privacy = make_page("Privacy", body=[("paragraph", "<p>Nothing.</p>")])
    make_page("Hidden", menu=False)

    def menu():
        html = client.get("/").text
        nav = html[html.index('<nav class="site-nav"') :]
        return re.findall(r"<li><a [^>]*>([^<]+)</a>", nav[: nav.index("</nav>")])

    assert menu() == ["Fees", "Privacy"]
    # Moved up in Pages > Home (Wagtail's "Sort menu order").
    privacy.move(fees, pos="left")
    assert menu() == ["Privacy", "Fees"]


@pytest.mark.django_db
def test_load_demo_adds_fees_and_privacy_to_the_menu(client, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-test-password")
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # never twice
    pages = StandardPage.objects.live().order_by("path")
    assert [(p.title, p.show_in_menus) for p in pages] == [
        ("Fees", True),
        ("Privacy", True),
        # The notices' pages are linked from every footer, not the menu.
        ("Notice of Privacy Practices", False),
        ("Accessibility statement", False),
    ]
    privacy = client.get("/privacy/").text
    assert "keeps nothing about the people who read it" in privacy
    assert "sets no cookies" in privacy
    assert "deleted 30 days after it arrives" in privacy
    assert '<a href="/fees/">Fees</a>' in client.get("/").text
