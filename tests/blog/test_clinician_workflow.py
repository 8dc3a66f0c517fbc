"""A clinician of a group practice writes articles and edits their own, but
publishing is the practice owners': their articles go through the owners'
approval workflow, with the vignette gate as for anyone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage
from blog.roles import CLINICIANS, OWNERS, WORKFLOW
from tests.factories import article_body, make_about_me, make_article
from tests.forms import article_form, vignette_form

pytestmark = pytest.mark.django_db


def account(username, group):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def amy(blog):
    profile = make_about_me(name="Amy Stone")
    profile.user = account("amy", CLINICIANS)
    profile.save()
    return profile


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


def test_a_new_blog_goes_through_the_owners_workflow(blog):
    assert blog.get_workflow().name == WORKFLOW


def test_a_new_article_names_the_clinician_who_writes_it(client, blog, amy):
    client.force_login(amy.user)
    form = client.get(add_url(blog))
    assert form.status_code == 200
    assert f'name="authors-0-clinician" value="{amy.pk}"' in form.text


def test_a_clinician_writes_cannot_publish_submits_and_an_owner_publishes(
    client, blog, amy
):
    client.force_login(amy.user)
    body = [("intro", rich_text("<p>On waiting.</p>")), ("vignette", vignette_form())]
    data = article_form(body, authors=[amy], slug="on-waiting")
    response = client.post(add_url(blog), data | {"action-publish": "1"})
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="on-waiting")
    assert not article.live  # saved as a draft: publishing is not hers
    assert article.get_latest_revision_as_object().author_list == [amy]

    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.post(edit, data | {"action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(article.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/blog/on-waiting/").status_code == 404

    client.force_login(account("olive", OWNERS))
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    page = client.get("/blog/on-waiting/")
    assert page.status_code == 200
    assert "Amy Stone" in page.text


def test_the_vignette_gate_holds_for_a_clinician_too(client, blog, amy):
    client.force_login(amy.user)
    untick = vignette_form(deidentified="")
    body = [("intro", rich_text("<p>An idea.</p>")), ("vignette", untick)]
    data = article_form(body, authors=[amy], slug="unticked")
    client.post(add_url(blog), data)
    article = ArticlePage.objects.get(slug="unticked")
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.post(edit, data | {"action-submit": "1"})
    assert response.status_code == 200  # the form again, with the problem
    assert "de-identif" in response.text.lower()
    assert not WorkflowState.objects.filter(object_id=str(article.pk)).exists()


def test_a_clinician_cannot_edit_another_clinicians_article(client, blog, amy):
    other = make_article(title="Not hers", body=article_body(amy))
    client.force_login(amy.user)
    edit = reverse("wagtailadmin_pages:edit", args=[other.pk])
    assert client.get(edit).status_code in (302, 403)


def test_an_author_named_twice_is_refused_with_a_message(client, blog, amy):
    client.force_login(amy.user)
    body = [("intro", rich_text("<p>Twice.</p>"))]
    data = article_form(body, authors=[amy, amy], slug="twice")
    response = client.post(add_url(blog), data)
    assert response.status_code == 200
    assert "Amy Stone is named as an author already." in response.text
    assert not ArticlePage.objects.filter(slug="twice").exists()
