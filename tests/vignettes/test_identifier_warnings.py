"""The editor warns, without blocking, when a vignette holds something that
looks like it could identify a real client."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text, streamfield

from blog.models import ArticlePage
from tests.detector_sentences import IDENTIFIERS, pseudonyms_for
from tests.factories import make_article, make_superuser, vignette_value
from tests.forms import article_form, vignette_form
from vignettes.identifiers import find_identifiers

PSEUDONYMS = ["Ned Harlow", "Jane"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ned first came in on March 3, 2024.", "a calendar date (“March 3, 2024”)"),
        ("It was the 14th of February.", "a calendar date (“14th of February”)"),
        ("Her letter was dated 03/12/2021.", "a calendar date (“03/12/2021”)"),
        ("The record says 2021-03-12.", "a calendar date (“2021-03-12”)"),
        (
            "She left a number, (718) 555-0199.",
            "a phone or fax number (“(718) 555-0199”)",
        ),
        ("Call 555-0199 after six.", "a phone or fax number (“555-0199”)"),
        ("He wrote from ned.h@example.org.", "an email address (“ned.h@example.org”)"),
        ("She lived at 42 Linden Avenue.", "a street address (“42 Linden Avenue”)"),
        (
            "Later Ned mentioned Maria Lopez, his sister.",
            "a name not among its pseudonyms (“Maria Lopez”)",
        ),
    ],
)
def test_each_kind_of_identifier_is_named(text, expected):
    assert [str(finding) for finding in find_identifiers(text, PSEUDONYMS)] == [
        expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ned Harlow sat down. When Jane spoke, Ned listened.",
        "After a long pause, Jane smiled. On Monday she came back.",
        "She may call in March. He was 42 and worked three jobs.",
        "In the first session, Ned talked about sleep for 45 minutes.",
    ],
)
def test_pseudonyms_and_ordinary_prose_raise_nothing(text):
    assert find_identifiers(text, PSEUDONYMS) == []


@pytest.mark.parametrize(
    ("category", "sentence"),
    [(c, s) for c, sentences in IDENTIFIERS.items() for s in sentences["warn"]],
)
def test_every_safe_harbor_category_prose_can_hold_is_found(category, sentence):
    assert find_identifiers(sentence, pseudonyms_for(category)), category


@pytest.mark.parametrize(
    ("category", "sentence"),
    [(c, s) for c, sentences in IDENTIFIERS.items() for s in sentences["quiet"]],
)
def test_the_same_story_without_the_detail_raises_nothing(category, sentence):
    found = find_identifiers(sentence, pseudonyms_for(category))
    assert found == [], [str(finding) for finding in found]


def test_each_finding_says_what_it_is():
    text = (
        "Maya worked at Dunmore Steel, lived in Lubbock, and her son attends "
        "Oakridge Elementary; her grandmother, 94, knew Rosalind Hart."
    )
    assert [str(finding) for finding in find_identifiers(text, ["Maya"])] == [
        "a named employer or workplace (“Dunmore Steel”)",
        "a place smaller than a state (“Lubbock”)",
        "a school (“Oakridge Elementary”)",
        "an age over 89 (“94”)",
        "a name not among its pseudonyms (“Rosalind Hart”)",
    ]


def identifying_vignette():
    return vignette_value(
        title="Ned, March 3, 2024",
        people=["Ned"],
        body=[
            ("heading", "Session at 42 Linden Avenue"),
            ("paragraph", "<p>Ned Harlow called from (718) 555-0199.</p>"),
        ],
    )


@pytest.mark.django_db
def test_the_editor_shows_what_it_found(client, blog):
    client.force_login(make_superuser())
    article = make_article(body=[("vignette", identifying_vignette())])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Check the vignette before publishing." in text
    assert "a calendar date (“March 3, 2024”)" in text
    assert "a street address (“42 Linden Avenue”)" in text
    assert "a phone or fax number (“(718) 555-0199”)" in text
    assert "a name not among its pseudonyms (“Ned Harlow”)" in text


@pytest.mark.django_db
def test_no_warning_for_a_clean_vignette(client, blog):
    client.force_login(make_superuser())
    article = make_article()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert "Check the vignette before publishing." not in response.content.decode()


@pytest.mark.django_db
def test_publishing_is_refused_once_then_goes_through_with_her_tick(client, blog):
    """De-identified ticked, an identifier still in the story: the first
    publish lists the warning beside a tick box; ticked, it publishes, and
    the page's history keeps what she read."""
    client.force_login(make_superuser())
    vignette = vignette_form(
        body=streamfield(
            [("paragraph", rich_text("<p>Noor met Tariq Haddad on June 5.</p>"))]
        )
    )
    data = article_form([("vignette", vignette)])
    data["action-publish"] = "1"
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    response = client.post(url, data)
    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
    errors = response.context["form"].errors["acknowledge_warnings"]
    assert "a calendar date (“June 5”)" in errors[0]
    assert "I have read these warnings and the article is safe to publish" in (
        response.text
    )

    response = client.post(url, data | {"acknowledge_warnings": "on"}, follow=True)
    page = ArticlePage.objects.get(slug="why-we-go-quiet")
    assert page.live
    text = response.content.decode()
    assert "may identify a client" in text
    assert "a name not among its pseudonyms (“Tariq Haddad”)" in text
    (entry,) = PageLogEntry.objects.filter(
        page=page, action="blog.published_with_warnings"
    )
    assert "a calendar date (“June 5”)" in entry.data["warnings"][0]
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "I have read these warnings" in history.text
    assert "Tariq Haddad" in history.text


@pytest.mark.django_db
def test_a_draft_with_warnings_saves_without_the_tick(client, blog):
    client.force_login(make_superuser())
    vignette = vignette_form(
        body=streamfield([("paragraph", rich_text("<p>Noor met Tariq Haddad.</p>"))])
    )
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    assert client.post(url, article_form([("vignette", vignette)])).status_code == 302
    assert not ArticlePage.objects.get().live


@pytest.mark.django_db
def test_a_refused_publish_warns_about_what_was_just_typed(client, blog):
    client.force_login(make_superuser())
    vignette = vignette_form(
        deidentified="",
        body=streamfield(
            [("paragraph", rich_text("<p>Noor wrote to n@example.org.</p>"))]
        ),
    )
    data = article_form([("vignette", vignette)])
    data["action-publish"] = "1"
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "an email address (“n@example.org”)" in response.content.decode()
