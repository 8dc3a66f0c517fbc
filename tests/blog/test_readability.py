"""The reading grade: Flesch-Kincaid from textstat, on texts whose level is
known; shown in the editor with the target, the longest sentences and the
parts above the target, and in the preview as the text changes."""

from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from blog.models import ArticlePage
from blog.readability import TARGET_GRADE, readability
from tests.editor import EditorTestCase
from tests.factories import (
    article_body,
    make_article,
    vignette_value,
)
from tests.forms import article_form, vignette_form

# A first-reader's sentences, and a graduate textbook's.
EARLY = "<p>The cat sat on the mat. The dog ran to the cat. They are friends.</p>"
DENSE = (
    "<p>Psychodynamic psychotherapy investigates unconscious intrapsychic "
    "conflicts originating in developmental experiences, facilitating "
    "therapeutic transformation through interpretation of transference "
    "phenomena and characterological defensive organisations.</p>"
)
PLAIN = (
    "<p>We all feel stuck at times. Therapy can help you see why. You talk, "
    "and we look at what comes up.</p>"
)


def body(intro=PLAIN, conclusion=PLAIN, story="<p>Iris was early again.</p>"):
    return [
        ("intro", intro),
        ("vignette", vignette_value(body=[("paragraph", story)])),
        ("conclusion", conclusion),
        ("getting_help", {"text": ""}),
    ]


def test_a_first_readers_text_grades_low_and_a_dense_one_high(db):
    early = readability(ArticlePage(title="x", body=body(EARLY, EARLY, EARLY)).body)
    dense = readability(ArticlePage(title="x", body=body(DENSE, DENSE, DENSE)).body)
    assert early["grade"] < 3
    assert dense["grade"] > 16
    assert early["target"] == TARGET_GRADE == 8


def test_the_parts_over_the_target_and_the_longest_sentences(db):
    found = readability(ArticlePage(title="x", body=body(intro=DENSE)).body)
    assert [label for label, _ in found["over"]] == ["Introduction"]
    assert found["longest"][0].startswith("Psychodynamic psychotherapy")
    assert len(found["longest"]) == 3
    plain = readability(ArticlePage(title="x", body=body()).body)
    assert plain["over"] == []


class EditorTests(EditorTestCase):
    with_about_me = True

    def test_the_editor_shows_the_grade_from_the_saved_blocks(self):
        draft = make_article(publish=False, body=article_body(intro=DENSE))
        page = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        html = page.content.decode()
        self.assertIn("Reading grade", html)
        self.assertIn("target for health writing is grade 8", html)
        self.assertIn("Above the target: Introduction", html)

    def preview_unsaved(self, intro, vignette):
        """A draft's live preview of text typed in the editor, never saved:
        the draft and the preview's HTML."""
        draft = make_article(publish=False, body=article_body(intro=PLAIN))
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
        data = article_form(
            [
                ("intro", rich_text(intro)),
                ("vignette", vignette),
                ("conclusion", rich_text(PLAIN)),
                ("getting_help", {"text": rich_text("")}),
                ("about_me", self.about_me.pk),
            ],
            slug=draft.slug,
        )
        self.assertTrue(self.client.post(url, data).json()["is_valid"])
        return draft, self.client.get(url).content.decode()

    def test_the_preview_warns_of_identifiers_and_methods_before_any_save(self):
        story = rich_text("<p>Noor called from (718) 555-0199 that night.</p>")
        method = "<p>He took 30 pills the night his suicide note was found.</p>"
        draft, preview = self.preview_unsaved(
            method, vignette_form(body=streamfield([("paragraph", story)]))
        )
        box = preview[preview.index("data-preview-warnings") :]
        box = box[: box.index("</aside>")]
        self.assertIn("a phone or fax number (“(718) 555-0199”)", box)
        self.assertIn("30 pills", box)
        # Nothing was saved: the draft has neither.
        draft.refresh_from_db()
        self.assertEqual(draft.get_latest_revision_as_object().writing_warnings(), [])
        draft.save_revision().publish()
        self.assertNotIn("data-preview-warnings", self.client.get(draft.url).text)

    def test_the_preview_follows_the_unsaved_text(self):
        draft, preview = self.preview_unsaved(DENSE, vignette_form())
        self.assertIn("Above the target: Introduction", preview)
        # Readers never see it.
        draft.save_revision().publish()
        self.assertNotIn("Reading grade", self.client.get(draft.url).content.decode())
