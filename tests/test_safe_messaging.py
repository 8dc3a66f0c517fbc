"""The safe-messaging check: each rule warns on words written for the
purpose, and stays quiet on a near miss; it applies only to articles that
mention suicide or self-harm, and shows in the editor and after publishing."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from blog import safe_messaging_terms as terms
from blog.models import ArticlePage
from blog.safe_messaging import safe_messaging_warnings
from tests.factories import (
    article_body,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
)
from tests.forms import article_form, vignette_form

NOTED = ["suicide"]

# (rule, a sentence that breaks it, a near miss that must not warn)
CASES = [
    (
        "committed suicide",
        "Her uncle committed suicide when she was nine.",
        "He committed to suicide prevention work after his training.",
    ),
    (
        "method or means",
        "He took 30 pills the night his suicide note was found.",
        "She called a suicide prevention lifeline and took her pills as prescribed.",
    ),
    (
        "method or means",
        "The report said he hanged himself after years of suicidal thoughts.",
        "Suicidal thoughts were hanging over the session like weather.",
    ),
    (
        "sensational words",
        "Teen suicide is an epidemic and the numbers are skyrocketing.",
        "The epidemiology of suicide shows that most people who get help recover.",
    ),
    (
        "suicide as a solution",
        "To Mara, suicide seemed the only way out of the pain.",
        "Mara learned there were other ways through the pain than suicide.",
    ),
    (
        "a single cause",
        "The bullying caused his suicide, the article claimed.",
        "Suicide rarely has one cause; bullying can be one strand of many.",
    ),
]


@pytest.mark.parametrize("rule, breaks, near_miss", CASES)
def test_each_rule_warns_on_its_words_and_not_on_a_near_miss(rule, breaks, near_miss):
    (warning,) = safe_messaging_warnings(breaks, NOTED)
    (expected,) = [r for r in terms.RULES if r["name"] == rule]
    # The words found, quoted; why, in one sentence; and the source.
    found = re.findall(r"“([^”]+)”", warning.split(":")[0])
    assert found and all(words.lower() in breaks.lower() for words in found)
    assert expected["why"] in warning and expected["source"] in warning
    assert safe_messaging_warnings(near_miss, NOTED) == []


def test_committed_suicide_suggests_died_by_suicide():
    (warning,) = safe_messaging_warnings("She committed suicide.", NOTED)
    assert "“committed suicide”" in warning and "died by suicide" in warning


def test_articles_that_do_not_mention_suicide_or_self_harm_are_not_checked():
    text = "Loneliness is an epidemic, and the numbers are skyrocketing."
    assert safe_messaging_warnings(text, []) == []
    # Ticking the content note is enough to apply it.
    assert safe_messaging_warnings(text, ["self-harm"])


def test_a_mention_without_a_content_note_asks_for_one():
    (warning,) = safe_messaging_warnings("We talked about self-harm.", [])
    assert "no content note" in warning and terms.SPRC in warning
    assert safe_messaging_warnings("We talked about self-harm.", ["self-harm"]) == []


def test_the_word_lists_are_whole_rules():
    for rule in terms.RULES:
        assert rule["patterns"] and rule["why"].endswith(".") and rule["source"]
        for pattern in rule["patterns"]:
            re.compile(pattern)


class EditorTests(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(make_superuser())
        self.about_me = make_about_me()
        self.blog = make_blog_index()

    def test_the_editor_shows_the_warnings_beside_the_identifier_ones(self):
        draft = make_article(
            publish=False,
            body=article_body(
                intro="<p>When a client says a friend committed suicide, we "
                "slow down.</p>"
            ),
        )
        page = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        text = page.content.decode()
        self.assertIn("Writing about suicide safely", text)
        self.assertIn("“committed suicide”", text)
        self.assertIn("no content note", text)
        plain = make_article(publish=False)
        quiet = self.client.get(reverse("wagtailadmin_pages:edit", args=[plain.pk]))
        self.assertNotIn("Writing about suicide safely", quiet.content.decode())

    def test_publishing_needs_her_tick_and_then_warns(self):
        body = [
            ("intro", rich_text("<p>Grief after suicide is an epidemic.</p>")),
            ("vignette", vignette_form()),
            ("conclusion", rich_text("<p>Grief eases with company.</p>")),
            ("getting_help", {"text": rich_text("<p>Let us talk.</p>")}),
            ("about_me", self.about_me.pk),
        ]
        data = article_form(body, slug="grief-after-loss")
        data["action-publish"] = "1"
        add = reverse(
            "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
        )
        refused = self.client.post(add, data)
        self.assertEqual(refused.status_code, 200)
        self.assertIn(
            "“epidemic”", refused.context["form"].errors["acknowledge_warnings"][0]
        )
        self.assertFalse(ArticlePage.objects.filter(slug="grief-after-loss").exists())
        data["acknowledge_warnings"] = "on"
        response = self.client.post(add, data, follow=True)
        self.assertTrue(ArticlePage.objects.get(slug="grief-after-loss").live)
        shown = [str(message) for message in response.context["messages"]]
        self.assertTrue(any("“epidemic”" in message for message in shown), shown)
        self.assertTrue(any("no content note" in message for message in shown))
