"""Email subscription: a reader subscribes, confirms by the emailed link, and
gets each new article once, by a real SMTP server on loopback, sent by the
real worker. Nothing in an email tracks them, and unsubscribing deletes
their address."""

import io
import re
import secrets
import time
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from taggit.models import Tag
from wagtail.test.utils import WagtailPageTestCase

from base.forms import MIN_FILL_SECONDS
from base.models import RecentSubmission
from blog.models import ArticleAuthor, ArticlePage
from home.models import HomePage
from home.team import TeamPage
from readership.tasks import fold_reads
from subscriptions.models import Delivery, Mailing, SubscribePage, Subscriber
from subscriptions.tasks import send_mailing
from tests.factories import (
    article_body,
    home_page,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
)
from tests.workers import work

SUBSCRIBE = "/subscriptions/"
URL_RE = re.compile(r"https?://[^\s<>\"']+")


def make_subscribe_page():
    page = SubscribePage(title="Get new articles by email", slug="subscribe")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def aged_token(seconds=10):
    """The form's signed start time, as if shown `seconds` ago."""
    return signing.dumps(
        {"at": time.time() - seconds, "nonce": secrets.token_hex(16)},
        salt="subscriptions.form",
    )


def subscribe(client, email, topics=(), address="203.0.113.5", **overrides):
    data = {"email": email, "topics": list(topics), "website": ""}
    data["started"] = aged_token()
    return client.post(SUBSCRIBE, data | overrides, REMOTE_ADDR=address)


def links(text):
    return [url.rstrip(".,)") for url in URL_RE.findall(text)]


def confirmation_link(server, email):
    """The link in the last confirmation email the server got for `email`."""
    for recipients, message in reversed(server.mailbox.messages):
        if email in recipients and "confirm" in message["Subject"].lower():
            (link,) = [u for u in links(message.get_content()) if "/confirm/" in u]
            return link
    raise AssertionError(f"no confirmation email for {email}")


def path_of(url):
    return "/" + url.split("/", 3)[3]


def follow_and_confirm(client, link):
    """Open the link, as the reader (or a mail filter) does, then press the
    page's button, which only the reader does."""
    asked = client.get(path_of(link))
    assert asked.status_code == 200
    assert '<button type="submit" class="button">Confirm</button>' in asked.text
    return client.post(path_of(link))


def articles_to(server, email):
    return [
        message
        for recipients, message in server.mailbox.messages
        if email in recipients and "confirm" not in message["Subject"].lower()
    ]


def recipients_of(server, subject):
    """Who got the email with this subject, in address order."""
    return sorted(
        recipients[0]
        for recipients, message in server.mailbox.messages
        if message["Subject"] == subject
    )


def confirmed_subscriber(client, server, email, topics=()):
    """Subscribe through the form and confirm by the link that arrived."""
    assert subscribe(client, email, topics).status_code == 302
    work()
    response = follow_and_confirm(client, confirmation_link(server, email))
    assert response.status_code == 200
    return Subscriber.objects.with_address(email).get()


def confirmed_subscribers(client, server, count):
    """r0@example.org, r1@... , each subscribed to everything and confirmed."""
    for n in range(count):
        confirmed_subscriber(client, server, f"r{n}@example.org")


@pytest.fixture
def subscribe_page(db):
    make_blog_index()
    return make_subscribe_page()


def test_it_is_on_every_article_the_blog_and_its_own_page(
    client, subscribe_page, about_me
):
    article = make_article(tags=["Grief"], body=article_body(about_me))
    for url in (article.url, "/blog/", subscribe_page.url):
        response = client.get(url)
        assert response.status_code == 200
        form = re.search(
            r'<form class="subscribe-form" method="post" action="([^"]+)"',
            response.text,
        )
        assert form and form.group(1) == SUBSCRIBE, url
        assert 'type="email" name="email"' in response.text
        # A reading page carries it without setting any cookie.
        assert not response.cookies, url
    article_page = client.get(article.url).text
    # After the about-me, offering the article's own topics.
    assert article_page.index("subscribe-heading") > article_page.index(
        'class="about-me'
    )
    assert 'name="topics" value="grief"' in article_page


def test_no_subscribe_page_no_form(client, db):
    article = make_article()
    assert "subscribe-form" not in client.get(article.url).text
    assert subscribe(client, "a@example.org").status_code == 404


def test_the_page_says_the_same_whether_or_not_the_address_subscribed(
    client, subscribe_page, settings
):
    settings.SUBSCRIPTION_RATE_LIMIT = 100
    first = subscribe(client, "new@example.org")
    Subscriber.objects.update(confirmed_at=timezone.now(), asked_at=None)
    again = subscribe(client, "NEW@example.org ")
    pending = subscribe(client, "pending@example.org")
    waiting = subscribe(client, "pending@example.org")
    for response in (first, again, pending, waiting):
        assert response.status_code == 302
        assert response["Location"] == "/subscribe/sent/"
        assert "no-store" in response["Cache-Control"]
    assert Subscriber.objects.count() == 2
    sent = client.get("/subscribe/sent/")
    assert "Check your email" in sent.text
    assert "private" in sent["Cache-Control"]


@pytest.mark.parametrize(
    "data, error, anchor",
    [
        ({"email": "not an address"}, "Enter a valid email address.", "id_email"),
        ({"email": ""}, "This field is required.", "id_email"),
        (
            {"topics": ["no-such-topic"]},
            "“no-such-topic” is no longer a topic",
            "id_topics_0",
        ),
    ],
)
def test_bad_input_is_refused_on_its_field(client, subscribe_page, data, error, anchor):
    make_article(tags=["Grief"])
    response = subscribe(client, **({"email": "r@example.org"} | data))
    assert response.status_code == 200
    assert "You are not subscribed yet" in response.text
    assert error in response.text
    # The summary leads to the field (a list of boxes: to its first).
    assert f'<a href="#{anchor}">' in response.text
    assert f'id="{anchor}"' in response.text
    assert not Subscriber.objects.exists()


def test_spam_defences_are_the_consultation_forms(client, subscribe_page):
    trapped = subscribe(client, "bot@example.org", website="http://spam.test")
    assert trapped.status_code == 302 and not Subscriber.objects.exists()
    hasty = subscribe(client, "quick@example.org", started=aged_token(1))
    assert "very quickly" in hasty.text and not Subscriber.objects.exists()
    tampered = subscribe(client, "t@example.org", started=aged_token() + "x")
    assert "could not be checked" in tampered.text


def test_the_sixth_in_an_hour_from_one_address_gets_a_429(client, subscribe_page):
    for n in range(5):
        assert subscribe(client, f"r{n}@example.org").status_code == 302
    response = subscribe(client, "r5@example.org")
    assert response.status_code == 429
    assert "Please wait" in response.text
    assert 'value="r5@example.org"' in response.text
    assert subscribe(client, "r5@example.org", address="203.0.113.9").status_code == 302
    # The same table as the consultation form's limit, by form; and the
    # mailboxes written to, for the hour, as keyed hashes.
    assert set(RecentSubmission.objects.values_list("form", flat=True)) == {
        "subscription",
        "confirmation-mailbox",
    }
    assert not RecentSubmission.objects.filter(client__contains="@").exists()


# Subscribe, confirm and receive, through aiosmtpd and the worker.
def test_subscribe_confirm_and_receive_the_article_when_first_published(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    assert subscribe(client, "reader@example.org").status_code == 302
    assert not smtp_server.mailbox.messages  # sent by the worker
    work()
    ((to, confirmation),) = smtp_server.mailbox.messages
    assert to == ["reader@example.org"]
    link = confirmation_link(smtp_server, "reader@example.org")
    # Not confirmed until the link is followed: nothing is sent to it.
    make_article(title="Before confirming")
    work()
    assert not articles_to(smtp_server, "reader@example.org")

    # Opening the link, as a mail filter does, asks; only the button
    # confirms.
    asked = client.get(path_of(link))
    assert "Email reader@example.org when I publish a new article?" in (asked.text)
    assert not Subscriber.objects.get().confirmed
    response = client.post(path_of(link))
    assert "You are subscribed" in response.text
    assert not response.cookies and not asked.cookies

    article = make_article(
        title="Why we repeat what hurts",
        summary="A short look at repetition.",
        content_notes=["suicide"],
    )
    work()
    (message,) = articles_to(smtp_server, "reader@example.org")
    assert message["Subject"] == "Why we repeat what hurts"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    # The content note first, then the summary and the plain link.
    note = "This article discusses suicide."
    assert text.index(note) < text.index("A short look at repetition.")
    assert text.index("A short look") < text.index(article.full_url)
    assert note in html and article.full_url in html
    # The crisis notice beside the note, before the article, and again
    # in the footer, as text in the plain copy.
    crisis = "988 (Suicide & Crisis Lifeline, US)"
    assert text.count(crisis) == 2
    assert text.index(note) < text.index(crisis) < text.index("A short look")
    assert html.count("988 (Suicide &amp; Crisis Lifeline, US)") == 2
    assert 'name="color-scheme" content="light dark"' in html
    assert "prefers-color-scheme: dark" in html


def test_no_second_email_on_an_edit_or_a_rerun(migrated_site, client, smtp_server):
    make_subscribe_page()
    confirmed_subscriber(client, smtp_server, "once@example.org")
    article = make_article(title="Only once")
    work()
    assert len(articles_to(smtp_server, "once@example.org")) == 1

    article.title = "Only once, edited"
    article.save_revision().publish()
    article.unpublish()
    article.save_revision().publish()
    work()
    mailing = Mailing.objects.get(page=article)
    send_mailing.enqueue(mailing.pk, mailing.generation)
    call_command("resume_article_emails", stdout=io.StringIO())
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.SENDING)
    call_command("resume_article_emails", stdout=io.StringIO())
    work()
    assert len(articles_to(smtp_server, "once@example.org")) == 1
    assert Mailing.objects.count() == 1


def test_a_run_interrupted_mid_batch_carries_on_without_repeating(
    migrated_site, client, smtp_server, settings
):
    make_subscribe_page()
    confirmed_subscribers(client, smtp_server, 4)
    settings.EMAIL_BATCH_SIZE = 2
    article = make_article(title="Interrupted")
    mailing = Mailing.objects.get(page=article)
    # A worker died after claiming a batch and sending its first email.
    first, second = mailing.recipients().order_by("pk")[:2]
    Delivery.objects.create(mailing=mailing, subscriber=first)
    Delivery.objects.create(mailing=mailing, subscriber=second)
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.SENDING)
    DBTaskResult.objects.all().delete()
    call_command("resume_article_emails", stdout=io.StringIO())
    work()
    got = set(recipients_of(smtp_server, "Interrupted"))
    assert got == {"r2@example.org", "r3@example.org"}
    mailing.refresh_from_db()
    assert mailing.status == Mailing.SENT
    assert mailing.counts() == {"pending": 0, "sent": 2, "failed": 2}
    (reason,) = mailing.failure_reasons()
    assert "not sent again" in reason["reason"]


def test_only_subscribers_of_one_of_its_topics_or_of_everything(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    make_article(title="Seed", tags=["Grief", "Anxiety", "Sleep"])
    confirmed_subscriber(client, smtp_server, "all@example.org")
    confirmed_subscriber(client, smtp_server, "grief@example.org", ["grief"])
    confirmed_subscriber(client, smtp_server, "both@example.org", ["anxiety", "sleep"])
    confirmed_subscriber(client, smtp_server, "sleep@example.org", ["sleep"])
    make_article(title="On anxiety", tags=["Anxiety"])
    work()
    got = recipients_of(smtp_server, "On anxiety")
    assert got == ["all@example.org", "both@example.org"]


def test_switched_off_for_one_article_nothing_is_sent(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    confirmed_subscriber(client, smtp_server, "r@example.org")
    make_article(title="Quiet", email_subscribers=False)
    work()
    assert not articles_to(smtp_server, "r@example.org")
    assert not Mailing.objects.exists()


def test_it_goes_out_in_batches_at_the_configured_rate(
    migrated_site, client, smtp_server, settings
):
    make_subscribe_page()
    confirmed_subscribers(client, smtp_server, 5)
    settings.EMAIL_BATCH_SIZE = 2
    settings.EMAIL_BATCH_INTERVAL_SECONDS = 600
    make_article(title="Batched")
    work()
    assert len(recipients_of(smtp_server, "Batched")) == 2
    # The next batch waits, beside the worker's next readership fold.
    waiting = (
        DBTaskResult.objects.filter(status="READY")
        .exclude(task_path=fold_reads.module_path)
        .get()
    )
    assert waiting.run_after > timezone.now() + timedelta(seconds=590)
    # The wait over, the rest go, two at a time.
    settings.EMAIL_BATCH_INTERVAL_SECONDS = 0
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
    work()
    assert len(recipients_of(smtp_server, "Batched")) == 5
    assert Mailing.objects.get().status == Mailing.SENT


def test_a_busy_server_is_tried_again_and_a_refused_address_recorded(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    for name in ("a", "b", "c"):
        confirmed_subscriber(client, smtp_server, f"{name}@example.org")
    smtp_server.mailbox.refusals["b@example.org"] = "550 No such mailbox"
    smtp_server.mailbox.busy = 2
    make_article(title="Persistent")
    work()
    got = recipients_of(smtp_server, "Persistent")
    assert got == ["a@example.org", "c@example.org"]
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.SENT
    assert mailing.counts() == {"pending": 0, "sent": 2, "failed": 1}
    assert [r["reason"] for r in mailing.failure_reasons()] == ["550 No such mailbox"]
    # Each 451 paused the sending: the pauses doubled from EMAIL_RETRY_SECONDS.
    runs = DBTaskResult.objects.filter(task_path__endswith="send_mailing")
    assert runs.count() >= 4


def test_a_server_that_never_answers_stops_the_sending_with_the_reason(
    migrated_site, client, smtp_server, settings
):
    make_subscribe_page()
    confirmed_subscriber(client, smtp_server, "r@example.org")
    settings.EMAIL_MAX_ATTEMPTS = 3
    smtp_server.mailbox.busy = 100
    make_article(title="Never")
    work()
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.STOPPED
    assert mailing.attempts == 3
    assert "451" in mailing.problem
    assert mailing.counts()["sent"] == 0
    # The server fixed, resuming sends it.
    smtp_server.mailbox.busy = 0
    call_command("resume_article_emails", stdout=io.StringIO())
    work()
    assert len(articles_to(smtp_server, "r@example.org")) == 1
    mailing.refresh_from_db()
    assert mailing.status == Mailing.SENT and not mailing.problem


def test_a_subscriber_asking_again_confirms_the_new_topics_by_email(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    make_article(title="Seed", tags=["Sleep"])
    confirmed_subscriber(client, smtp_server, "again@example.org")
    assert subscribe(client, "again@example.org", ["sleep"]).status_code == 302
    work()
    # Within the hour: no second email, whatever is typed.
    assert len(smtp_server.mailbox.messages) == 1
    an_hour_ago = timezone.now() - timedelta(hours=2)
    Subscriber.objects.update(asked_at=an_hour_ago)
    RecentSubmission.objects.update(created_at=an_hour_ago)
    subscribe(client, "again@example.org", ["sleep"])
    work()
    (_, message) = smtp_server.mailbox.messages[-1]
    assert "This address already gets new articles" in message.get_content()
    assert "articles about Sleep" in message.get_content()
    link = confirmation_link(smtp_server, "again@example.org")
    assert "new article about Sleep?" in client.get(path_of(link)).text
    page = client.post(path_of(link))
    assert "new article about Sleep" in page.text
    subscriber = Subscriber.objects.get()
    assert not subscriber.all_articles and subscriber.topic_names == "Sleep"


def test_a_confirmation_the_server_refused_for_now_arrives_later(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    smtp_server.mailbox.busy = 2
    subscribe(client, "patient@example.org")
    work()
    assert confirmation_link(smtp_server, "patient@example.org")


def test_a_confirmation_that_never_left_lets_the_reader_ask_again_at_once(
    migrated_site, client, smtp_server, settings
):
    make_subscribe_page()
    settings.EMAIL_MAX_ATTEMPTS = 2
    smtp_server.mailbox.busy = 2
    subscribe(client, "unlucky@example.org")
    work()
    assert not smtp_server.mailbox.messages
    subscribe(client, "unlucky@example.org")
    work()
    assert confirmation_link(smtp_server, "unlucky@example.org")


def test_one_mailbox_gets_one_confirmation_an_hour_however_it_is_spelt(
    migrated_site, client, smtp_server
):
    """name+1@ to name+20@ reach one mailbox, from twenty client
    addresses: one confirmation goes, to the first."""
    make_subscribe_page()
    for n in range(1, 21):
        response = subscribe(
            client, f"Target+{n}@example.org", address=f"198.51.100.{n}"
        )
        assert response.status_code == 302
    subscribe(client, "t.a.r.g.e.t@gmail.com", address="198.51.100.30")
    subscribe(client, "target@gmail.com", address="198.51.100.31")
    work()
    sent = sorted(recipients[0] for recipients, _ in smtp_server.mailbox.messages)
    assert sent == ["t.a.r.g.e.t@gmail.com", "target+1@example.org"]


def test_publishing_does_not_wait_for_the_mail_server(
    migrated_site, client, no_smtp_server
):
    make_subscribe_page()
    Subscriber.objects.create(
        sealed="x", fingerprint="f" * 64, confirmed_at=timezone.now()
    )
    make_article(title="Published regardless")
    assert ArticlePage.objects.get(title="Published regardless").live
    assert Mailing.objects.get().status == Mailing.QUEUED


@pytest.fixture
def received(migrated_site, client, smtp_server):
    make_subscribe_page()
    confirmed_subscriber(client, smtp_server, "private@example.org")
    article = make_article(title="Untracked", summary="Plain words.")
    work()
    (message,) = articles_to(smtp_server, "private@example.org")
    return article, message


def test_the_headers_offer_one_click_unsubscribe(received):
    _, message = received
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message["List-Unsubscribe"]
    assert re.fullmatch(r"<http://[^>]+/subscriptions/unsubscribe/[^>]+/>", header)
    assert message.get_content_type() == "multipart/alternative"


def test_one_click_unsubscribe_by_post_to_the_headers_address(client, received):
    _, message = received
    url = message["List-Unsubscribe"].strip("<>")
    # Opening it, as a mail filter checking links does, unsubscribes nobody.
    page = client.get(path_of(url))
    assert page.status_code == 200
    assert "Stop emails about new articles to private@example.org?" in page.text
    assert '<button type="submit" class="button">Unsubscribe</button>' in page.text
    assert Subscriber.objects.exists()
    response = client.post(
        path_of(url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Your address has been deleted" in response.text
    # Deleted, not flagged.
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM subscriptions_subscriber")
        assert cursor.fetchone() == (0,)
    again = client.post(path_of(url))
    assert again.status_code == 200
    # An old email's link, opened later, says so.
    later = client.get(path_of(url))
    assert "This address is not on the list" in later.text
    assert client.post(path_of(url)[:-3] + "xx/").status_code == 400


def test_an_email_holds_no_picture_and_no_link_but_the_article_and_unsubscribe(
    received,
):
    article, message = received
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    allowed = {article.full_url, unsubscribe}
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    found = Links()
    found.feed(html)
    assert found.images == []
    assert set(found.hrefs) == allowed
    assert "url(" not in html and "@import" not in html
    assert set(links(html)) == allowed  # nothing in an attribute or style
    assert set(links(text)) == allowed
    assert "utm_" not in html + text


def test_the_stored_address_is_not_readable_in_any_table(received):
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (our tables)
            for row in cursor.fetchall():
                assert "private@example.org" not in repr(row).lower(), table
                assert "private@" not in repr(row).lower(), table


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.images = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag in ("img", "image", "picture", "source") or "src" in attrs:
            self.images.append(attrs)


def test_unconfirmed_addresses_are_deleted_after_seven_days(client, subscribe_page):
    subscribe(client, "late@example.org")
    subscribe(client, "recent@example.org", address="203.0.113.6")
    confirmed = Subscriber.objects.create(
        sealed="x", fingerprint="c" * 64, confirmed_at=timezone.now()
    )
    eight_days_ago = timezone.now() - timedelta(days=8)
    Subscriber.objects.with_address("late@example.org").update(
        created_at=eight_days_ago
    )
    Subscriber.objects.filter(pk=confirmed.pk).update(created_at=eight_days_ago)
    out = io.StringIO()
    call_command("purge_subscribers", stdout=out)
    assert "Deleted 1 unconfirmed address." in out.getvalue()
    assert not Subscriber.objects.with_address("late@example.org").exists()
    assert Subscriber.objects.with_address("recent@example.org").exists()
    assert Subscriber.objects.filter(pk=confirmed.pk).exists()


def test_a_confirmation_link_older_than_seven_days_no_longer_works(
    client, subscribe_page, monkeypatch
):
    subscribe(client, "slow@example.org")
    subscriber = Subscriber.objects.get()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 8 * 24 * 3600)
    old = subscriber.confirmation_token([])
    monkeypatch.setattr(time, "time", real_time)
    response = client.get(f"/subscriptions/confirm/{old}/")
    assert response.status_code == 410
    assert "This link has expired" in response.text
    subscriber.refresh_from_db()
    assert not subscriber.confirmed
    assert client.post(f"/subscriptions/confirm/{old}/").status_code == 410
    subscriber.refresh_from_db()
    assert not subscriber.confirmed
    fresh = subscriber.confirmation_token([])
    assert client.get(f"/subscriptions/confirm/{fresh}/").status_code == 200
    damaged = client.post(f"/subscriptions/confirm/{fresh[:-2]}/")
    assert damaged.status_code == 400 and "does not work" in damaged.text
    subscriber.delete()  # unsubscribed, or purged, since the email left
    gone = client.post(f"/subscriptions/confirm/{fresh}/")
    assert gone.status_code == 410
    assert "no longer on the list" in gone.text
    assert 'href="/subscribe/">Subscribe again' in gone.text


def test_a_new_subscription_deletes_expired_ones(client, subscribe_page):
    subscribe(client, "old@example.org")
    Subscriber.objects.update(created_at=timezone.now() - timedelta(days=8))
    subscribe(client, "new@example.org")
    assert not Subscriber.objects.with_address("old@example.org").exists()


def test_confirming_again_changes_the_topics_to_the_newly_chosen(
    client, subscribe_page
):
    make_article(tags=["Grief", "Sleep"])
    subscribe(client, "r@example.org", ["grief"])
    subscriber = Subscriber.objects.get()
    client.post(f"/subscriptions/confirm/{subscriber.confirmation_token(['grief'])}/")
    assert [t.slug for t in subscriber.topics.all()] == ["grief"]
    assert not Subscriber.objects.get().all_articles
    client.post(f"/subscriptions/confirm/{subscriber.confirmation_token([])}/")
    assert Subscriber.objects.get().all_articles
    assert Tag.objects.filter(subscribers=subscriber).count() == 0


class TestSubscribePageType(WagtailPageTestCase):
    def test_it_sits_once_under_home(self):
        self.assertAllowedParentPageTypes(SubscribePage, {HomePage})
        self.assertAllowedSubpageTypes(SubscribePage, set())
        make_subscribe_page()
        self.assertFalse(SubscribePage.can_create_at(HomePage.objects.get()))

    def test_it_renders_edits_and_previews(self):
        self.client.force_login(make_superuser())
        page = make_subscribe_page()
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page)
        self.assertPageIsPreviewable(page)


# The page cache keeps one copy of a page for every reader; the start time on
# its forms is each reader's own, stamped as the page goes out.
@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


def started(response):
    (token,) = re.findall(r'name="started" value="([^"]+)"', response.text)
    return token


def test_two_readers_of_a_stored_page_get_their_own_start_times(
    page_cache_on, client, subscribe_page
):
    article = make_article(title="Stored")
    for address in (subscribe_page.url, article.url):
        first, second = client.get(address), Client().get(address)
        assert second["X-Page-Cache"] == "hit"
        assert started(first) != started(second)
        stamp = signing.loads(started(second), salt="subscriptions.form")
        assert abs(stamp["at"] - time.time()) < 5


def test_a_bots_instant_post_from_a_stored_page_is_refused(
    page_cache_on, client, subscribe_page
):
    client.get(subscribe_page.url)
    time.sleep(MIN_FILL_SECONDS)  # the stored copy is now older than that
    token = started(Client().get(subscribe_page.url))
    response = subscribe(client, "bot@example.org", started=token)
    assert response.status_code == 200
    assert "That was sent very quickly" in response.text
    assert not Subscriber.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_reader_follows_one_clinician_of_a_group_practice(
    migrated_site, client, smtp_server
):
    make_subscribe_page()
    team = TeamPage(title="Team", slug="team")
    home_page().add_child(instance=team)
    team.save_revision().publish()
    ana, ben = make_about_me(name="Ana Lima"), make_about_me(name="Ben Carter")
    profile = client.get("/team/ana-lima/").text
    assert "Get Ana Lima's new articles by email" in profile
    assert '<input type="hidden" name="clinicians" value="ana-lima">' in profile
    assert "Only articles by" in client.get("/subscribe/").text

    assert (
        subscribe(client, "f@example.org", clinicians=["ana-lima"]).status_code == 302
    )
    work()
    (_, message) = smtp_server.mailbox.messages[-1]
    assert "when a new article is published by Ana Lima." in message.get_content()
    link = confirmation_link(smtp_server, "f@example.org")
    assert "new article by Ana Lima?" in client.get(path_of(link)).text
    assert "new article by Ana Lima." in client.post(path_of(link)).text

    for title, author in (("By Ana", ana), ("By Ben", ben)):
        page = make_article(title=title, publish=False)
        page.authors = [ArticleAuthor(clinician=author)]
        page.save_revision().publish()
    work()
    assert [m["Subject"] for m in articles_to(smtp_server, "f@example.org")] == [
        "By Ana"
    ]
