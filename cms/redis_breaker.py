"""A Redis that stalls costs each reader at most a fraction of a second.

Every cache call already gives up after SOCKET_TIMEOUT (a quarter of a
second), but a page makes a dozen of them. So, at the connection, below
django-redis and above the socket:
- after a timeout or a refused connection, this process skips that Redis for
  CACHE_BREAK_SECONDS (every call fails at once, which django-redis ignores
  as a miss), then lets calls through to try it again;
- a request that has spent REQUEST_BUDGET_SECONDS in Redis skips it for the
  rest of that request.
A full Redis answers (it refuses writes), so it opens nothing.
"""

import contextlib
import contextvars
import time

from django.conf import settings
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError, TimeoutError

REQUEST_BUDGET_SECONDS = 0.3

# Per server (host, port, or socket path): when calls may be tried again.
_closed_until = {}
# Per request: the seconds spent in Redis so far (None outside a request).
_spent = contextvars.ContextVar("redis_seconds", default=None)


class Skipped(ConnectionError):
    """Redis was not asked: it stalled recently, or this request's time for
    it is spent."""


@contextlib.contextmanager
def guarded(server):
    now = time.monotonic()
    if now < _closed_until.get(server, 0):
        raise Skipped(f"Redis at {server} stalled; skipped for a few seconds")
    spent = _spent.get()
    if spent is not None and spent[0] >= REQUEST_BUDGET_SECONDS:
        raise Skipped("this request has spent its time on Redis")
    try:
        yield
    except (ConnectionError, TimeoutError):
        _closed_until[server] = time.monotonic() + settings.CACHE_BREAK_SECONDS
        raise
    finally:
        if spent is not None:
            spent[0] += time.monotonic() - now


class Breaker:
    """Guards the three calls that wait on the server: connecting, sending
    and reading a reply."""

    def server(self):
        return getattr(self, "path", None) or (self.host, self.port)

    def connect(self):
        with guarded(self.server()):
            super().connect()

    def send_packed_command(self, command, check_health=True):
        with guarded(self.server()):
            super().send_packed_command(command, check_health)

    def read_response(self, *args, **kwargs):
        with guarded(self.server()):
            return super().read_response(*args, **kwargs)


class BreakerConnection(Breaker, Connection):
    pass


class BreakerSSLConnection(Breaker, SSLConnection):
    pass


class BreakerUnixConnection(Breaker, UnixDomainSocketConnection):
    pass


def connection_class(url):
    """The guarded connection for a REDIS_URL's scheme."""
    if url.startswith("rediss://"):
        return BreakerSSLConnection
    if url.startswith("unix://"):
        return BreakerUnixConnection
    return BreakerConnection


def request_began(**kwargs):
    _spent.set([0.0])


def request_ended(**kwargs):
    _spent.set(None)
