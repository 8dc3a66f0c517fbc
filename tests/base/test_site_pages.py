"""The site's one-of-a-kind pages (base.SitePages): found one way, filled in
by themselves, chosen by the therapist in Settings > Site pages."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from base.models import SitePages
from blog.models import BlogIndexPage
from home.models import StandardPage
from tests.consultations.test_consultations import make_consultation_page
from tests.factories import (
    home_page,
    make_about_me,
    make_blog_index,
    make_superuser,
)

pytestmark = pytest.mark.django_db


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["base", "sitepages", site.pk])


def information_page(slug):
    page = StandardPage(title=slug.title(), slug=slug, body=[])
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def form_data(**pages):
    return {
        f"{role}_page": pages[role].pk if pages.get(role) else ""
        for role in SitePages.ROLES
    }


def test_a_new_blog_takes_its_place_by_itself_and_is_found_there():
    site = Site.objects.get(is_default_site=True)
    assert SitePages.find(site, "blog") is None
    blog = make_blog_index()
    assert SitePages.for_site(site).blog_page_id == blog.pk
    found = SitePages.find(site, "blog")
    assert type(found) is BlogIndexPage and found.pk == blog.pk


def test_an_unpublished_page_is_found_nowhere(client):
    page = make_consultation_page()
    assert 'href="/consultation/"' in client.get("/").text
    page.unpublish()
    assert (
        SitePages.find(Site.objects.get(is_default_site=True), "consultation") is None
    )
    assert 'href="/consultation/"' not in client.get("/").text


def test_the_privacy_page_she_chooses_is_the_one_the_form_links_to(client):
    consultation = make_consultation_page()
    ours = information_page("how-we-keep-your-data")
    information_page("privacy")  # a slug alone no longer decides
    assert "how-we-keep-your-data" not in client.get(consultation.url).text
    client.force_login(make_superuser())
    site = Site.objects.get(is_default_site=True)
    response = client.post(
        settings_url(site), form_data(consultation=consultation, privacy=ours)
    )
    assert response.status_code == 302
    client.logout()
    assert 'href="/how-we-keep-your-data/"' in client.get(consultation.url).text


def test_a_page_of_the_wrong_type_is_refused_with_a_message(client):
    client.force_login(make_superuser())
    site = Site.objects.get(is_default_site=True)
    fees = information_page("fees")
    response = client.post(settings_url(site), form_data(blog=fees))
    assert response.status_code == 200
    assert "Choose a blog page." in response.text
    assert SitePages.for_site(site).blog_page_id is None


def test_each_chooser_offers_only_the_page_types_that_can_fill_it(client):
    client.force_login(make_superuser())
    response = client.get(settings_url(Site.objects.get(is_default_site=True)))
    form = response.context["form"]
    assert form.fields["blog_page"].widget.target_models == [BlogIndexPage]
    assert form.fields["privacy_page"].widget.target_models == [StandardPage]


def test_a_choice_she_saves_is_what_readers_see_next(client, settings):
    """Stored pages and the cached addresses are retired by the save, as
    for every other setting: taking the consultation page out of its place
    takes "Get in touch" off the stored home page at once."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600
    make_about_me()
    make_consultation_page()
    get_in_touch = 'class="button" href="/consultation/">Get in touch'
    reader = Client()
    reader.get("/")
    stored = reader.get("/")
    assert stored["X-Page-Cache"] == "hit"
    assert get_in_touch in stored.text
    client.force_login(make_superuser())
    site = Site.objects.get(is_default_site=True)
    assert client.post(settings_url(site), form_data()).status_code == 302
    assert get_in_touch not in reader.get("/").text
