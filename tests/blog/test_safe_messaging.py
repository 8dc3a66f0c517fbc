"""The safe-messaging check: it warns on a method, its means or the framing
the guidance names, written in everyday words, and stays quiet on near
misses that share those words; it shows in the editor and after publishing."""

import re

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

from blog import safe_messaging_terms as terms
from blog.models import ArticlePage
from blog.safe_messaging import safe_messaging_warnings
from blog.warnings import PUBLISHED_WITH_WARNINGS
from tests.detector_sentences import SAFE_MESSAGING
from tests.editor import EditorTestCase
from tests.factories import (
    article_body,
    make_article,
)
from tests.forms import article_form, vignette_form

NOTED = ["suicide"]

WARN = [
    (category, sentence)
    for category, sentences in SAFE_MESSAGING.items()
    for sentence in sentences["warn"]
]
QUIET = [
    (category, sentence)
    for category, sentences in SAFE_MESSAGING.items()
    for sentence in sentences["quiet"]
]


@pytest.mark.parametrize("category, sentence", WARN)
def test_everyday_words_for_a_method_or_a_framing_warn(category, sentence):
    warnings = safe_messaging_warnings(sentence, NOTED)
    assert warnings, category
    # Each warning quotes words from the sentence, says why, and names the
    # guidance it comes from.
    for warning in warnings:
        found = re.findall(r"“([^”]+)”", warning.split(": ")[0])
        # A means and what was done with it are quoted as “took … pills”.
        words = [part for quoted in found for part in quoted.split(" … ")]
        assert words and all(part in sentence for part in words)
        assert any(
            rule["why"] in warning and rule["source"] in warning for rule in terms.RULES
        )


@pytest.mark.parametrize("category, sentence", QUIET)
def test_near_misses_stay_quiet(category, sentence):
    assert safe_messaging_warnings(sentence, NOTED) == [], category


def test_a_method_warns_even_where_the_word_suicide_is_never_written():
    """Without a content note, it asks for one too."""
    method, note = safe_messaging_warnings(
        "She swallowed everything in the medicine cabinet.", []
    )
    assert "“swallowed everything in the medicine cabinet”" in method
    assert "no content note" in note


def test_committed_suicide_suggests_died_by_suicide():
    (warning,) = safe_messaging_warnings("She committed suicide.", NOTED)
    assert "“committed suicide”" in warning and "died by suicide" in warning


def test_words_harmless_elsewhere_warn_only_in_a_sentence_about_suicide():
    text = "Loneliness is an epidemic, and the numbers are skyrocketing."
    assert safe_messaging_warnings(text, ["self-harm"]) == []
    (warning,) = safe_messaging_warnings(
        "Teen suicide is an epidemic, and the numbers are skyrocketing.", NOTED
    )
    assert "“epidemic”, “skyrocketing”" in warning


def test_a_sentence_pointing_to_the_crisis_line_needs_no_content_note():
    text = "If you are thinking about suicide, call 988."
    assert safe_messaging_warnings(text, []) == []


def test_a_mention_without_a_content_note_asks_for_one():
    (warning,) = safe_messaging_warnings("We talked about self-harm.", [])
    assert "no content note" in warning and terms.SPRC in warning
    assert safe_messaging_warnings("We talked about self-harm.", ["self-harm"]) == []


def test_the_word_lists_are_whole_rules():
    for rule in terms.RULES:
        assert rule["why"].endswith(".") and rule["source"]
        patterns = rule.get("patterns", []) + rule.get("when_about_suicide", [])
        assert patterns
        for pattern in patterns + rule.get("unless", []):
            re.compile(pattern)


class EditorTests(EditorTestCase):
    with_about_me = True

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

    def test_a_method_in_a_paragraph_is_refused_once_then_read_and_recorded(self):
        """Content note ticked and the vignette de-identified: the only open
        warning is the method, in everyday words, in an ordinary paragraph."""
        method = "He had been saving up his sleeping pills for weeks."
        body = [
            ("intro", rich_text("<p>Some losses arrive without warning.</p>")),
            ("paragraph", rich_text(f"<p>{method}</p>")),
            ("vignette", vignette_form()),
            ("conclusion", rich_text("<p>Grief eases with company.</p>")),
            ("getting_help", {"text": rich_text("<p>Let us talk.</p>")}),
            ("about_me", self.about_me.pk),
        ]
        data = article_form(body, slug="after-a-loss")
        data["content_notes"] = ["suicide"]  # ticked boxes: one value each
        data["action-publish"] = "1"
        add = reverse(
            "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
        )
        refused = self.client.post(add, data)
        (error,) = refused.context["form"].errors["acknowledge_warnings"]
        self.assertIn("“saving up his sleeping pills”", error)
        self.assertNotIn("may identify a client", error)
        self.assertFalse(ArticlePage.objects.filter(slug="after-a-loss").exists())

        self.client.post(add, data | {"acknowledge_warnings": "on"})
        page = ArticlePage.objects.get(slug="after-a-loss")
        self.assertTrue(page.live)
        self.assertEqual(page.content_notes, ["suicide"])
        (entry,) = PageLogEntry.objects.filter(
            page=page, action=PUBLISHED_WITH_WARNINGS
        )
        self.assertIn("“saving up his sleeping pills”", entry.data["warnings"][0])


@pytest.mark.parametrize(
    "sentence",
    [
        "We end it there, with a question to take home.",
        "She hurt herself skiing and missed two sessions.",
    ],
)
def test_everyday_words_ask_for_no_content_note(sentence):
    """Only a mention of suicide or self-harm (or a method) asks for one."""
    assert safe_messaging_warnings(sentence, []) == []
