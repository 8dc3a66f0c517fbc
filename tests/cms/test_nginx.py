"""deploy/nginx.conf, run by Debian's nginx on loopback in front of gunicorn
with the production settings, as the README deploys it.

The file is used as shipped; only what a test machine must change is
changed: the ports, the certificate (a self-signed one for
blog.example.org) and where gunicorn listens. Clients connect from
127.0.0.2, 127.0.0.3..., so nginx sees each at an address of its own, and
gunicorn trusts only the proxy on 127.0.0.1 (TRUSTED_PROXY_IPS).
"""

import contextlib
import http.client
import os
import pwd
import re
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import time
import uuid
import zlib
from urllib.parse import urlencode

import pytest

from tests.servers import ROOT, free_port, gunicorn, manage

pytestmark = pytest.mark.proxy

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOST = "blog.example.org"
PASSWORD = "a-long-test-password"
IMAGE_LIMIT = 20 * 2**20  # IMAGE_MAX_UPLOAD_MB's default
PROXY_LIMIT = 101 * 2**20  # deploy/nginx.conf's client_max_body_size for /admin/


def served_config(ports, gunicorn_port, tls, media):
    """deploy/nginx.conf with this machine's ports and certificate."""
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    replacements = [
        (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{gunicorn_port};"),
        (r"listen \[::\]:\d+[^;]*;\n", ""),
        (r"listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        (r"listen 443 ssl", f"listen 127.0.0.1:{ports['https']} ssl"),
        (r"ssl_certificate /\S+;", f"ssl_certificate {tls}/cert.pem;"),
        (r"ssl_certificate_key /\S+;", f"ssl_certificate_key {tls}/key.pem;"),
        (r"alias /srv/practice-blog/var/media/", f"alias {media}/"),
    ]
    for pattern, replacement in replacements:
        config, count = re.subn(pattern, replacement, config)
        assert count, f"deploy/nginx.conf no longer has {pattern}"
    return config


def main_config(folder, site):
    """The `http` block around it, as /etc/nginx/nginx.conf would be."""
    user = pwd.getpwuid(os.geteuid()).pw_name
    return f"""
user {user};
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site};
}}
"""


def wait_for(port, process, what):
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"{what} stopped: {process.stderr.read()[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{what} never answered on {port}")


@contextlib.contextmanager
def proxied_site(folder):
    """gunicorn (two sync workers, production settings) and nginx before it,
    in `folder`; their ports (bench/slow_clients.py uses it too)."""
    gunicorn_port = free_port()
    ports = {"http": free_port(), "https": free_port()}
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "n" * 30 + "-nginx-test-key-0123456789abcdefghij",
        "ALLOWED_HOSTS": HOST,
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "TRUSTED_PROXY_IPS": "127.0.0.1",
        "FIELD_ENCRYPTION_KEY": "bmdpbngtdGVzdC1vbmx5LWZpZWxkLWtleS0wMTIzNDU=",
        "VAR_DIR": str(folder / "var"),
        "HOST": "127.0.0.1",
        "PORT": str(gunicorn_port),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }

    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "createsuperuser", "--noinput", "--username", "editor",
           "--email", "editor@example.org")  # fmt: skip
    app = gunicorn(env)
    try:
        with nginx_before(folder, ports, gunicorn_port):
            wait_for(gunicorn_port, app, "gunicorn")
            yield {"gunicorn": gunicorn_port, **ports}
    finally:
        app.terminate()
        app.wait(timeout=30)


@contextlib.contextmanager
def nginx_before(folder, ports, upstream_port):
    """deploy/nginx.conf run in `folder`, passing to `upstream_port`, with a
    self-signed certificate for blog.example.org; up once it answers."""
    tls = folder / "tls"
    tls.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", f"/CN={HOST}", "-keyout", tls / "key.pem", "-out", tls / "cert.pem"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    media = folder / "var" / "media"
    (folder / "site.conf").write_text(served_config(ports, upstream_port, tls, media))
    (folder / "nginx.conf").write_text(main_config(folder, folder / "site.conf"))
    nginx = subprocess.Popen(
        [NGINX, "-c", folder / "nginx.conf", "-p", folder],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(ports["https"], nginx, "nginx")
        yield
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with proxied_site(tmp_path_factory.mktemp("nginx")) as ports:
        yield ports


class Visitor:
    """One client at an address of its own, keeping its cookies, over HTTPS
    through nginx (or straight to gunicorn, for comparison)."""

    def __init__(self, port, address="127.0.0.2", tls=True):
        self.port, self.address, self.tls = port, address, tls
        self.cookies = {}

    def connection(self, timeout):
        if not self.tls:
            return http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=timeout,
                source_address=(self.address, 0),
            )  # fmt: skip
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return http.client.HTTPSConnection(
            "127.0.0.1", self.port, timeout=timeout, context=context,
            source_address=(self.address, 0),
        )  # fmt: skip

    def request(self, method, path, body=None, headers=(), timeout=30):
        connection = self.connection(timeout)
        headers = {"Host": HOST, **dict(headers)}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response, content.decode(errors="replace")

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, fields=None, body=None, content_type=None, headers=()):
        """A form post as a browser makes it: the page's CSRF token, and the
        page itself as the Referer. `headers` go with both requests."""
        headers = dict(headers)
        _, page = self.get(path, headers=headers)
        (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if body is None:
            body = urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            body = body(token)
        return self.request(
            "POST", path, body=body,
            headers={"Content-Type": content_type,
                     "Referer": f"https://{HOST}{path}", **headers},
        )  # fmt: skip

    def sign_in(self, password, spoofed=None):
        response, _ = self.post(
            "/admin/login/",
            {"username": "editor", "password": password},
            headers={"X-Forwarded-For": spoofed} if spoofed else {},
        )
        return response.status


class SlowClients:
    """Connections that send their request headers a byte at a time, every
    half second, and never finish them."""

    def __init__(self, port, count, tls):
        self.sockets = []
        for n in range(count):
            raw = socket.create_connection(("127.0.0.1", port), timeout=10)
            if tls:
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                raw = context.wrap_socket(raw, server_hostname=HOST)
            raw.sendall(f"GET /?slow={n} HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            self.sockets.append(raw)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.thread.start()

    def trickle(self):
        while not self.stopped.wait(0.5):
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.sendall(b"X")

    def close(self):
        self.stopped.set()
        self.thread.join()
        for sock in self.sockets:
            sock.close()


def timed_get(visitor, path, timeout):
    """Seconds to answer `path`, or None when no answer came in `timeout`."""
    started = time.perf_counter()
    try:
        response, _ = visitor.get(path, timeout=timeout)
    except TimeoutError:
        return None
    assert response.status in (200, 301), response.status
    return time.perf_counter() - started


def test_slow_clients_do_not_delay_a_reader(site):
    reader = Visitor(site["https"], "127.0.0.9")
    slow = SlowClients(site["https"], 20, tls=True)
    try:
        time.sleep(2)
        waits = [timed_get(reader, "/", timeout=5) for _ in range(5)]
    finally:
        slow.close()
    print(f"\nbehind nginx, with 20 slow clients: {waits} s")
    assert None not in waits, waits
    assert max(waits) < 2


def test_without_nginx_the_same_slow_clients_stall_gunicorn(site):
    """What the proxy is for: the comparison the test above rests on."""
    reader = Visitor(site["gunicorn"], "127.0.0.9", tls=False)
    assert timed_get(reader, "/robots.txt", timeout=5) is not None
    slow = SlowClients(site["gunicorn"], 20, tls=False)
    try:
        time.sleep(1)
        wait = timed_get(reader, "/robots.txt", timeout=3)
    finally:
        slow.close()
    print(f"\nstraight to gunicorn, with 20 slow clients: {wait} s")
    assert wait is None
    # Once they are gone the workers serve again.
    assert timed_get(reader, "/robots.txt", timeout=30) is not None


def test_django_sees_https_from_the_forwarded_proto(site):
    response, _ = Visitor(site["https"]).get("/robots.txt")
    # Not redirected to HTTPS again, and HSTS is sent only over HTTPS.
    assert response.status == 200
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    response, _ = Visitor(site["http"], tls=False).get("/")
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/"


def test_a_spoofed_forwarded_for_cannot_spread_failed_sign_ins(site):
    attacker = Visitor(site["https"], "127.0.0.3")
    statuses = [
        attacker.sign_in("wrong-guess", spoofed=f"10.9.8.{n}") for n in range(1, 9)
    ]
    assert statuses[:4] == [200] * 4, statuses
    assert statuses[5:] == [429] * 3, statuses
    assert attacker.sign_in(PASSWORD, spoofed="10.9.8.100") == 429

    # Another reader, at another address, is not paused with it.
    colleague = Visitor(site["https"], "127.0.0.4")
    assert colleague.sign_in(PASSWORD) == 302


def test_honest_clients_at_different_addresses_do_not_share_a_pause(site):
    for n, address in enumerate(("127.0.0.5", "127.0.0.6", "127.0.0.7")):
        visitor = Visitor(site["https"], address)
        # Four failures each: twelve for the username, none paused.
        for _ in range(4):
            assert visitor.sign_in("wrong-guess", spoofed=f"192.0.2.{n}") == 200
    assert Visitor(site["https"], "127.0.0.7").sign_in(PASSWORD) == 302


def png_of_size(size):
    """A valid PNG of exactly `size` bytes: a tiny picture padded with a
    private chunk, which image readers skip."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )  # fmt: skip

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress((b"\x00" + b"\x80\x60\x40" * 8) * 8))
    end = chunk(b"IEND", b"")
    fixed = 8 + len(header) + len(pixels) + len(end) + 12
    padding = chunk(b"prVt", b"\x00" * (size - fixed))
    png = b"\x89PNG\r\n\x1a\n" + header + padding + pixels + end
    assert len(png) == size
    return png


def multipart(token, content, boundary):
    parts = [
        ("csrfmiddlewaretoken", None, token.encode()),
        ("title", None, b"Waiting room"),
        ("file", "picture.png", content),
    ]
    body = b""
    for field, filename, value in parts:
        disposition = f'form-data; name="{field}"'
        if filename:
            disposition += f'; filename="{filename}"\r\nContent-Type: image/png'
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
        body += value + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


def upload(editor, content):
    boundary = uuid.uuid4().hex
    return editor.post(
        "/admin/images/add/",
        body=lambda token: multipart(token, content, boundary),
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def declared_post(visitor, path, length):
    """A POST announcing a body of `length` bytes; nginx answers on the
    headers alone when that is over its limit."""
    connection = visitor.connection(timeout=30)
    try:
        connection.putrequest("POST", path, skip_host=True)
        connection.putheader("Host", HOST)
        connection.putheader("Content-Type", "application/octet-stream")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        response = connection.getresponse()
        return response, response.read().decode()
    finally:
        connection.close()


def test_an_image_at_the_limit_passes_and_one_over_it_is_refused(site):
    editor = Visitor(site["https"], "127.0.0.8")
    assert editor.sign_in(PASSWORD) == 302

    response, page = upload(editor, png_of_size(IMAGE_LIMIT))
    assert response.status == 302, page[-2000:]
    assert response.headers["Location"].startswith("/admin/images/")

    response, page = upload(editor, png_of_size(IMAGE_LIMIT + 1))
    assert response.status == 200
    assert "This file is too big" in page
    assert "Maximum filesize 20.0" in page


def test_a_body_over_the_proxy_limit_is_refused_before_it_reaches_the_site(site):
    visitor = Visitor(site["https"], "127.0.0.10")
    response, page = declared_post(visitor, "/admin/images/add/", PROXY_LIMIT + 1)
    assert response.status == 413
    assert "That file is too large" in page
    assert "images up to 20 MB" in page

    # Readers' pages take no more than a search or a short form.
    response, _ = declared_post(visitor, "/search/", 2 * 2**20)
    assert response.status == 413


def test_an_uploaded_picture_and_its_renditions_are_served(site):
    """Django serves no media in production; nginx serves them from the
    media folder, cached for a month, and never as a page that runs script."""
    editor = Visitor(site["https"], "127.0.0.11")
    assert editor.sign_in(PASSWORD) == 302
    response, page = upload(editor, png_of_size(4096))
    assert response.status == 302, page[-2000:]
    _, listing = editor.get("/admin/images/")
    rendition = re.search(r'src="(/media/images/[^"]+\.png)"', listing).group(1)
    # The upload's own file: the rendition's name, less its filter.
    name = rendition.removeprefix("/media/images/").split(".")[0]
    original = f"/media/original_images/{name}.png"

    reader = Visitor(site["https"], "127.0.0.12")
    for path in (rendition, original):
        response, _ = reader.get(path)
        assert response.status == 200, path
        assert response.headers["Content-Type"] == "image/png"
        assert "max-age=2592000" in response.headers["Cache-Control"]
        assert "sandbox" in response.headers["Content-Security-Policy"]
    assert reader.get("/media/images/no-such-picture.png")[0].status == 404


def test_while_the_site_is_down_readers_get_a_503_that_says_when_to_retry(
    tmp_path,
):
    """gunicorn not answering (stopped, or between two deploys): nginx's own
    page, sent as the 503 it is, with Retry-After, and the crisis line."""
    ports = {"http": free_port(), "https": free_port()}
    nobody = free_port()  # nothing listens there
    with nginx_before(tmp_path, ports, nobody):
        response, page = Visitor(ports["https"], "127.0.0.13").get("/blog/")
    assert response.status == 503
    assert response.headers["Retry-After"] == "60"
    assert "Back shortly" in page and "988" in page
