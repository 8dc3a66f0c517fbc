"""The test suite: fast hashing, in-memory (or REDIS_URL) caches, throwaway media."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
# The test suite's own key, never a deployed one.
SECRET_KEY = "test-only-not-secret"  # nosec B105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not REDIS_URL:  # noqa: F405  (with it, the suite runs against Redis, as CI does)
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_FUNCTION": CONTENT_KEY_FUNCTION,  # noqa: F405
        },
        # The folder a site without Redis counts in, as it runs there.
        "counts": {
            "BACKEND": "readership.file_counts.FileCountsCache",
            "LOCATION": tempfile.mkdtemp(prefix="cms-test-counts-"),
        },
    }
# Most tests change content behind the editor's back; the caches' own tests
# (and the query counts) switch them on.
# A test's own server may switch the page cache on (tests/cms/test_faults.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
FRAGMENT_CACHE_SECONDS = 0
# Throwaway, unless a test's own server process is handed a folder to share.
MEDIA_ROOT = env.str("MEDIA_ROOT", default=None) or tempfile.mkdtemp(
    prefix="cms-test-media-"
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite's own key (a Fernet key), never a deployed one.
FIELD_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5LTA="]
# The worker sends an article's batches, and retries, one straight after
# another: `db_worker --batch` finishes the whole send.
EMAIL_BATCH_INTERVAL_SECONDS = 0
EMAIL_RETRY_SECONDS = 0
# Serve static files straight from the source folders: no collectstatic step.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
