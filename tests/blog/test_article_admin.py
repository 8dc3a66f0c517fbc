"""The therapist writes articles in the Wagtail editor."""

import re
from datetime import date

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage
from tests.editor import EditorTestCase
from tests.factories import (
    article_body,
    make_article,
    make_image,
)
from tests.forms import article_form, vignette_form


def source(value):
    """Stored text without the rich text editor's per-paragraph keys."""
    return re.sub(r' data-block-key="\w+"', "", getattr(value, "source", value))


class ArticleAdminTests(EditorTestCase):
    with_about_me = True

    def add_url(self):
        return reverse(
            "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
        )

    def post_new_article(self, body, action="action-publish", **fields):
        data = article_form(body, **fields)
        if action:
            data[action] = "1"
        return self.client.post(self.add_url(), data)

    def body_errors(self, response):
        """The body's errors, by block index: what the editor sees on each block."""
        return response.context["form"].errors["body"].as_data()[0].block_errors

    def test_create_article_with_every_block_type_saves_exactly_those_blocks(self):
        target = make_article(parent=self.blog, title="Choosing a therapist")
        image = make_image()
        body = [
            ("intro", rich_text("<p>We all <b>go quiet</b> sometimes.</p>")),
            (
                "paragraph",
                rich_text(
                    f'<p>See my article <a linktype="page" id="{target.pk}">'
                    "Choosing a therapist</a>.</p>"
                ),
            ),
            ("heading", "Where silence comes from"),
            ("quote", {"text": "Silence is also speech.", "attribution": "A client"}),
            (
                "image",
                {
                    "image": image.pk,
                    "decorative": "",
                    "alt_text": "A chair",
                    "caption": "The chair by the window",
                },
            ),
            ("vignette", vignette_form()),
            ("conclusion", rich_text("<p>Speaking up can be learned.</p>")),
            ("getting_help", {"text": rich_text("<p>Let us talk.</p>")}),
            ("about_me", self.about_me.pk),
        ]
        self.assertCanCreate(self.blog, ArticlePage, article_form(body, [target]))

        page = ArticlePage.objects.get(slug="why-we-go-quiet")
        saved = [(block.block_type, block.value) for block in page.body]
        self.assertEqual(
            [block_type for block_type, _ in saved],
            [
                "intro",
                "paragraph",
                "heading",
                "quote",
                "image",
                "vignette",
                "conclusion",
                "getting_help",
                "about_me",
            ],
        )
        values = dict(saved)
        self.assertEqual(
            source(values["intro"]), "<p>We all <b>go quiet</b> sometimes.</p>"
        )
        self.assertIn(
            f'<a linktype="page" id="{target.pk}">', source(values["paragraph"])
        )
        self.assertEqual(values["heading"], "Where silence comes from")
        self.assertEqual(values["quote"]["attribution"], "A client")
        self.assertEqual(values["image"]["image"].pk, image.pk)
        self.assertEqual(values["image"]["alt_text"], "A chair")
        self.assertEqual(values["image"]["caption"], "The chair by the window")
        vignette = values["vignette"]
        self.assertEqual(vignette["kind"], "composite")
        self.assertEqual(vignette["title"], "Noor and the silent dinner")
        self.assertEqual(vignette["disclaimer"], "Noor is a composite of many people.")
        self.assertEqual(list(vignette["people"]), ["Noor", "Elias"])
        self.assertEqual(
            [(b.block_type, source(b.value)) for b in vignette["body"]],
            [
                ("heading", "The first session"),
                ("paragraph", "<p>Noor arrived ten minutes late.</p>"),
            ],
        )
        self.assertEqual(
            source(values["conclusion"]), "<p>Speaking up can be learned.</p>"
        )
        self.assertEqual(source(values["getting_help"]["text"]), "<p>Let us talk.</p>")
        self.assertEqual(values["about_me"], self.about_me)
        self.assertEqual(page.date, date(2026, 2, 14))
        self.assertEqual(
            sorted(t.name for t in page.tags.all()), ["Relationships", "Shame"]
        )
        self.assertEqual(page.related_articles(), [target])

    def test_new_article_starts_with_getting_help_and_about_me(self):
        self.assertEqual(
            [(b.block_type, b.value) for b in ArticlePage().body][1:],
            [("about_me", self.about_me)],
        )
        response = self.client.get(self.add_url())
        self.assertEqual(response.status_code, 200)
        body_field = response.context["form"]["body"]
        self.assertEqual(
            [block.block_type for block in body_field.value()],
            ["getting_help", "about_me"],
        )

    def test_vignette_without_kind_is_refused_with_a_message_on_that_block(self):
        body = [
            ("intro", rich_text("<p>Intro.</p>")),
            ("vignette", vignette_form(kind="")),
        ]
        response = self.post_new_article(body)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.filter(slug="why-we-go-quiet").exists())
        errors = self.body_errors(response)
        self.assertEqual(list(errors), [1])
        self.assertIn("kind", errors[1].block_errors)
        self.assertContains(response, "The page could not be created")

    def test_empty_body_is_refused(self):
        response = self.post_new_article([])
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.filter(slug="why-we-go-quiet").exists())
        error = response.context["form"].errors["body"].as_data()[0]
        self.assertEqual(error.non_block_errors, ["This field is required."])

    def test_an_unfinished_vignette_can_still_be_saved_as_a_draft(self):
        body = [("vignette", vignette_form(kind=""))]
        response = self.post_new_article(body, action=None)
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get(slug="why-we-go-quiet")
        self.assertFalse(page.live)
        draft = page.get_latest_revision_as_object()
        self.assertEqual(draft.body[0].value["title"], "Noor and the silent dinner")

    def test_only_one_introduction_per_article(self):
        body = [
            ("intro", rich_text("<p>One.</p>")),
            ("intro", rich_text("<p>Two.</p>")),
        ]
        response = self.post_new_article(body)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Introduction: The maximum number of items is 1")

    def test_an_article_publishes_with_the_summary_left_empty(self):
        body = [
            ("intro", rich_text("<p>Silence can protect us. It can also cost us.</p>")),
            ("vignette", vignette_form()),
        ]
        response = self.post_new_article(body, summary="")
        self.assertEqual(response.status_code, 302)
        page = ArticlePage.objects.get(slug="why-we-go-quiet")
        self.assertTrue(page.live)
        self.assertEqual(page.summary, "")
        self.assertEqual(
            page.summary_text, "Silence can protect us. It can also cost us."
        )
        self.assertContains(
            self.client.get("/blog/"),
            "<p>Silence can protect us. It can also cost us.</p>",
        )

    def test_date_defaults_to_the_first_publish(self):
        page = make_article(parent=self.blog, body=article_body(self.about_me))
        self.assertEqual(page.date, timezone.localdate(page.first_published_at))

    def test_article_edits_and_previews_with_its_full_body(self):
        page = make_article(parent=self.blog, body=article_body(self.about_me))
        body = [
            ("intro", rich_text("<p>Edited.</p>")),
            ("vignette", vignette_form()),
            ("about_me", self.about_me.pk),
        ]
        data = article_form(body, slug=page.slug, title=page.title)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_a_new_article_previews_with_its_neighbours_and_related(self):
        newer = make_article(parent=self.blog, title="Newer one", tags=["Grief"])
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=("blog", "articlepage", self.blog.pk),
        )
        body = [("intro", rich_text("<p>Not yet published.</p>"))]
        data = article_form(body, tags="Grief")
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        response = self.client.get(url)
        self.assertContains(response, "Not yet published.")
        self.assertContains(response, f'<a class="newer" href="{newer.url}"')
        self.assertContains(response, "Related articles")
