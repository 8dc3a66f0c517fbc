"""Consultation requests: a reader asks for a first consultation; what they
send is stored sealed, the therapist is told only that it arrived, and it is
deleted after CONSULTATION_RETENTION_DAYS."""

import io
import re
import secrets
import time
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils import WagtailPageTestCase

from base.models import RecentSubmission
from consultations.forms import SALT
from consultations.models import ConsultationPage, ConsultationRequest
from consultations.tasks import notify_new_request
from home.models import HomePage
from tests.factories import (
    article_body,
    home_page,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
)
from tests.smtp import SMTPServer
from tests.workers import work

URL = "/consultation/"
SECRET_WORDS = {
    "name": "Philippa",
    "email": "philippa.quill@example.org",
    "phone": "(718) 555-0199",
    "contact_times": "Thursdays after four",
    "appointment": "online",
    "notes": "Is there a lift to the third floor?",
}


def make_consultation_page():
    page = ConsultationPage(
        title="Ask for a consultation",
        slug="consultation",
        reply_time="within two working days",
        show_in_menus=True,
    )
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def aged_token(seconds=10, nonce=None):
    """The form's signed start time, as if shown `seconds` ago."""
    return signing.dumps(
        {"at": time.time() - seconds, "nonce": nonce or secrets.token_hex(16)},
        salt=SALT,
    )


def form_data(**overrides):
    return {**SECRET_WORDS, "website": "", "started": aged_token(), **overrides}


def send(client, address="203.0.113.5", **overrides):
    return client.post(URL, form_data(**overrides), REMOTE_ADDR=address)


@pytest.fixture
def page(db):
    return make_consultation_page()


def test_the_form_asks_only_for_what_a_first_call_needs(client, page):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.text
    names = set(re.findall(r'<(?:input|textarea|select)[^>]* name="([a-z_]+)"', html))
    form_fields = {"name", "email", "phone", "contact_times", "appointment", "notes"}
    assert form_fields <= names
    assert names - form_fields <= {"csrfmiddlewaretoken", "website", "started", "q"}
    assert "Please don&#x27;t include details about your health here." in html
    # Its help sits under the notes field.
    assert html.index('name="notes"') < html.index("include details about your")
    assert "This form is not for emergencies" in html
    assert "988" in html
    assert 'for="id_name"' in html and 'for="id_contact_times"' in html
    assert "deleted after 30 days" in html


def test_a_request_is_stored_sealed_and_the_reader_thanked(client, page):
    response = send(client)
    assert response.status_code == 302
    assert response["Location"] == "/consultation/thanks/"
    thanks = client.get(response["Location"])
    assert "I will reply within two working days" in thanks.text
    assert "988" in thanks.text

    stored = ConsultationRequest.objects.get()
    assert (stored.name, stored.email, stored.phone) == (
        "Philippa",
        "philippa.quill@example.org",
        "(718) 555-0199",
    )
    assert (stored.contact_times, stored.appointment, stored.notes) == (
        "Thursdays after four",
        "Online",
        "Is there a lift to the third floor?",
    )
    assert "Philippa" not in str(stored)

    # What a database dump would show: none of the reader's words.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM consultations_consultationrequest")
        rows = " ".join(str(value) for row in cursor.fetchall() for value in row)
    # Words of five letters or more, as typed: the ciphertext is random
    # base64, where a shorter or case-blind match turns up by chance.
    for word in SECRET_WORDS.values():
        for part in [word, *re.findall(r"\w{5,}", word)]:
            if part not in {"example", "online"}:
                assert part not in rows, part


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "x" * 101}, "name", "at most 100 characters"),
        ({"notes": "x" * 501}, "notes", "at most 500 characters"),
        ({"contact_times": "x" * 201}, "contact_times", "at most 200 characters"),
        ({"email": "philippa@"}, "email", "Enter a valid email address."),
        ({"phone": "call me maybe"}, "phone", "Enter a phone number of 7 to 15"),
        ({"phone": "12"}, "phone", "Enter a phone number of 7 to 15"),
        ({"email": "", "phone": ""}, "email", "Give an email address or a phone"),
        ({"email": "", "phone": ""}, "phone", "Give an email address or a phone"),
        ({"appointment": "by pigeon"}, "appointment", "Select a valid choice"),
        ({"name": ""}, "name", "This field is required."),
    ],
)
def test_bad_input_is_refused_on_its_field_and_keeps_what_was_typed(
    client, page, changes, field, message
):
    response = send(client, **changes)
    assert response.status_code == 200
    html = response.text
    assert "Your request was not sent yet" in html
    # The summary leads to the field (a choice of buttons: to its first).
    anchor = f"id_{field}_0" if field == "appointment" else f"id_{field}"
    assert f'<a href="#{anchor}">' in html and f'id="{anchor}"' in html
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html)
    assert errors and message in errors.group(1)
    assert f'aria-describedby="id_{field}' in html or field == "appointment"
    assert 'aria-invalid="true"' in html
    # What the reader typed is still there.
    for name in ("contact_times", "notes"):
        value = changes.get(name, SECRET_WORDS[name])
        if len(value) < 150:
            assert value.replace("'", "&#x27;") in html
    assert not ConsultationRequest.objects.exists()


def test_only_an_email_or_only_a_phone_is_enough(client, page):
    assert send(client, phone="").status_code == 302
    assert send(client, email="", address="203.0.113.6").status_code == 302
    assert ConsultationRequest.objects.count() == 2


def test_a_filled_honeypot_is_thanked_and_forgotten(client, page):
    response = send(client, website="https://spam.example/")
    assert response.status_code == 302
    assert not ConsultationRequest.objects.exists()


def test_a_form_sent_within_three_seconds_is_refused(client, page):
    response = send(client, started=aged_token(seconds=1))
    assert response.status_code == 200
    assert "That was sent very quickly" in response.text
    assert "Thursdays after four" in response.text
    assert not ConsultationRequest.objects.exists()


@pytest.mark.parametrize(
    "started",
    [
        "",
        "junk",
        signing.dumps({"at": time.time() - 10, "nonce": "x"}, salt="other"),
        aged_token()[:-2] + "xx",
    ],
)
def test_a_tampered_start_time_is_refused(client, page, started):
    response = send(client, started=started)
    assert response.status_code == 200
    assert "Your request was not sent yet" in response.text
    assert not ConsultationRequest.objects.exists()
    # The form carries a fresh token, so the reader can simply send again.
    fresh = re.search(r'name="started" value="([^"]+)"', response.text).group(1)
    assert fresh != started
    assert signing.loads(fresh, salt=SALT)["at"] <= time.time()


def test_a_form_open_for_more_than_a_day_is_refused(client, page):
    response = send(client, started=aged_token(seconds=25 * 3600))
    assert "open for more than a day" in response.text
    assert not ConsultationRequest.objects.exists()


def test_a_request_replayed_is_refused(client, page):
    token = aged_token()
    assert send(client, started=token).status_code == 302
    response = send(client, started=token, address="198.51.100.8")
    assert response.status_code == 200
    assert "This request has already been sent" in response.text
    assert ConsultationRequest.objects.count() == 1


def test_the_sixth_request_in_an_hour_from_one_address_gets_a_429(client, page):
    for _ in range(5):
        assert send(client).status_code == 302
    response = send(client)
    assert response.status_code == 429
    assert "Please wait before sending another request" in response.text
    assert "Thursdays after four" in response.text
    assert ConsultationRequest.objects.count() == 5
    # Another address is not held back, and an hour later neither is this.
    assert send(client, address="203.0.113.77").status_code == 302
    RecentSubmission.objects.update(created_at=timezone.now() - timedelta(hours=2))
    assert send(client).status_code == 302


@override_settings(TRUSTED_PROXY_IPS=["127.0.0.1"])
def test_behind_a_proxy_the_limit_counts_the_client_not_the_proxy(client, page):
    def through_proxy(client_ip, spoofed):
        return client.post(
            URL,
            form_data(),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"{spoofed}, {client_ip}",
        )

    statuses = [through_proxy("198.51.100.1", f"10.0.0.{n}") for n in range(6)]
    assert [r.status_code for r in statuses] == [302] * 5 + [429]
    assert through_proxy("198.51.100.2", "10.0.0.1").status_code == 302


def test_the_address_itself_is_never_stored(client, page):
    send(client, address="203.0.113.99")
    with connection.cursor() as cursor:
        cursor.execute("SELECT client FROM base_recentsubmission")
        (stored,) = cursor.fetchone()
    assert "203.0.113.99" not in stored and len(stored) == 64


def test_reading_pages_set_no_cookie_and_the_form_only_a_strict_csrf_one(
    client, page, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    make_blog_index()
    make_article(title="Quiet rooms")
    for path in ("/", "/blog/", "/blog/quiet-rooms/"):
        assert not client.get(path).cookies, path
    response = client.get(URL)
    assert list(response.cookies) == ["csrftoken"]
    assert response.cookies["csrftoken"]["samesite"] == "Strict"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_second_readers_view_of_the_form_is_never_served_from_a_cache(
    client, page, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 3600
    first = client.get(URL)
    client.cookies.clear()
    second = client.get(URL)
    assert second.get("X-Page-Cache") != "hit"
    assert list(second.cookies) == ["csrftoken"]
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first.text).group(1) != token.search(second.text).group(1)


def test_the_getting_help_button_and_the_about_me_lead_to_the_form(client, db):
    about = make_about_me(booking_url="https://example.com/book/")
    make_blog_index()
    article = make_article(title="Quiet rooms", body=article_body(about_me=about))
    html = client.get(article.url).text
    assert 'href="https://example.com/book/"' in html
    assert 'href="/consultation/"' not in html

    make_consultation_page()
    html = client.get(article.url).text
    assert re.search(r'<a class="button" href="/consultation/">', html)
    assert 'href="/consultation/">Ask for a first consultation</a>' in html
    home = client.get("/").text
    assert '<a class="button" href="/consultation/">Get in touch</a>' in home


def test_purge_deletes_exactly_the_expired_requests(db, settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    now = timezone.now()
    ages = {"new": 0, "29 days": 29, "just inside": 30 * 24 - 1, "31 days": 31}
    for label, age in ages.items():
        hours = age if label == "just inside" else age * 24
        request = ConsultationRequest.store({"name": label}, token=label)
        request.created_at = now - timedelta(hours=hours, minutes=1 if hours else 0)
        request.save()
    old = ConsultationRequest.store({"name": "45 days"}, token="old")
    old.created_at = now - timedelta(days=45)
    old.save()

    out = io.StringIO()
    call_command("purge_consultation_requests", stdout=out)
    assert sorted(r.name for r in ConsultationRequest.objects.all()) == [
        "29 days",
        "just inside",
        "new",
    ]
    assert "Deleted 2 consultation requests older than 30 days." in out.getvalue()


def test_a_new_key_put_first_still_opens_what_the_old_one_sealed(db, settings):
    request = ConsultationRequest.store({"name": "Philippa"}, token="t")
    settings.FIELD_ENCRYPTION_KEYS = [
        Fernet.generate_key().decode(),
        *settings.FIELD_ENCRYPTION_KEYS,
    ]
    assert ConsultationRequest.objects.get().name == "Philippa"
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    unreadable = ConsultationRequest.objects.get(pk=request.pk)
    assert unreadable.name == "(cannot be read)"


@pytest.fixture
def stored(client, page):
    send(client)
    return ConsultationRequest.objects.get()


@pytest.fixture
def reader(db):
    """An editor allowed to read requests, through a group."""
    user = make_superuser("colleague")
    user.is_superuser = False
    user.save()
    group = Group.objects.get(name="Editors")
    user.groups.add(group)
    return user


def test_only_users_with_the_permission_can_read_requests(client, stored, reader):
    client.force_login(reader)
    inspect = f"/admin/consultation_requests/inspect/{stored.pk}/"
    assert client.get("/admin/consultation_requests/").status_code in (302, 403)
    assert client.get(inspect).status_code in (302, 403)
    assert "Philippa" not in client.get(inspect, follow=True).text

    reader.groups.get().permissions.add(
        Permission.objects.get(codename="view_consultationrequest")
    )
    listing = client.get("/admin/consultation_requests/")
    assert listing.status_code == 200
    assert "Philippa" in listing.text
    page = client.get(inspect)
    assert page.status_code == 200
    for value in ("Philippa", "philippa.quill@example.org", "Thursdays after four",
                  "Online", "Is there a lift to the third floor?"):  # fmt: skip
        assert value in page.text


def test_each_opening_is_written_to_the_audit_log(client, stored):
    admin = make_superuser("therapist")
    client.force_login(admin)
    client.get(f"/admin/consultation_requests/inspect/{stored.pk}/")
    client.get(f"/admin/consultation_requests/inspect/{stored.pk}/")
    entries = ModelLogEntry.objects.filter(action="consultations.view_request")
    assert entries.count() == 2
    assert {entry.user_id for entry in entries} == {admin.pk}
    assert all("Philippa" not in entry.label for entry in entries)
    history = client.get(f"/admin/consultation_requests/history/{stored.pk}/")
    assert "Read" in history.text


def test_it_shows_one_time_in_the_sites_zone_and_answered_as_a_word(
    client, stored, settings
):
    settings.TIME_ZONE = "America/Chicago"
    ConsultationRequest.objects.update(
        created_at=datetime(2026, 3, 2, 15, 5, tzinfo=UTC)
    )
    client.force_login(make_superuser("therapist"))
    page = client.get(f"/admin/consultation_requests/inspect/{stored.pk}/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text))
    assert "Received March 2, 2026, 09:05 (CST)" in text
    assert "3:05" not in text and "15:05" not in text  # no UTC copy
    assert "Answered No" in text and "False" not in text


def test_a_request_is_marked_answered(client, stored):
    client.force_login(make_superuser("therapist"))
    response = client.post(
        f"/admin/consultation_requests/edit/{stored.pk}/", {"answered": "on"}
    )
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.answered
    assert stored.name == "Philippa"  # the sealed details are untouched


def test_nobody_adds_a_request_in_the_admin(client, page):
    client.force_login(make_superuser("therapist"))
    listing = client.get("/admin/consultation_requests/")
    assert "/admin/consultation_requests/new/" not in listing.text
    assert client.get("/admin/consultation_requests/new/").status_code in (
        302,
        403,
    )


@pytest.mark.django_db(transaction=True)
def test_the_therapist_is_told_only_that_a_request_arrived(
    migrated_site, client, smtp_server
):
    therapist = make_superuser("therapist")
    therapist.email = "dana@example.org"
    therapist.save()
    make_consultation_page()
    assert send(client).status_code == 302
    assert not smtp_server.mailbox.messages  # sent by the worker, not the page
    work()

    ((recipients, message),) = smtp_server.mailbox.messages
    assert "dana@example.org" in recipients
    # The subject and the body: the headers around them carry random ids.
    text = message["Subject"] + "\n" + message.get_body().get_content()
    assert message["Subject"] == "New consultation request"
    stored = ConsultationRequest.objects.get()
    assert f"/admin/consultation_requests/inspect/{stored.pk}/" in text
    for word in SECRET_WORDS.values():
        for part in re.findall(r"\w{4,}", word):
            if part not in {"example", "online"}:
                assert part.lower() not in text.lower(), part


@pytest.fixture
def therapist(migrated_site):
    therapist = make_superuser("therapist")
    therapist.email = "dana@example.org"
    therapist.save()
    make_consultation_page()
    return therapist


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_down_then_up_gets_the_notice_without_anyone_acting(
    therapist, client, settings
):
    server = SMTPServer()  # its port, before it listens
    for name, value in server.settings().items():
        setattr(settings, name, value)
    settings.EMAIL_RETRY_SECONDS = 1
    assert send(client).status_code == 302
    work()  # refused: tried again in a second
    stored = ConsultationRequest.objects.get()
    assert stored.notified_at is None and stored.notification == (
        "Waiting to be notified"
    )
    with server:
        time.sleep(1.2)
        work()
        ((recipients, message),) = server.mailbox.messages
        # A task run twice (a worker stopped mid-way) sends nothing more.
        notify_new_request.enqueue(stored.pk)
        work()
        assert len(server.mailbox.messages) == 1
    assert recipients == ["dana@example.org"]
    assert message["Subject"] == "New consultation request"
    stored.refresh_from_db()
    assert stored.notified_at is not None and stored.notification == "Notified"


@pytest.mark.django_db(transaction=True)
def test_a_request_never_notified_is_marked_and_counted_on_the_dashboard(
    therapist, client, no_smtp_server, settings
):
    settings.EMAIL_MAX_ATTEMPTS = 3
    assert send(client).status_code == 302
    assert send(client, address="203.0.113.6").status_code == 302
    work()  # three attempts each, no pause between them in the suite
    assert ConsultationRequest.objects.not_notified().count() == 2
    client.force_login(therapist)
    dashboard = client.get("/admin/")
    assert "2 consultation requests were not notified" in dashboard.text
    assert "tried 3 times" in dashboard.text
    listing = client.get("/admin/consultation_requests/")
    not_notified = "Not notified: the mail server could not be reached"
    assert listing.text.count(not_notified) == 2


@pytest.mark.django_db(transaction=True)
def test_nothing_on_the_dashboard_when_every_request_was_notified(
    therapist, client, smtp_server
):
    assert send(client).status_code == 302
    work()
    client.force_login(therapist)
    assert "data-not-notified" not in client.get("/admin/").text
    assert "Notified" in client.get("/admin/consultation_requests/").text


@pytest.mark.django_db(transaction=True)
def test_with_nobody_to_tell_the_request_is_marked_at_once(
    migrated_site, client, smtp_server
):
    make_consultation_page()
    assert send(client).status_code == 302
    work()
    (stored,) = ConsultationRequest.objects.not_notified()
    assert "nobody who may read requests has an email address" in (stored.notification)
    assert not smtp_server.mailbox.messages
    reader = make_superuser("reader")  # signs in; has no address to tell
    reader.email = ""
    reader.save()
    client.force_login(reader)
    assert "1 consultation request was not notified" in client.get("/admin/").text


class PageTypeTests(WagtailPageTestCase):
    def test_it_sits_once_under_home(self):
        self.assertAllowedParentPageTypes(ConsultationPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())
        make_consultation_page()
        self.assertFalse(ConsultationPage.can_create_at(HomePage.objects.get()))

    def test_it_renders_edits_and_previews(self):
        self.client.force_login(make_superuser())
        page = make_consultation_page()
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page)
        self.assertPageIsPreviewable(page)
