"""One rule for the client's address (base/client_address.py): behind a
trusted proxy, the right-most address in X-Forwarded-For that is not itself
a trusted proxy; otherwise the connection's own address, header ignored.

The sign-in pause counts failures by it, so a spoofed header can neither
spread one attacker's guesses over many addresses nor lock out everyone
behind the proxy. tests/cms/test_nginx.py checks the same through real nginx.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from base.client_address import client_address
from tests.factories import make_superuser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"
PROXY = "127.0.0.1"


def address(remote, forwarded=None, trusted=(PROXY,)):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    if not isinstance(trusted, str):
        trusted = list(trusted)
    with override_settings(TRUSTED_PROXY_IPS=trusted):
        return client_address(RequestFactory().get("/", **headers))


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        # No proxy trusted: the header is anyone's to write.
        ("203.0.113.9", "198.51.100.1", (), "203.0.113.9"),
        (PROXY, "198.51.100.1", (), PROXY),
        # From an untrusted peer, the header is ignored.
        ("203.0.113.9", "198.51.100.1", (PROXY,), "203.0.113.9"),
        # nginx appends the client it saw; what the client wrote is ignored.
        (PROXY, "198.51.100.1", (PROXY,), "198.51.100.1"),
        (PROXY, "6.6.6.6, 1.2.3.4, 198.51.100.1", (PROXY,), "198.51.100.1"),
        # Several proxies: every trusted hop is stepped over, by range too.
        (
            PROXY,
            "198.51.100.1, 10.0.0.7, 10.0.0.8",
            (PROXY, "10.0.0.0/24"),
            "198.51.100.1",
        ),  # fmt: skip
        ("::1", "2001:db8::5", ("::1",), "2001:db8::5"),
        # A trusted proxy with no header, or only trusted hops: the nearest.
        (PROXY, None, (PROXY,), PROXY),
        (PROXY, "10.0.0.7", (PROXY, "10.0.0.0/8"), "10.0.0.7"),
        # Junk that no proxy would write ends the chain at the hop before it.
        (PROXY, "198.51.100.1, not-an-address", (PROXY,), PROXY),
        (PROXY, "", (PROXY,), PROXY),
        # As the environment spells it: one comma-separated string.
        (PROXY, "198.51.100.1, 10.0.0.7", "127.0.0.1, 10.0.0.0/8", "198.51.100.1"),
    ],
)
def test_the_client_is_the_right_most_untrusted_address(
    remote, forwarded, trusted, expected
):
    assert address(remote, forwarded, trusted) == expected


@pytest.fixture
def editor(db):
    return make_superuser("editor", PASSWORD)


def sign_in(client, password, client_ip, spoofed):
    """Through a proxy on 127.0.0.1 that appends the client it saw, as
    deploy/nginx.conf's `$proxy_add_x_forwarded_for` does."""
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{spoofed}, {client_ip}",
    )


@override_settings(TRUSTED_PROXY_IPS=[PROXY])
def test_a_spoofed_header_cannot_spread_failed_sign_ins(client, editor):
    statuses = [
        sign_in(client, "wrong-guess", "198.51.100.20", f"10.9.8.{n}").status_code
        for n in range(1, 9)
    ]
    assert 429 in statuses[:6], statuses
    assert statuses[5:] == [429, 429, 429]
    response = sign_in(client, PASSWORD, "198.51.100.20", "10.9.8.100")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(TRUSTED_PROXY_IPS=[PROXY])
def test_honest_clients_behind_the_proxy_do_not_share_a_pause(client, editor):
    for n in range(8):
        sign_in(client, "wrong-guess", "198.51.100.20", f"10.9.8.{n}")
    response = sign_in(client, PASSWORD, "198.51.100.21", "198.51.100.21")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_without_a_trusted_proxy_the_header_is_ignored(client, editor):
    """Every guess comes from one connection, whatever it claims."""
    for n in range(5):
        response = client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong-guess"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"10.9.8.{n}",
        )
    assert response.status_code == 429


def test_an_off_site_next_lands_on_the_dashboard(client, editor):
    response = client.post(
        "/admin/login/?next=https://evil.example/",
        {"username": "editor", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_django_admin_is_not_a_second_sign_in_page(client, db):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def settings_check(tmp_path, **env):
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "VAR_DIR": str(tmp_path),
             "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip


def test_a_trusted_proxy_that_is_no_address_stops_the_site_with_a_reason(tmp_path):
    result = settings_check(tmp_path, TRUSTED_PROXY_IPS="127.0.0.1,proxy.internal")
    assert result.returncode != 0
    assert "TRUSTED_PROXY_IPS: 'proxy.internal' is neither an address" in (
        result.stderr
    )


def test_the_old_proxy_count_setting_warns_and_trusts_only_this_machine(tmp_path):
    result = settings_check(tmp_path, AXES_IPWARE_PROXY_COUNT="1")
    assert result.returncode == 0, result.stderr
    assert "cms.W001" in result.stderr
    assert "TRUSTED_PROXY_IPS" in result.stderr
