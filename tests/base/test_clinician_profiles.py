"""A practice owner fills in a clinician's profile through the admin:
licences, states, languages and topics are saved and read back, and bad
input gets a message on its field."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from taggit.models import Tag
from wagtail.test.utils.form_data import inline_formset

from base.models import AboutMe
from blog.roles import CLINICIANS, OWNERS
from tests.factories import make_about_me
from tests.forms import about_me_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client):
    user = get_user_model().objects.create_user(
        "olive", "olive@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=OWNERS))
    client.force_login(user)
    return client


def edit(client, profile, **changes):
    url = reverse("wagtailsnippets_base_aboutme:edit", args=[profile.pk])
    return client.post(url, about_me_form(profile, **changes) | {"action-publish": "1"})


def test_an_owner_records_licences_states_languages_and_topics(owner):
    anxiety = Tag.objects.create(name="Anxiety", slug="anxiety")
    profile = make_about_me(name="Ana Lima")
    response = edit(
        owner,
        profile,
        credentials="LCSW",
        languages=["en", "pt"],
        online_states=["NJ", "NY"],
        topics=[anxiety.pk],
        accepting_new_clients="",
        fees="Sessions are $150.",
        directory_url="https://directory.example.org/ana",
        notify_email="ana@practice.example.org",
        licences=inline_formset(
            [
                {"kind": "LCSW", "number": "R-1", "state": "NY"},
                {"kind": "LCSW", "number": "44-2", "state": "NJ"},
            ]
        ),
    )
    assert response.status_code == 302
    profile = AboutMe.objects.get(pk=profile.pk)
    assert profile.live and profile.slug == "ana-lima"
    assert profile.languages == ["en", "pt"]
    assert profile.online_states == ["NJ", "NY"]
    assert [t.name for t in profile.topics.all()] == ["Anxiety"]
    assert not profile.accepting_new_clients
    assert [(x.number, x.state_name) for x in profile.licences.all()] == [
        ("R-1", "New York"),
        ("44-2", "New Jersey"),
    ]
    assert profile.notify_email == "ana@practice.example.org"


def test_bad_values_are_refused_on_their_fields(owner):
    make_about_me(name="Taken Name")
    profile = make_about_me(name="Ana Lima")
    response = edit(
        owner,
        profile,
        slug="taken-name",
        online_states=["ZZ"],
        languages=["klingon"],
        licences=inline_formset([{"kind": "LCSW", "number": "1", "state": "XX"}]),
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "clinician with this slug already exists" in text.lower()
    assert "Select a valid choice. ZZ is not one of the available choices." in text
    assert "klingon is not one of the available choices" in text
    assert "XX is not one of the available choices" in text
    assert AboutMe.objects.get(pk=profile.pk).slug == "ana-lima"


def test_a_clinician_may_read_profiles_to_choose_authors_but_not_change_them(
    client,
):
    profile = make_about_me(name="Ana Lima")
    user = get_user_model().objects.create_user(
        "amy", "amy@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=CLINICIANS))
    client.force_login(user)
    chooser = client.get(reverse("wagtailsnippetchoosers_base_aboutme:choose"))
    assert chooser.status_code == 200 and "Ana Lima" in chooser.text
    assert edit(client, profile, name="Someone Else").status_code in (302, 403)
    assert AboutMe.objects.get(pk=profile.pk).name == "Ana Lima"
