"""Production settings: deployable as is, configured only by the environment.

Each case starts a fresh Python with `cms.settings.production`, since settings
are read once per process.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k" * 30 + "-production-test-key-0123456789abcdefghij"
FIELD_KEY = "cHJvZHVjdGlvbi10ZXN0LW9ubHktZmllbGQta2V5LTA="
SHOW_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
    "origins": settings.CSRF_TRUSTED_ORIGINS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "cookies_secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "caches": {k: v["BACKEND"] for k, v in settings.CACHES.items()},
    "media": settings.STORAGES["default"]["BACKEND"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "bucket": getattr(settings, "AWS_STORAGE_BUCKET_NAME", None),
    "cdn": {k: v["BACKEND"] for k, v in settings.WAGTAILFRONTENDCACHE.items()},
    "database": settings.DATABASES["default"]["ENGINE"],
}))
"""


def run(args, tmp_path, **env):
    """A fresh process with only what a server's environment would hold."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "VAR_DIR": str(tmp_path),
            "FIELD_ENCRYPTION_KEY": FIELD_KEY,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(tmp_path, **env):
    result = run(["-c", SHOW_SETTINGS], tmp_path, SECRET_KEY=SECRET, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


SHOW_HEADERS = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/robots.txt", secure=True, HTTP_HOST="blog.example.org")
print(json.dumps({"status": response.status_code, **response.headers}))
"""


MAIL = {
    "EMAIL_URL": "smtp+tls://blog%40example.org:s3cret@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "Practice blog <blog@example.org>",
}


def check_deploy(tmp_path, **env):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="blog.example.org",
        **(MAIL | env),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_is_clean(tmp_path):
    check_deploy(tmp_path)


SHOW_EMAIL = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in (
    "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_TIMEOUT",
    "DEFAULT_FROM_EMAIL", "SERVER_EMAIL")}))
"""


def test_email_comes_from_one_url(tmp_path):
    result = run(["-c", SHOW_EMAIL], tmp_path, SECRET_KEY=SECRET, **MAIL)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "blog@example.org",
        "EMAIL_HOST_PASSWORD": "s3cret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
        "DEFAULT_FROM_EMAIL": "Practice blog <blog@example.org>",
        "SERVER_EMAIL": "Practice blog <blog@example.org>",
    }


def test_without_email_production_starts_and_the_deploy_check_says_what_it_costs(
    tmp_path,
):
    result = run(
        ["manage.py", "check", "--deploy"],
        tmp_path,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="blog.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "cms.W002" in result.stderr
    assert "password resets and workflow notifications cannot be sent" in (
        result.stderr
    )
    assert "EMAIL_URL" in result.stderr


def test_an_email_url_it_cannot_read_stops_the_site_with_a_reason(tmp_path):
    result = run(["-c", SHOW_EMAIL], tmp_path, SECRET_KEY=SECRET, EMAIL_URL="smtp2://x")
    assert result.returncode != 0
    assert "EMAIL_URL must start with smtp://" in result.stderr


def test_gunicorn_loads_the_site_with_its_config(tmp_path):
    """gunicorn.conf.py as `make serve` reads it, and the WSGI app it names."""
    result = run(
        ["-m", "gunicorn", "--print-config"],
        tmp_path,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="blog.example.org",
        PORT="8123",
        WEB_CONCURRENCY="3",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = {
        name.strip(): value.strip()
        for name, value in (
            line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line
        )
    }
    assert config["bind"] == "['127.0.0.1:8123']"
    assert config["workers"] == "3"
    assert config["wsgi_app"] == "cms.wsgi:application"


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="its own SQLite site: run once"
)
def test_https_responses_carry_hsts_and_the_security_headers(tmp_path):
    server = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "blog.example.org"}
    # Every page, robots.txt too, reads the content's generation first.
    migrated = run(["manage.py", "migrate", "--noinput"], tmp_path, **server)
    assert migrated.returncode == 0, migrated.stderr
    result = run(["-c", SHOW_HEADERS], tmp_path, **server)
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout)
    assert headers["status"] == 200
    assert headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]


def test_refuses_to_start_without_a_secret_key(tmp_path):
    result = run(["manage.py", "check"], tmp_path)
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_defaults_are_safe(tmp_path):
    found = production_settings(tmp_path, ALLOWED_HOSTS="blog.example.org")
    assert found["debug"] is False
    assert found["hosts"] == ["blog.example.org"]
    assert found["ssl_redirect"] is True
    assert found["hsts"] >= 31_536_000
    assert found["cookies_secure"] == [True, True]
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["media"] == "django.core.files.storage.FileSystemStorage"
    assert found["caches"] == {
        "default": "django.core.cache.backends.locmem.LocMemCache",
        "pages": "django.core.cache.backends.filebased.FileBasedCache",
        # Counts every process adds to at once (readership/file_counts.py).
        "counts": "readership.file_counts.FileCountsCache",
    }
    assert found["cdn"] == {}
    assert found["database"] == "django.db.backends.sqlite3"


def test_behind_a_tls_proxy(tmp_path):
    found = production_settings(
        tmp_path,
        ALLOWED_HOSTS="blog.example.org, www.blog.example.org",
        CSRF_TRUSTED_ORIGINS="https://blog.example.org",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        SECURE_SSL_REDIRECT="false",
    )
    assert found["hosts"] == ["blog.example.org", "www.blog.example.org"]
    assert found["origins"] == ["https://blog.example.org"]
    assert found["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["ssl_redirect"] is False
    check_deploy(tmp_path, SECURE_SSL_REDIRECT="false")


def test_services_are_chosen_by_the_environment(tmp_path):
    found = production_settings(
        tmp_path,
        DATABASE_URL="postgresql://blog@db.internal:5432/blog",
        REDIS_URL="redis://cache.internal:6379/0",
        AWS_STORAGE_BUCKET_NAME="practice-media",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_ZONEID="zone",
        CLOUDFLARE_BEARER_TOKEN="token",
    )
    assert found["database"] == "django.db.backends.postgresql"
    assert set(found["caches"].values()) == {"django_redis.cache.RedisCache"}
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "practice-media"
    assert found["cdn"] == {
        "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    }


@pytest.mark.django_db
def test_search_uses_the_databases_own_full_text_search():
    backend = type(get_search_backend()).__module__
    expected = {"postgresql": "postgres", "sqlite": "sqlite"}[connection.vendor]
    assert backend.split(".")[-2] == expected


def test_refuses_to_start_without_a_field_encryption_key(tmp_path):
    result = run(
        ["-c", SHOW_SETTINGS], tmp_path, SECRET_KEY=SECRET, FIELD_ENCRYPTION_KEY=""
    )
    assert result.returncode != 0
    assert "Set FIELD_ENCRYPTION_KEY" in result.stderr
    assert "Fernet.generate_key()" in result.stderr


def test_a_field_encryption_key_that_is_not_one_stops_the_site(tmp_path):
    result = run(
        ["-c", SHOW_SETTINGS], tmp_path, SECRET_KEY=SECRET,
        FIELD_ENCRYPTION_KEY="not-a-key",
    )  # fmt: skip
    assert result.returncode != 0
    assert "is not a Fernet key" in result.stderr
