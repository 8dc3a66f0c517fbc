"""The practice's notices and links out (Settings > Practice notices and
links): each notice switched on is linked from every footer, the Good Faith
Estimate has its own address and a summary on the consultation and fees
pages, the consultation page says where online sessions are possible and
links to the booking site, and the JSON-LD is schema.org's."""

import itertools
import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text

from base.clinicians import ClinicianLicence
from base.models import AboutMe, PracticeNotices, SitePages
from home.models import StandardPage
from tests.consultations.test_consultations import make_consultation_page
from tests.factories import article_body, home_page, make_about_me, make_article
from tests.schema_org import assert_schema_org

pytestmark = pytest.mark.django_db
GFE_FIRST_SENTENCE = (
    "If you do not have health insurance, or choose not to use it for your "
    "sessions, you have the right to a “Good Faith Estimate” of what your care "
    "will cost."
)


def information_page(title, slug):
    page = StandardPage(
        title=title, slug=slug, body=[("paragraph", f"<p>{title}.</p>")]
    )
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def notices(**fields):
    setting = PracticeNotices.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(setting, name, value)
    setting.save()
    return setting


def footer(client, url):
    html = client.get(url).content.decode()
    return html[html.index("<footer") :]


@pytest.fixture
def site(blog):
    about = make_about_me(online_states=["NJ", "NY"])
    article = make_article(parent=blog, body=article_body(about), tags=["Grief"])
    fees = information_page("Fees", "fees")
    SitePages.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"fees_page": fees}
    )
    return {
        "article": article,
        "consultation": make_consultation_page(),
        "fees": fees,
        "npp": information_page("Notice of Privacy Practices", "npp"),
        "accessibility": information_page("Accessibility statement", "access"),
    }


NOTICES = {
    "estimate": ("Good Faith Estimate", "/good-faith-estimate/"),
    "npp": ("Notice of Privacy Practices", "/npp/"),
    "accessibility": ("Accessibility", "/access/"),
}


@pytest.mark.parametrize(
    "shown", [c for n in range(4) for c in itertools.combinations(NOTICES, n)]
)
def test_every_footer_links_each_notice_switched_on_and_none_off(client, site, shown):
    notices(
        good_faith_estimate_shown="estimate" in shown,
        privacy_practices_page=site["npp"] if "npp" in shown else None,
        accessibility_page=site["accessibility"] if "accessibility" in shown else None,
    )
    urls = [
        "/",
        "/blog/",
        "/blog/topics/grief/",
        site["article"].url,
        "/consultation/",
        "/fees/",
        "/npp/",
        "/search/?q=grief",
        "/no-such-page/",
    ]
    if "estimate" in shown:
        urls.append("/good-faith-estimate/")
    for url in urls:
        html = footer(client, url)
        for name, (label, address) in NOTICES.items():
            link = f'<a href="{address}">{label}</a>'
            assert (link in html) == (name in shown), (url, name)


def test_a_notice_page_readers_cannot_see_is_not_linked(client, site):
    notices(privacy_practices_page=site["npp"])
    site["npp"].unpublish()
    assert "Notice of Privacy Practices" not in footer(client, "/")


def test_the_good_faith_estimate_has_its_own_address(client, site):
    assert client.get("/good-faith-estimate/").status_code == 404
    notices(good_faith_estimate_shown=True)
    response = client.get("/good-faith-estimate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Your right to a Good Faith Estimate</h1>" in html
    assert GFE_FIRST_SENTENCE in html
    assert "$400" in html and "1-800-985-3059" in html
    # No contact of her own written in: the profile's phone and email.
    assert 'href="tel:(518)555-0199"' in html
    assert "robin@example.com" in html
    notices(good_faith_estimate_contact="Ask at the front desk, or call 555-0100.")
    html = client.get("/good-faith-estimate/").content.decode()
    assert "Ask at the front desk, or call 555-0100." in html


def test_the_consultation_and_fees_pages_sum_up_the_estimate(client, site):
    for url in ("/consultation/", "/fees/"):
        assert "Good Faith Estimate" not in client.get(url).content.decode()
    notices(good_faith_estimate_shown=True)
    for url in ("/consultation/", "/fees/"):
        html = client.get(url).content.decode()
        summary = html[html.index('class="good-faith-summary"') :]
        assert summary.index(GFE_FIRST_SENTENCE) < summary.index(
            'href="/good-faith-estimate/"'
        ), url
    # Only the fees page: another information page has no summary.
    assert 'class="good-faith-summary"' not in client.get("/npp/").content.decode()


def test_her_own_wording_is_summed_up_by_its_first_sentence(client, site):
    notices(
        good_faith_estimate_shown=True,
        good_faith_estimate="<p>You can <b>always</b> ask what it will cost. "
        "Second sentence.</p>",
    )
    html = client.get("/consultation/").content.decode()
    assert "You can always ask what it will cost. <a" in html
    assert "Second sentence" not in html


def test_the_consultation_page_says_where_online_sessions_are_possible(client, site):
    make_about_me(name="Sam Hart", online_states=["CT", "NY"])
    html = client.get("/consultation/").content.decode()
    label = re.search(r'<label for="id_appointment_1">.*?</label>', html, re.S)[0]
    assert (
        "Online, with clients located in Connecticut (CT), New Jersey (NJ) "
        "and New York (NY)" in label
    )
    assert "only while you are in one of those states" in html
    # The reader is never asked where they live.
    assert not re.search(r'name="(state|location|address|where)"', html)


def test_online_is_plain_when_no_state_is_given(client, blog):
    make_about_me()
    make_consultation_page()
    html = client.get("/consultation/").content.decode()
    assert re.search(r'<label for="id_appointment_1">.*?Online</label>', html, re.S)


def test_the_booking_and_portal_links_say_where_they_lead(client, site):
    html = client.get("/consultation/").content.decode()
    assert "Book a first appointment online" not in html
    assert "client portal" not in footer(client, "/")
    notices(
        booking_url="https://book.example.net/robin",
        client_portal_url="https://www.portal.example.org/login",
    )
    html = client.get("/consultation/").content.decode()
    assert (
        '<a href="https://book.example.net/robin" rel="noreferrer">'
        "Book a first appointment online</a>" in html
    )
    assert (
        "This opens book.example.net, a separate booking site that keeps "
        "its own records" in html
    )
    for url in ("/", site["article"].url, "/consultation/"):
        html = footer(client, url)
        assert (
            '<a href="https://www.portal.example.org/login" rel="noreferrer">'
            "Existing clients: sign in to your client portal</a>" in html
        )
        assert "This opens portal.example.org, a separate client portal site" in html
    # Links only: nothing from either site is loaded, and the CSP is unchanged.
    response = client.get("/consultation/")
    assert not re.search(r"<(iframe|script|img)[^>]+example\.(net|org)", response.text)
    assert "example" not in response["Content-Security-Policy"]


def test_the_setting_is_saved_through_the_admin_and_bad_values_refused(
    editor_client, client, site
):
    setting = notices()
    url = reverse(
        "wagtailsettings:edit", args=["base", "practicenotices", setting.site_id]
    )

    def post(**changes):
        data = {
            "good_faith_estimate_shown": "on",
            "good_faith_estimate": rich_text(setting.good_faith_estimate),
            "good_faith_estimate_contact": "",
            "privacy_practices_page": site["npp"].pk,
            "accessibility_page": site["accessibility"].pk,
            "client_portal_url": "https://portal.example.org/",
            "booking_url": "",
        } | changes
        return editor_client.post(url, nested_form_data(data))

    assert post().status_code == 302
    html = footer(client, "/")
    for label, address in NOTICES.values():
        assert f'<a href="{address}">{label}</a>' in html
    # An article is no notice page; an address without https is refused; an
    # empty notice cannot be shown.
    response = post(
        privacy_practices_page=site["article"].pk,
        booking_url="http://book.example.net/",
        good_faith_estimate=rich_text("<p></p>"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["privacy_practices_page"] == ["Choose an information page."]
    assert errors["booking_url"] == ["Use the address starting with https://."]
    assert "untick" in errors["good_faith_estimate"][0]
    assert "good_faith_estimate_contact" not in errors  # the profile has both
    setting.refresh_from_db()
    assert setting.privacy_practices_page_id == site["npp"].pk
    assert setting.booking_url == ""


def test_json_ld_of_every_page_is_schema_org(client, site):
    about = make_about_me(name="Lee Park", slug="lee-park", online_states=["PA"])
    about.licences = [ClinicianLicence(kind="Psychologist", number="PS1", state="PA")]
    about.save()
    about.save_revision().publish()
    article = make_article(
        parent=site["article"].get_parent(), body=article_body(about)
    )
    pages = ["/", site["article"].url, article.url, "/fees/"]
    found = 0
    for url in pages:
        html = client.get(url).content.decode()
        for script in re.findall(r'application/ld\+json">(.*?)</script>', html, re.S):
            data = json.loads(script)
            assert_schema_org(data)
            found += 1
    assert found >= len(pages) - 1  # the fees page has no questions
    html = client.get(article.url).content.decode()
    assert '"validIn"' in html and '"areaServed"' in html


def test_the_estimate_cannot_be_shown_with_no_way_to_ask_for_one(editor_client, site):
    AboutMe.objects.update(phone="", email="")
    setting = notices()
    url = reverse(
        "wagtailsettings:edit", args=["base", "practicenotices", setting.site_id]
    )
    data = {
        "good_faith_estimate_shown": "on",
        "good_faith_estimate": rich_text(setting.good_faith_estimate),
        "good_faith_estimate_contact": "",
    }
    response = editor_client.post(url, nested_form_data(data))
    assert response.status_code == 200
    assert (
        "no phone or email"
        in response.context["form"].errors["good_faith_estimate_contact"][0]
    )
    data["good_faith_estimate_contact"] = "Ask me at our first call."
    assert editor_client.post(url, nested_form_data(data)).status_code == 302
    html = Client().get("/good-faith-estimate/").content.decode()
    assert "Ask me at our first call." in html


def test_with_no_contact_left_the_estimate_still_says_how_to_ask(client, blog):
    """Her profile lost its phone and email after she switched it on."""
    make_about_me(phone="", email="")
    notices(good_faith_estimate_shown=True)
    html = client.get("/good-faith-estimate/").content.decode()
    how = html[html.index("How to ask for an estimate") : html.index("</article>")]
    assert "Ask for one when we first speak, before your first session." in how
    assert "<ul>" not in how  # no empty list
