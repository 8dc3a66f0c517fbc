"""Production: secrets and hosts come from the environment, never defaults.

`manage.py check --deploy` is clean with SECRET_KEY and ALLOWED_HOSTS set.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env

DEBUG = False

try:
    SECRET_KEY = env.str("SECRET_KEY")
except ImproperlyConfigured as exc:
    raise ImproperlyConfigured(
        "Set SECRET_KEY in the environment: a long random string, for example "
        "from `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    ) from exc

if not FIELD_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured(
        "Set FIELD_ENCRYPTION_KEY in the environment: consultation requests are "
        "stored encrypted with it. Make one with `python -c 'from "
        "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'` "
        "and keep a copy with your backups: they cannot be read without it."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", cast=str.strip, default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])

# HTTPS. Behind a proxy that terminates TLS, name the header it sets
# (SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto) so Django knows a request was
# HTTPS; only a proxy that always sets or strips that header may be trusted.
if proxy_header := env.str("SECURE_PROXY_SSL_HEADER", default=None):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + proxy_header.upper().replace("-", "_"),
        "https",
    )
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
if not SECURE_SSL_REDIRECT:
    # Switched off on purpose: the proxy in front redirects to HTTPS itself.
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Hashed, compressed (gzip and brotli) static files, cached for a year by
# browsers since their names change with their content.
STORAGES["staticfiles"]["BACKEND"] = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
