"""A picture server on 127.0.0.1 for import tests and the import benchmark:
each /img/<name>.png is a small PNG of its own colour (the same name, the
same bytes), /missing/... answers 404, /text/... is not an image, and
/to/<path> redirects to <path> on the server given in ?host=. It records
every path it is asked for."""

import hashlib
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from PIL import Image


def png(name, size=(64, 48)):
    colour = tuple(hashlib.sha1(name.encode()).digest()[:3])
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        self.server.requests.append(self.path)
        parts = urlsplit(self.path)
        if parts.path.startswith("/img/"):
            self.answer(200, png(parts.path), "image/png")
        elif parts.path.startswith("/text/"):
            self.answer(200, b"<html>not a picture</html>", "text/html")
        elif parts.path.startswith("/to/"):
            host = parse_qs(parts.query).get("host", [""])[0]
            self.send_response(302)
            self.send_header("Location", f"http://{host}/{parts.path[4:]}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.answer(404, b"not found", "text/plain")

    def answer(self, status, body, kind):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class PictureServer:
    def __init__(self, host="127.0.0.1"):
        self.host = host

    def __enter__(self):
        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.requests = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def address(self):
        return f"{self.host}:{self.server.server_address[1]}"

    @property
    def requests(self):
        return self.server.requests
