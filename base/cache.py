"""The cache shared by every app server, whose keys carry the content's
generation: the number of changes readers can see, kept in the database.

A change bumps the generation in the change's own transaction (cms/
page_cache.py), so once it commits no server reads a page or fragment stored
before it, even if the cache could not be emptied (full, stalled, restarted)
or belongs to a server running another CACHE_VERSION. Each request reads the
generation once, when it first uses the cache.
"""

import contextlib
import contextvars
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import F, Value
from django.db.models.functions import Greatest

from base.models import ContentGeneration

ROW = 1
# Every request runs it: as plain SQL it takes 16 µs here, through the ORM
# 172 µs, a third of what serving a stored page costs (README, Benchmarks).
TABLE = connection.ops.quote_name(ContentGeneration._meta.db_table)
GENERATION_SQL = f"SELECT value FROM {TABLE} WHERE id = %s"  # nosec B608
# The generation this request read (None: not read yet, or not a request).
_request_generation = contextvars.ContextVar("content_generation", default=None)
_in_request = contextvars.ContextVar("in_request", default=False)
# The last generation this process read, for when the database cannot be
# asked (read_generation(), last_seen()).
_last_read = None


def content_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def read_generation():
    """The generation in the database. While the database cannot be reached,
    nothing can change, so the one this process last read stands in: readers
    still get the pages stored before the outage. (A change committed in the
    instant before it, which this process had not read yet, shows once the
    database is back.)"""
    global _last_read
    try:
        with connection.cursor() as cursor:
            cursor.execute(GENERATION_SQL, [ROW])
            row = cursor.fetchone()
    except DatabaseError:
        if _last_read is None:
            raise
        return _last_read
    _last_read = row[0] if row else 0
    return _last_read


def current_generation():
    """Read once a request; outside requests (the worker, commands), every
    time, since another process may have changed something since."""
    if not _in_request.get():
        return read_generation()
    value = _request_generation.get()
    if value is None:
        value = read_generation()
        _request_generation.set(value)
    return value


def bump_generation():
    """Retire everything stored so far. Called inside the change's own
    transaction, so no reader sees the new number with the old content.

    The number is the time in microseconds, or one more than the last if
    that is later: it never goes back, even after a restore brings back an
    older row, so no key of the past is ever valid again."""
    now = Value(time.time_ns() // 1000)
    bumped = Greatest(F("value") + 1, now)
    if not ContentGeneration.objects.filter(pk=ROW).update(value=bumped):
        ContentGeneration.objects.get_or_create(pk=ROW, defaults={"value": now.value})
    _request_generation.set(None)


@contextlib.contextmanager
def last_seen():
    """For an error page, which must not ask the database: the cache is
    read at the generation this process last saw."""
    token = _request_generation.set(_last_read or 0)
    entered = _in_request.set(True)
    try:
        yield
    finally:
        _in_request.reset(entered)
        _request_generation.reset(token)


def generation_key(key, key_prefix, version):
    """The content cache's KEY_FUNCTION (settings): Django's key, plus the
    generation."""
    return f"{key_prefix}:{version}:g{current_generation()}:{key}"


def request_began(**kwargs):
    _in_request.set(True)
    _request_generation.set(None)


def request_ended(**kwargs):
    _in_request.set(False)
    _request_generation.set(None)
