"""The about-me snippet and the getting-help setting are written once and
shown on every article."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from base.models import AboutMe, GettingHelpSettings
from tests.factories import article_body, make_about_me, make_article
from tests.forms import about_me_form

pytestmark = pytest.mark.django_db


def edit_url(about_me):
    return reverse("wagtailsnippets_base_aboutme:edit", args=[about_me.pk])


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
    listing = reverse("wagtailsnippets_base_aboutme:list")

    response = editor_client.get(listing)
    assert response.status_code == 200
    assert "Robin Alder" in response.content.decode()
    assert "Sasha Lind" in response.content.decode()

    response = editor_client.get(listing, {"q": "Sasha"})
    html = response.content.decode()
    assert "Sasha Lind" in html and "Robin Alder" not in html

    about_me = AboutMe.objects.get(name="Sasha Lind")
    preview_url = reverse(
        "wagtailsnippets_base_aboutme:preview_on_edit", args=[about_me.pk]
    )
    data = about_me_form(about_me, bio=rich_text("<p>Previewed bio.</p>"))
    assert editor_client.post(preview_url, data).json()["is_valid"] is True
    preview = editor_client.get(preview_url)
    assert "Previewed bio." in preview.content.decode()


def test_about_me_has_a_menu_entry(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsnippets_base_aboutme:list") in html


def test_getting_help_setting_is_edited_once_for_every_article(editor_client, blog):
    make_about_me(
        phone="(917) 555-0177",
        email="hello@example.com",
        booking_url="https://example.com/start/",
    )
    first = make_article()
    second = make_article()
    setting = GettingHelpSettings.load()
    url = reverse(
        "wagtailsettings:edit", args=["base", "gettinghelpsettings", setting.pk]
    )
    data = nested_form_data(
        {
            "heading": "Reaching out",
            "offer": rich_text("<p>Call for a no-cost first conversation.</p>"),
            "booking_label": "Start here",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert GettingHelpSettings.load().booking_label == "Start here"

    for page in (first, second):
        html = editor_client.get(page.url).content.decode()
        assert "Reaching out" in html
        assert "Call for a no-cost first conversation." in html
        assert (
            '<a class="button" href="https://example.com/start/">Start here</a>' in html
        )


def test_contact_details_are_typed_once_in_the_about_me(editor_client, blog):
    """The getting-help box and the bio card show the same phone, email and
    booking link, from the about-me: a change there reaches both."""
    about_me = make_about_me()
    article = make_article(body=article_body(about_me=about_me))
    data = about_me_form(about_me, phone="(917) 555-0123") | {"action-publish": "1"}
    response = editor_client.post(edit_url(about_me), data)
    assert response.status_code == 302
    html = editor_client.get(article.url).content.decode()
    help_box = html[html.index('class="getting-help"') : html.index("</aside>")]
    bio = html[html.index('class="about-me') :]
    for part in (help_box, bio):
        assert "(917) 555-0123" in part
        assert "(518) 555-0199" not in part


def test_bookmarks_of_the_old_admin_addresses_still_arrive(editor_client, about_me):
    """The about-me and the settings moved app (home to base), and their admin
    pages' addresses with them."""
    for old, new in [
        (
            f"/admin/snippets/home/aboutme/edit/{about_me.pk}/",
            reverse("wagtailsnippets_base_aboutme:edit", args=[about_me.pk]),
        ),
        (
            "/admin/snippets/home/aboutme/?q=Robin",
            "/admin/snippets/base/aboutme/?q=Robin",
        ),
        (
            "/admin/settings/home/gettinghelpsettings/",
            "/admin/settings/base/gettinghelpsettings/",
        ),
    ]:
        response = editor_client.get(old, follow=True)
        assert response.redirect_chain[0][0] == new
        assert response.status_code == 200
