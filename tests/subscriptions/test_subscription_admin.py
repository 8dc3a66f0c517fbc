"""The therapist's side of subscriptions: the editor says who an article will
be emailed to and lets her switch it off; the admin counts subscribers, in
all and by topic, exports and deletes them, and shows how each article's
email went."""

import csv
import io
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import ModelLogEntry
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from base.crypto import fingerprints, seal
from blog.models import ArticlePage
from subscriptions.models import Delivery, Mailing, Subscriber
from tests.editor import EditorTestCase
from tests.factories import (
    make_article,
    make_blog_index,
    make_superuser,
)
from tests.forms import article_form, vignette_form
from tests.workers import work


def posted_body(about_me):
    """An article's five parts as the page editor posts them."""
    return [
        ("intro", rich_text("<p>Sleep, lost, and found again.</p>")),
        ("vignette", vignette_form()),
        ("conclusion", rich_text("<p>Rest can be learned.</p>")),
        ("getting_help", {"text": rich_text("<p>Let us talk.</p>")}),
        ("about_me", about_me.pk),
    ]


def make_subscriber(email, topics=(), confirmed=True):
    subscriber = Subscriber.objects.create(
        sealed=seal({"email": email}),
        fingerprint=fingerprints(email)[0],
        all_articles=not topics,
        confirmed_at=timezone.now() if confirmed else None,
    )
    subscriber.topics.set([Tag.objects.get_or_create(name=name)[0] for name in topics])
    return subscriber


class EditorTests(EditorTestCase):
    with_about_me = True

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_article(title="Seed", tags=["Grief", "Sleep"])
        make_subscriber("everything@example.org")
        make_subscriber("grief@example.org", ["Grief"])
        make_subscriber("sleep@example.org", ["Sleep"])
        make_subscriber("waiting@example.org", confirmed=False)

    def add_url(self):
        return reverse(
            "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
        )

    def panel(self, response):
        text = response.content.decode()
        start = text.index("data-subscribers-panel")
        return text[start : text.index("</div>", start)]

    def test_a_draft_says_how_many_it_will_be_emailed_to(self):
        draft = make_article(title="Draft", tags=["Grief"], publish=False)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        self.assertIn(
            "Will be emailed to 2 subscribers when first published",
            self.panel(response),
        )
        add = self.client.get(
            reverse(
                "wagtailadmin_pages:add", args=("blog", "articlepage", self.blog.pk)
            )
        )
        self.assertIn(
            "Will be emailed to 1 subscriber when first published", self.panel(add)
        )

    def test_a_draft_switched_off_says_it_will_not_be_emailed(self):
        draft = make_article(
            title="Draft", tags=["Grief"], publish=False, email_subscribers=False
        )
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        panel = self.panel(response)
        self.assertIn("Will not be emailed", panel)
        self.assertNotIn("Will be emailed", panel)

    def test_publishing_queues_the_email_and_the_editor_then_shows_its_status(self):
        data = article_form(
            posted_body(self.about_me),
            title="When sleep will not come",
            slug="when-sleep-will-not-come",
            tags="Sleep",
            email_subscribers="on",
        )
        data["action-publish"] = "1"
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 302)
        article = ArticlePage.objects.get(slug="when-sleep-will-not-come")
        self.assertTrue(article.live and article.email_subscribers)
        mailing = Mailing.objects.get(page=article)
        self.assertEqual(mailing.status, Mailing.QUEUED)
        self.assertEqual(
            sorted(s.address for s in mailing.recipients()),
            ["everything@example.org", "sleep@example.org"],
        )
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        self.assertIn("Emailed to subscribers:</strong> queued", self.panel(edit))

    def test_switched_off_the_article_publishes_without_an_email(self):
        data = article_form(
            posted_body(self.about_me),
            title="Quietly",
            slug="quietly",
            tags="Sleep",
        )  # an unticked box is not posted
        data["action-publish"] = "1"
        self.assertEqual(self.client.post(self.add_url(), data).status_code, 302)
        article = ArticlePage.objects.get(slug="quietly")
        self.assertTrue(article.live)
        self.assertFalse(article.email_subscribers)
        self.assertFalse(Mailing.objects.filter(page=article).exists())
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        self.assertIn("is not emailed now", self.panel(edit))


def test_scheduled_publishing_emails_at_go_live(migrated_site, smtp_server):
    make_blog_index()
    make_subscriber("reader@example.org")
    article = make_article(title="Later", publish=False)
    article.go_live_at = timezone.now() + timedelta(days=2)
    article.save_revision().publish()
    work()
    assert not Mailing.objects.exists() and not smtp_server.mailbox.messages

    later = timezone.now() + timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    work()
    ((to, message),) = smtp_server.mailbox.messages
    assert to == ["reader@example.org"] and message["Subject"] == "Later"


class AdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.therapist = make_superuser()
        make_blog_index()
        make_article(title="Seed", tags=["Grief", "Sleep"])
        cls.everything = make_subscriber("=everything@example.org")
        make_subscriber("grief@example.org", ["Grief"])
        make_subscriber("both@example.org", ["Grief", "Sleep"])
        make_subscriber("waiting@example.org", confirmed=False)

    def setUp(self):
        self.client.force_login(self.therapist)

    def test_the_list_counts_subscribers_in_all_and_by_topic(self):
        response = self.client.get("/admin/subscribers/")
        text = response.content.decode()
        self.assertContains(response, "3 confirmed subscribers")
        self.assertIn("Every new article: 1", text)
        self.assertIn("Grief: 2", text)
        self.assertIn("Sleep: 1", text)
        self.assertIn("Waiting for confirmation (deleted after 7 days", text)
        self.assertIn("grief@example.org", text)

    def test_one_subscriber_opens_with_the_address_and_topics(self):
        both = Subscriber.objects.with_address("both@example.org").get()
        page = self.client.get(reverse("subscribers:inspect", args=[both.pk]))
        self.assertContains(page, "both@example.org")
        self.assertContains(page, "Grief, Sleep")

    def test_an_address_typed_in_full_is_found(self):
        found = self.client.get("/admin/subscribers/?q=Grief@Example.org")
        self.assertContains(found, "grief@example.org")
        self.assertNotContains(found, "both@example.org")
        partial = self.client.get("/admin/subscribers/?q=grief")
        self.assertNotContains(partial, "grief@example.org")

    def test_the_csv_export_lists_every_address_with_its_topics(self):
        response = self.client.get("/admin/subscribers/?export=csv")
        self.assertEqual(response["Content-Type"], "text/csv")
        rows = list(csv.DictReader(io.StringIO(b"".join(response).decode())))
        by_address = {row["Email"]: row for row in rows}
        self.assertEqual(len(rows), 4)
        self.assertEqual(by_address["both@example.org"]["Topics"], "Grief, Sleep")
        # Opened in a spreadsheet, an address never runs as a formula.
        self.assertIn("'=everything@example.org", by_address)

    def test_deleting_one_removes_it_and_logs_no_address(self):
        url = reverse("subscribers:delete", args=[self.everything.pk])
        self.assertEqual(self.client.post(url).status_code, 302)
        self.assertFalse(Subscriber.objects.filter(pk=self.everything.pk).exists())
        labels = " ".join(ModelLogEntry.objects.values_list("label", flat=True))
        self.assertNotIn("example.org", labels)
        self.assertIn("Subscriber since", labels)

    def test_nobody_adds_or_changes_a_subscriber_in_the_admin(self):
        self.assertIn(
            self.client.get("/admin/subscribers/new/").status_code, (302, 404)
        )
        edit = f"/admin/subscribers/edit/{self.everything.pk}/"
        self.assertIn(self.client.get(edit).status_code, (302, 403, 404))

    def test_each_articles_email_shows_its_status_counts_and_reasons(self):
        article = make_article(title="Sent out")
        mailing = Mailing.objects.get(page=article)
        subscribers = list(Subscriber.objects.confirmed())
        Delivery.objects.create(
            mailing=mailing, subscriber=subscribers[0], status="sent"
        )
        for subscriber in subscribers[1:]:
            Delivery.objects.create(
                mailing=mailing,
                subscriber=subscriber,
                status="failed",
                reason="550 No such mailbox",
            )
        Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.SENT)
        listing = self.client.get("/admin/article_emails/").content.decode()
        self.assertIn("Sent out", listing)
        self.assertRegex(listing, r"(?s)Sent out.*Sent.*>\s*1\s*<.*>\s*2\s*<")
        inspect = self.client.get(
            reverse("article_emails:inspect", args=[mailing.pk])
        ).content.decode()
        self.assertIn("Sent to 1, failed for 2", inspect)
        self.assertIn("550 No such mailbox (2)", inspect)

    def test_editors_without_the_permission_see_no_subscriber(self):
        editor = make_superuser("plain-editor")
        editor.is_superuser = False
        editor.save()
        editors = Group.objects.get(name="Editors")
        editor.groups.add(editors)
        self.client.force_login(editor)
        self.assertIn(self.client.get("/admin/subscribers/").status_code, (302, 403))
        editors.permissions.add(
            Permission.objects.get(codename="view_subscriber"),
            Permission.objects.get(codename="access_admin"),
        )
        self.assertEqual(self.client.get("/admin/subscribers/").status_code, 200)
