"""In a group practice a request goes to the clinician the reader chose, or
to the practice for "Help me choose": only they are told, and a clinician
reads only the requests addressed to them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data

from blog.roles import CLINICIANS, OWNERS
from consultations.models import ConsultationRequest
from tests.consultations.test_consultations import make_consultation_page, send
from tests.factories import make_about_me
from tests.workers import work

URL = "/admin/consultation_requests/"


def account(username, group, email=""):
    user = get_user_model().objects.create_user(
        username, email or f"{username}@accounts.example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def practice(migrated_site):
    make_consultation_page()
    amy = make_about_me(name="Amy Stone", notify_email="amy@practice.example.org")
    bo = make_about_me(name="Bo Lind", notify_email="bo@practice.example.org")
    amy.user = account("amy", CLINICIANS)
    bo.user = account("bo", CLINICIANS)
    amy.save()
    bo.save()
    owner = account("olive", OWNERS, email="olive@practice.example.org")
    return {"amy": amy, "bo": bo, "owner": owner}


def sent_to(client, choice, address):
    assert send(client, address=address, clinician=choice).status_code == 302
    return ConsultationRequest.objects.latest("pk")


@pytest.mark.django_db(transaction=True)
def test_the_form_offers_each_clinician_and_help_me_choose(client, practice):
    page = client.get("/consultation/?clinician=bo-lind")
    assert 'value="amy-stone"' in page.text
    assert 'value="bo-lind" id="id_clinician_1" checked' in page.text
    assert "Help me choose" in page.text
    # An old or mistyped link chooses nobody; a forged choice is refused.
    unknown = client.get("/consultation/?clinician=nobody")
    assert 'value="" id="id_clinician_2" checked' in unknown.text
    forged = send(client, address="203.0.113.9", clinician="nobody")
    assert forged.status_code == 200
    assert "Select a valid choice." in forged.text
    assert not ConsultationRequest.objects.exists()
    to_bo = sent_to(client, "bo-lind", "203.0.113.10")
    to_anyone = sent_to(client, "", "203.0.113.11")
    assert to_bo.clinician == practice["bo"] and to_anyone.clinician is None
    # Which clinician is asked for is kept; what the reader wrote is sealed.
    assert "Philippa" not in to_bo.sealed and to_bo.name == "Philippa"


@pytest.mark.django_db(transaction=True)
def test_a_request_to_b_notifies_b_only_and_help_me_choose_the_practice(
    client, practice, smtp_server
):
    admin = get_user_model().objects.create_superuser(
        "admin", "admin@practice.example.org", "a-long-test-password"
    )
    sent_to(client, "bo-lind", "203.0.113.10")
    work()
    ((recipients, message),) = smtp_server.mailbox.messages
    assert recipients == ["bo@practice.example.org"]
    assert "Philippa" not in message.get_body().get_content()

    sent_to(client, "", "203.0.113.11")
    work()
    recipients, _ = smtp_server.mailbox.messages[1]
    # The practice: its owners and administrators, never a clinician.
    assert sorted(recipients) == sorted([admin.email, practice["owner"].email])


@pytest.mark.django_db(transaction=True)
def test_a_clinician_reads_only_requests_addressed_to_them(client, practice):
    to_amy = sent_to(client, "amy-stone", "203.0.113.10")
    to_bo = sent_to(client, "bo-lind", "203.0.113.11")
    to_anyone = sent_to(client, "", "203.0.113.12")
    client.force_login(practice["amy"].user)
    listing = client.get(URL)
    assert listing.status_code == 200
    assert f"inspect/{to_amy.pk}/" in listing.text
    assert f"inspect/{to_bo.pk}/" not in listing.text
    assert f"inspect/{to_anyone.pk}/" not in listing.text
    for other in (to_bo, to_anyone):
        for view in ("inspect", "edit", "delete"):
            assert client.get(f"{URL}{view}/{other.pk}/").status_code == 404, view
        client.post(f"{URL}delete/{other.pk}/")
        assert ConsultationRequest.objects.filter(pk=other.pk).exists()
    assert "Philippa" in client.get(f"{URL}inspect/{to_amy.pk}/").text
    # She marks her own answered; she cannot pass it to someone else.
    client.post(
        f"{URL}edit/{to_amy.pk}/",
        nested_form_data({"answered": True, "clinician": practice["bo"].pk}),
    )
    to_amy.refresh_from_db()
    assert to_amy.answered and to_amy.clinician == practice["amy"]


@pytest.mark.django_db(transaction=True)
def test_the_owners_see_every_request_and_assign_help_me_choose(client, practice):
    to_amy = sent_to(client, "amy-stone", "203.0.113.10")
    to_anyone = sent_to(client, "", "203.0.113.12")
    client.force_login(practice["owner"])
    listing = client.get(URL)
    assert f"inspect/{to_amy.pk}/" in listing.text
    assert f"inspect/{to_anyone.pk}/" in listing.text
    assert "Help me choose" in listing.text
    response = client.post(
        f"{URL}edit/{to_anyone.pk}/",
        nested_form_data({"clinician": practice["bo"].pk, "answered": False}),
    )
    assert response.status_code == 302
    to_anyone.refresh_from_db()
    assert to_anyone.clinician == practice["bo"]
    client.force_login(practice["bo"].user)
    assert client.get(f"{URL}inspect/{to_anyone.pk}/").status_code == 200
