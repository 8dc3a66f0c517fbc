"""The about-me snippet and the getting-help setting are written once and
shown on every article."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import AboutMe, GettingHelpSettings
from tests.factories import article_body, make_about_me, make_article

pytestmark = pytest.mark.django_db


def about_me_form(about_me, **changes):
    fields = {
        "name": about_me.name,
        "credentials": about_me.credentials,
        "job_title": about_me.job_title,
        "bio": rich_text(about_me.bio),
        "specialties": about_me.specialties,
        "modalities": about_me.modalities,
        "location": about_me.location,
        "phone": about_me.phone,
        "email": about_me.email,
        "website": about_me.website,
        "booking_url": about_me.booking_url,
    }
    return nested_form_data(fields | changes)


def edit_url(about_me):
    return reverse("wagtailsnippets_home_aboutme:edit", args=[about_me.pk])


def test_editing_the_snippet_once_changes_every_article(editor_client, blog):
    about_me = make_about_me()
    first = make_article(body=article_body(about_me))
    second = make_article(body=article_body(about_me))
    new_bio = "<p>I now also see couples on Saturdays.</p>"

    response = editor_client.post(
        edit_url(about_me),
        about_me_form(about_me, bio=rich_text(new_bio)) | {"action-publish": "1"},
    )
    assert response.status_code == 302

    for page in (first, second):
        html = editor_client.get(page.url).content.decode()
        assert "I now also see couples on Saturdays." in html
        assert "I help adults untangle old patterns." not in html
    assert about_me.revisions.count() == 2


def test_a_draft_of_the_snippet_changes_nothing_until_published(client, blog):
    about_me = make_about_me()
    page = make_article(body=article_body(about_me))
    about_me.bio = "<p>Draft wording.</p>"
    about_me.save_revision()

    html = client.get(page.url).content.decode()
    assert "Draft wording." not in html
    assert "I help adults untangle old patterns." in html


def test_bad_snippet_input_gets_clear_messages_and_saves_nothing(editor_client):
    about_me = make_about_me()
    response = editor_client.post(
        edit_url(about_me),
        about_me_form(about_me, name="", email="not-an-email", phone="call me")
        | {"action-publish": "1"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["This field is required."]
    assert errors["email"] == ["Enter a valid email address."]
    assert "for example (212) 555-0147" in errors["phone"][0]
    about_me.refresh_from_db()
    assert about_me.name == "Robin Alder"


def test_snippet_admin_lists_searches_and_previews(editor_client):
    make_about_me(name="Robin Alder")
    make_about_me(name="Sasha Lind")
    listing = reverse("wagtailsnippets_home_aboutme:list")

    response = editor_client.get(listing)
    assert response.status_code == 200
    assert "Robin Alder" in response.content.decode()
    assert "Sasha Lind" in response.content.decode()

    response = editor_client.get(listing, {"q": "Sasha"})
    html = response.content.decode()
    assert "Sasha Lind" in html and "Robin Alder" not in html

    about_me = AboutMe.objects.get(name="Sasha Lind")
    preview_url = reverse(
        "wagtailsnippets_home_aboutme:preview_on_edit", args=[about_me.pk]
    )
    data = about_me_form(about_me, bio=rich_text("<p>Previewed bio.</p>"))
    assert editor_client.post(preview_url, data).json()["is_valid"] is True
    preview = editor_client.get(preview_url)
    assert "Previewed bio." in preview.content.decode()


def test_about_me_has_a_menu_entry(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsnippets_home_aboutme:list") in html


def test_getting_help_setting_is_edited_once_for_every_article(editor_client, blog):
    first = make_article()
    second = make_article()
    setting = GettingHelpSettings.load()
    url = reverse(
        "wagtailsettings:edit", args=["home", "gettinghelpsettings", setting.pk]
    )
    data = nested_form_data(
        {
            "heading": "Reaching out",
            "offer": rich_text("<p>Call for a no-cost first conversation.</p>"),
            "phone": "(917) 555-0177",
            "email": "hello@example.com",
            "booking_url": "https://example.com/start/",
            "booking_label": "Start here",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert GettingHelpSettings.load().phone == "(917) 555-0177"

    for page in (first, second):
        html = editor_client.get(page.url).content.decode()
        assert "Reaching out" in html
        assert "Call for a no-cost first conversation." in html
        assert (
            '<a class="button" href="https://example.com/start/">Start here</a>' in html
        )
