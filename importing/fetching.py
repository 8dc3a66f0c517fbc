"""Fetch a picture of the old blog, safely: only public addresses (after
every redirect too), within a time and size limit, with no cookies or
credentials, and only bytes that are an image."""

import ipaddress
import socket
import time
from io import BytesIO
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from PIL import Image, UnidentifiedImageError

CONNECT_SECONDS = 5
TOTAL_SECONDS = 20
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
# Names that never belong to a real site (RFC 2606 and 6761): never looked up.
RESERVED_NAMES = (
    ".example", ".invalid", ".test", ".localhost", ".local",
    "example.com", "example.org", "example.net",
)  # fmt: skip
USER_AGENT = "therapy-blog-import/1.0 (bringing a blog's own pictures)"
# What Pillow calls the formats Wagtail takes (WAGTAILIMAGES_EXTENSIONS).
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}


class FetchRefused(Exception):
    """Why a picture was not brought, in words for the report."""


def allowed_networks():
    """IMPORT_ALLOW_PRIVATE_NETWORKS: the only private ranges fetched from."""
    cidrs = settings.IMPORT_ALLOW_PRIVATE_NETWORKS
    if isinstance(cidrs, str):
        cidrs = cidrs.split(",")
    try:
        return [
            ipaddress.ip_network(cidr.strip(), strict=False)
            for cidr in cidrs
            if cidr.strip()
        ]
    except ValueError as error:
        raise FetchRefused(
            f"IMPORT_ALLOW_PRIVATE_NETWORKS is not a list of networks ({error})"
        ) from None


def public_address(host, port):
    """The address to connect to, once every address the name has is known
    to be public (or explicitly allowed)."""
    if host.lower().endswith(".invalid"):
        raise FetchRefused(
            "the export does not give its site's address (Ghost writes "
            "__GHOST_URL__); import Ghost's zip with its content/images folder"
        )
    if host.lower().rstrip(".").endswith(RESERVED_NAMES):
        raise FetchRefused(f"its site, {host}, is a name reserved for examples")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchRefused(f"its site, {host}, cannot be found") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    allowed = allowed_networks()
    for address in addresses:
        if not address.is_global and not any(address in net for net in allowed):
            raise FetchRefused(
                f"its address, {host}, is on a private or local network "
                f"({address}); only public addresses are fetched"
            )
    return str(addresses[0])


def max_bytes():
    return settings.IMAGE_MAX_UPLOAD_MB * 2**20


def fetch(url):
    """The bytes at `url`, or FetchRefused with the reason."""
    try:
        return fetch_from(url)
    except ValueError:  # "http://[::1", a port of letters...
        raise FetchRefused("its address cannot be read") from None


def fetch_from(url):
    deadline = time.monotonic() + TOTAL_SECONDS
    for _ in range(MAX_REDIRECTS + 1):
        response = request(url, deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchRefused(f"it redirects nowhere ({response.status})")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                reason = "not found" if response.status in (404, 410) else "refused"
                raise FetchRefused(
                    f"the old site answered {response.status} ({reason})"
                )
            return read_body(response, deadline)
        finally:
            response.release_conn()
    raise FetchRefused(f"it redirects more than {MAX_REDIRECTS} times")


def request(url, deadline):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("its address is not a web address")
    if parts.username or parts.password:
        raise FetchRefused("its address carries a password, which is never sent")
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused("its address has an impossible port") from None
    # Connect to the address just checked, so a second lookup cannot send
    # the request elsewhere; the name still goes in Host and TLS.
    address = public_address(host, port)
    timeout = urllib3.Timeout(
        connect=CONNECT_SECONDS, read=max(0.1, deadline - time.monotonic())
    )
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    try:
        return pool.urlopen(
            "GET",
            path,
            headers={"Host": netloc, "User-Agent": USER_AGENT, "Accept": "image/*"},
            redirect=False,
            preload_content=False,
        )
    except urllib3.exceptions.TimeoutError:
        raise FetchRefused("the old site did not answer in time (timeout)") from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchRefused(f"the old site cannot be reached ({error})") from None


def read_body(response, deadline):
    limit = max_bytes()
    declared = response.headers.get("Content-Length", "")
    if declared.isdecimal() and int(declared) > limit:
        raise FetchRefused(too_large(int(declared)))
    body = BytesIO()
    try:
        for chunk in response.stream(CHUNK):
            body.write(chunk)
            if body.tell() > limit:
                raise FetchRefused(too_large(body.tell()))
            if time.monotonic() > deadline:
                raise FetchRefused(
                    f"it took over {TOTAL_SECONDS} seconds to arrive (timeout)"
                )
    except urllib3.exceptions.TimeoutError:
        raise FetchRefused("the old site stopped sending it (timeout)") from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchRefused(f"it arrived broken ({error})") from None
    return body.getvalue()


def too_large(size):
    return (
        f"it is {size / 2**20:.1f} MB, over the {settings.IMAGE_MAX_UPLOAD_MB} MB "
        "a picture may be (too large)"
    )


def image_format(data):
    """The file extension for these bytes, if they are a picture Wagtail
    takes; FetchRefused otherwise."""
    try:
        with Image.open(BytesIO(data)) as picture:
            width, height = picture.size
            kind = picture.format
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):  # fmt: skip
        raise FetchRefused("its bytes are not an image (not an image)") from None
    if kind not in FORMATS:
        raise FetchRefused(
            f"it is a {kind} file, which the image library does not take"
        )
    if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        raise FetchRefused(f"it is {width}×{height} pixels, too large to resize")
    return FORMATS[kind]
