"""Email from the environment (EMAIL_URL), sent through a real SMTP server on
loopback, and never reported as sent when it was not."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage
from tests.factories import make_article, make_superuser
from tests.forms import article_form

pytestmark = pytest.mark.django_db
RESET = "/admin/password_reset/"


@pytest.fixture
def therapist(db):
    user = make_superuser("therapist")
    user.email = "therapist@example.org"
    user.save()
    return user


def test_the_admin_password_reset_reaches_the_mail_server(
    client, therapist, smtp_server
):
    response = client.post(RESET, {"email": "therapist@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"

    ((recipients, message),) = smtp_server.mailbox.messages
    assert recipients == ["therapist@example.org"]
    (link,) = re.findall(
        r"http://\S+/admin/password_reset/confirm/\S+/", smtp_server.mailbox.texts()[0]
    )
    # The link works: it leads to the form for a new password.
    response = client.get(link.partition("8000")[2] or link, follow=True)
    assert "new_password1" in response.text
    assert message["From"] == "webmaster@localhost"


def test_a_reset_email_that_fails_says_why_instead_of_check_your_email(
    client, therapist, no_smtp_server
):
    response = client.post(RESET, {"email": "therapist@example.org"}, follow=True)
    assert response.status_code == 200
    assert "An email could not be sent: the mail server could not be reached" in (
        response.text
    )
    assert "Check your email" not in response.text


@override_settings(EMAIL_BACKEND="cms.mail.UnconfiguredEmailBackend")
@pytest.mark.parametrize("address", ["therapist@example.org", "nobody@example.org"])
def test_without_email_the_reset_form_says_so_for_every_address(
    client, therapist, address
):
    """The same answer whether or not the address has an account."""
    response = client.post(RESET, {"email": address})
    assert response.status_code == 200
    assert "This site cannot send email yet" in response.text
    assert "manage.py changepassword" in response.text


def submit_for_moderation(client, page):
    data = article_form(
        [("intro", rich_text("<p>Ready for a second pair of eyes.</p>"))],
        title=page.title,
        slug=page.slug,
    )
    data["action-submit"] = "Submit for moderation"
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


@pytest.fixture
def moderated(blog):
    """An editor who may not publish, and a moderator with an email address."""
    moderator = make_superuser("moderator")
    moderator.email = "moderator@example.org"
    moderator.save()
    Group.objects.get(name="Moderators").user_set.add(moderator)
    editor = make_superuser("writer")
    editor.is_superuser = False
    editor.save()
    # Wagtail's own Editors group: it may edit pages but not publish them.
    Group.objects.get(name="Editors").user_set.add(editor)
    page = make_article(title="Holding on to hope", publish=False)
    page.owner = editor
    page.save()
    return editor, page


def test_a_moderation_notification_reaches_the_moderator(
    client, moderated, smtp_server
):
    editor, page = moderated
    client.force_login(editor)
    response = submit_for_moderation(client, page)
    assert response.status_code == 200
    assert "could not be sent" not in response.text
    assert ["moderator@example.org"] in [to for to, _ in smtp_server.mailbox.messages]
    assert ArticlePage.objects.get(pk=page.pk).workflow_in_progress


def test_a_moderation_notification_that_fails_is_shown_to_the_editor(
    client, moderated, no_smtp_server
):
    editor, page = moderated
    client.force_login(editor)
    response = submit_for_moderation(client, page)
    assert response.status_code == 200
    assert "An email could not be sent: the mail server could not be reached" in (
        response.text
    )
    # The submission itself went through.
    assert ArticlePage.objects.get(pk=page.pk).workflow_in_progress


def test_thirty_resets_for_one_account_send_one_email(client, therapist, smtp_server):
    """From one client, then from thirty: the account gets one link in 15
    minutes, and every post is answered alike, telling nobody anything."""
    answers = {
        client.post(RESET, {"email": "therapist@example.org"}).status_code
        for _ in range(10)
    } | {
        client.post(
            RESET, {"email": "therapist@example.org"}, REMOTE_ADDR=f"198.51.100.{n}"
        ).status_code
        for n in range(20)
    }
    assert answers == {302}
    assert len(smtp_server.mailbox.messages) == 1


def test_one_client_cannot_aim_resets_at_many_accounts(client, db, smtp_server):
    for n in range(10):
        user = make_superuser(f"editor{n}")
        user.email = f"editor{n}@example.org"
        user.save()
    for n in range(10):
        response = client.post(RESET, {"email": f"editor{n}@example.org"})
        assert response["Location"] == "/admin/password_reset/done/"
    assert len(smtp_server.mailbox.messages) == 5
