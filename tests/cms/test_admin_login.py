"""Credential stuffing on /admin/: five failures for one username from one
address pause that pair for an hour, and the page says so."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.factories import make_superuser

PASSWORD = "a-long-test-password"


def sign_in(client, password, username="editor", address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def editor(db):
    return make_superuser("editor", PASSWORD)


def fail_five_times(client, **kwargs):
    for _ in range(5):
        response = sign_in(client, "wrong-guess", **kwargs)
    return response


def test_a_wrong_password_says_so_and_signs_nobody_in(client, editor):
    response = sign_in(client, "wrong-guess")
    assert response.status_code == 200
    assert "Your username and password didn" in response.text
    assert "_auth_user_id" not in client.session


def test_five_failures_pause_that_username_from_that_address(client, editor):
    response = fail_five_times(client)
    assert response.status_code == 429
    assert "Sign-in paused for an hour" in response.text
    assert "5 unsuccessful attempts to sign in as “editor”" in response.text

    # Even the right password is refused while paused.
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_pause_holds_only_that_username_and_address(client, editor):
    fail_five_times(client)
    make_superuser("colleague", PASSWORD)

    assert sign_in(client, PASSWORD, username="colleague").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, address="198.51.100.2").status_code == 302


def test_the_pause_ends_after_an_hour(client, editor):
    fail_five_times(client)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61)
    )
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_documented_command_lifts_the_pause(client, editor):
    fail_five_times(client)
    call_command("axes_reset_username", "editor")
    assert sign_in(client, PASSWORD).status_code == 302


def test_a_good_sign_in_forgets_earlier_failures(client, editor):
    for _ in range(4):
        sign_in(client, "wrong-guess")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "wrong-guess")
    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1!", "This password is too short"),
        ("password123", "This password is too common"),
        ("83920174652", "This password is entirely numeric"),
    ],
)
def test_a_weak_password_for_a_new_editor_is_refused(client, editor, password, message):
    client.force_login(editor)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.com",
            "first_name": "New",
            "last_name": "Comer",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert message in response.text
    assert not get_user_model().objects.filter(username="newcomer").exists()
