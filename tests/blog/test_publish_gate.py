"""No vignette goes live without its kind, disclaimer and the therapist's
confirmation that it identifies no client; drafts always save."""

import importlib
from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import rich_text, streamfield

from blog.library import Vignette
from blog.models import ArticlePage
from blog.wagtail_hooks import held_back
from tests.editor import EditorTestCase
from tests.factories import (
    article_body,
    make_article,
    make_blog_index,
    vignette_value,
)
from tests.forms import article_form, vignette_form
from vignettes.blocks import (
    COMPOSITE_DISCLAIMER,
    DEFAULT_DISCLAIMER,
    disclaimer_contradiction,
)

RULES = {
    "kind": ({"kind": ""}, "Choose whether this vignette is fictional or composite."),
    "disclaimer": (
        {"disclaimer": "   "},
        "Write the disclaimer readers see above the vignette.",
    ),
    "deidentified": (
        {"deidentified": ""},
        "Tick this box to confirm the vignette identifies no client",
    ),
}


class PublishGateTests(EditorTestCase):
    def post(self, vignette, action, url=None, **fields):
        body = [("intro", rich_text("<p>Intro.</p>")), ("vignette", vignette)]
        data = article_form(body, **fields)
        if action:
            data[action] = "1"
        url = url or reverse(
            "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
        )
        return self.client.post(url, data)

    def test_each_missing_safeguard_refuses_publishing_with_its_message(self):
        for name, (override, message) in RULES.items():
            with self.subTest(rule=name):
                response = self.post(vignette_form(**override), "action-publish")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "The page could not be created")
                errors = response.context["form"].errors["body"].as_data()[0]
                vignette_errors = errors.block_errors[1]
                self.assertEqual(list(vignette_errors.block_errors), [name])
                self.assertIn(message, vignette_errors.block_errors[name].message)
                self.assertIn(
                    "can't be published until", vignette_errors.non_block_errors[0]
                )
                self.assertFalse(ArticlePage.objects.exists())

    def test_the_same_vignettes_save_as_drafts(self):
        for name, (override, _message) in RULES.items():
            with self.subTest(rule=name):
                slug = f"draft-{name}"
                response = self.post(vignette_form(**override), None, slug=slug)
                self.assertEqual(response.status_code, 302)
                page = ArticlePage.objects.get(slug=slug)
                self.assertFalse(page.live)
                saved = page.get_latest_revision_as_object().body[1].value
                self.assertEqual(saved["title"], "Noor and the silent dinner")
                self.assertFalse(Vignette.objects.filter(article=page).exists())

    def test_a_complete_vignette_publishes(self):
        response = self.post(vignette_form(), "action-publish")
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get(slug="why-we-go-quiet")
        self.assertTrue(page.live)
        self.assertIs(page.body[1].value["deidentified"], True)

    def test_a_live_article_keeps_its_published_text_when_an_edit_is_refused(self):
        page = make_article(parent=self.blog, body=article_body())
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = self.post(
            vignette_form(deidentified="", title="Changed"),
            "action-publish",
            url=url,
            slug=page.slug,
        )
        self.assertEqual(response.status_code, 200)
        page.refresh_from_db()
        self.assertEqual(page.body[1].value["title"], "Iris and the borrowed umbrella")

    def test_scheduled_publishing_is_held_to_the_same_rule(self):
        go_live = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        response = self.post(
            vignette_form(deidentified=""), "action-publish", go_live_at=go_live
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.exists())

        response = self.post(vignette_form(), "action-publish", go_live_at=go_live)
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get()
        self.assertFalse(page.live)
        self.assertFalse(Vignette.objects.exists())

        with mock.patch(
            "django.utils.timezone.now", return_value=timezone.now() + timedelta(days=3)
        ):
            call_command("publish_scheduled")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(
            list(Vignette.objects.values_list("title", flat=True)),
            ["Noor and the silent dinner"],
        )

    def test_the_bulk_publish_check_costs_the_same_for_any_number_of_pages(self):
        for count in (2, 8):
            drafts = [
                make_article(
                    parent=self.blog,
                    publish=False,
                    body=[
                        (
                            "vignette",
                            vignette_value(
                                deidentified=n % 2 == 0,
                                body=[("paragraph", "<p>Iris met Tariq Haddad.</p>")],
                            ),
                        )
                    ],
                )
                for n in range(count)
            ]
            pages = list(Page.objects.filter(pk__in=[d.pk for d in drafts]))
            with self.assertNumQueries(1):
                unsafe, unread = held_back(pages)
            # Without the tick, unsafe; with it, a name nobody accepted.
            self.assertEqual(len(unsafe), count // 2)
            self.assertEqual(len(unread), count // 2)
            self.assertFalse(set(unsafe) & set(unread))

    def test_bulk_publishing_a_draft_without_the_confirmation_is_refused(self):
        unsafe = make_article(
            parent=self.blog,
            publish=False,
            body=[("vignette", vignette_value(deidentified=False))],
        )
        safe = make_article(parent=self.blog, publish=False)
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        response = self.client.post(
            f"{url}?id={unsafe.pk}&id={safe.pk}&next=/admin/", follow=True
        )
        self.assertContains(response, "Nothing was published")
        self.assertContains(response, unsafe.title)
        self.assertFalse(ArticlePage.objects.filter(live=True).exists())

        response = self.client.post(f"{url}?id={safe.pk}&next=/admin/")
        self.assertEqual(response.status_code, 302)
        safe.refresh_from_db()
        self.assertTrue(safe.live)


class DisclaimerTests(EditorTestCase):
    """The disclaimer tells readers the truth about the vignette's kind: a
    composite is drawn from real people, so it is never called fictional."""

    def publish(self, **vignette):
        body = [("intro", rich_text("<p>Intro.</p>")), ("vignette", vignette)]
        data = article_form(body) | {"action-publish": "1"}
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
            ),
            data,
        )

    def disclaimer_error(self, response):
        errors = response.context["form"].errors["body"].as_data()[0]
        return errors.block_errors[1].block_errors["disclaimer"].message

    def test_a_composite_with_the_fictional_wording_is_refused_then_publishes(self):
        response = self.publish(**vignette_form(disclaimer=DEFAULT_DISCLAIMER))
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "a composite vignette is drawn from real people",
            (self.disclaimer_error(response)),
        )
        self.assertFalse(ArticlePage.objects.exists())

        response = self.publish(**vignette_form(disclaimer=COMPOSITE_DISCLAIMER))
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get()
        self.assertTrue(page.live)
        self.assertEqual(page.body[1].value["disclaimer"], COMPOSITE_DISCLAIMER)

    def test_a_fictional_vignette_called_a_composite_is_refused(self):
        response = self.publish(
            **vignette_form(kind="fictional", disclaimer=COMPOSITE_DISCLAIMER)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("describes an invented client", self.disclaimer_error(response))

    def test_a_contradicting_draft_still_saves_but_bulk_publishing_refuses_it(self):
        draft = make_article(
            parent=self.blog,
            publish=False,
            body=[
                (
                    "vignette",
                    vignette_value(kind="composite", disclaimer=DEFAULT_DISCLAIMER),
                )
            ],
        )
        unsafe, _unread = held_back([Page.objects.get(pk=draft.pk)])
        self.assertEqual([page.pk for page in unsafe], [draft.pk])

    def test_the_rule_reads_the_words_not_the_kind_alone(self):
        contradicting = {
            "composite": [
                "This story is fictional.",
                "It is based on no one client.",
                "Every detail is entirely invented.",
            ],
            "fictional": [
                "This is a composite of several clients.",
                "It is based on several clients I have seen.",
                "I combined details from my work with many people.",
            ],
        }
        truthful = {
            "composite": [
                COMPOSITE_DISCLAIMER,
                "Names, ages and details have been changed and combined.",
            ],
            "fictional": [
                DEFAULT_DISCLAIMER,
                "Iris is invented; she is not based on any real client.",
            ],
        }
        for kind, sentences in contradicting.items():
            for sentence in sentences:
                with self.subTest(kind=kind, sentence=sentence):
                    self.assertTrue(disclaimer_contradiction(kind, sentence))
        for kind, sentences in truthful.items():
            for sentence in sentences:
                with self.subTest(kind=kind, sentence=sentence):
                    self.assertEqual(disclaimer_contradiction(kind, sentence), "")


def test_the_migration_drafts_the_composite_wording_and_leaves_the_live_text(db):
    """Composite vignettes still carrying the fictional wording get the
    composite wording as a draft change; nothing changes on the live site."""
    migration = importlib.import_module("blog.migrations.0012_composite_disclaimers")
    state = MigrationLoader(connection).project_state(
        ("blog", "0012_composite_disclaimers")
    )
    blog = make_blog_index()
    wrong = make_article(
        parent=blog,
        body=[
            (
                "vignette",
                vignette_value(kind="composite", disclaimer=DEFAULT_DISCLAIMER),
            )
        ],
    )
    own_words = make_article(
        parent=blog,
        body=[("vignette", vignette_value(kind="composite", disclaimer="Changed."))],
    )
    fictional = make_article(
        parent=blog,
        body=[("vignette", vignette_value(disclaimer=DEFAULT_DISCLAIMER))],
    )
    untouched = {p.pk: p.latest_revision_id for p in (own_words, fictional)}

    migration.draft_the_composite_wording(state.apps, None)

    wrong.refresh_from_db()
    assert wrong.live and wrong.has_unpublished_changes
    assert wrong.body[0].value["disclaimer"] == DEFAULT_DISCLAIMER  # still live
    draft = wrong.get_latest_revision_as_object()
    assert draft.body[0].value["disclaimer"] == COMPOSITE_DISCLAIMER
    assert draft.title == wrong.title
    for page in (own_words, fictional):
        page.refresh_from_db()
        assert page.latest_revision_id == untouched[page.pk]
        assert not page.has_unpublished_changes


IDENTIFYING = vignette_form(
    body=streamfield([("paragraph", rich_text("<p>Noor met Tariq Haddad.</p>"))])
)


class WarningsAcknowledgedTests(EditorTestCase):
    """An article with open warnings goes live only with her tick that she
    read them, given in the editor for that revision, on every path."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.add = reverse(
            "wagtailadmin_pages:add", args=("blog", "articlepage", cls.blog.pk)
        )

    def post(self, **extra):
        body = [("intro", rich_text("<p>Intro.</p>")), ("vignette", IDENTIFYING)]
        return self.client.post(self.add, article_form(body) | extra)

    def test_a_scheduled_publish_carries_the_tick_to_its_go_live(self):
        go_live = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        refused = self.post(**{"action-publish": "1", "go_live_at": go_live})
        self.assertEqual(refused.status_code, 200)
        self.assertFalse(ArticlePage.objects.exists())

        response = self.post(
            **{
                "action-publish": "1",
                "go_live_at": go_live,
                "acknowledge_warnings": "on",
            }
        )
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get()
        self.assertFalse(page.live)
        with mock.patch(
            "django.utils.timezone.now", return_value=timezone.now() + timedelta(days=3)
        ):
            call_command("publish_scheduled")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIn("Tariq Haddad", page.acknowledged_warnings[0])
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=page, action="blog.published_with_warnings"
            ).exists()
        )

    def test_bulk_publishing_a_revision_whose_warnings_she_accepted(self):
        """Accepted warnings travel with the revision (as a scheduled publish
        keeps them): such a draft bulk-publishes."""
        page = make_article(
            parent=self.blog,
            publish=False,
            body=[
                (
                    "vignette",
                    vignette_value(
                        body=[("paragraph", "<p>Iris met Tariq Haddad.</p>")]
                    ),
                )
            ],
        )
        page.acknowledged_warnings = page.writing_warnings()
        self.assertTrue(page.acknowledged_warnings)
        page.save_revision()
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        self.client.post(f"{url}?id={page.pk}&next=/admin/")
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_bulk_publishing_a_draft_with_unread_warnings_is_refused(self):
        self.assertEqual(self.post().status_code, 302)  # a draft: no tick needed
        draft = ArticlePage.objects.get()
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        response = self.client.post(f"{url}?id={draft.pk}&next=/admin/", follow=True)
        self.assertContains(response, "warnings you have not read")
        draft.refresh_from_db()
        self.assertFalse(draft.live)

    def test_a_revision_without_warnings_publishes_as_before(self):
        body = [("intro", rich_text("<p>Intro.</p>")), ("vignette", vignette_form())]
        response = self.client.post(
            self.add, article_form(body) | {"action-publish": "1"}
        )
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get()
        self.assertTrue(page.live)
        self.assertEqual(page.acknowledged_warnings, [])
        self.assertFalse(
            PageLogEntry.objects.filter(action="blog.published_with_warnings").exists()
        )
