"""Settings shared by every environment; environment variables configure them."""

from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path

import environ
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from cms.redis_breaker import connection_class

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Every setting the environment gives is read through django-environ's Env.
# A value starting with "$" would name another variable: write "\\$" for a
# literal dollar sign (README, "Configuration").
env = environ.Env()
env.escape_proxy = True

VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "cms",
    "demo",
    "home",
    "blog",
    "importing",
    "readership",
    "consultations",
    "subscriptions",
    "vignettes",
    "base",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks_db",
]

# A stored page is served straight after the HTTPS redirect and the static
# files, before the session or anything else a rendered page needs; it was
# stored with the headers the middleware below it added (cms/page_cache.py).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache: stamps each page sent, stored or not.
    "cms.middleware.FreshFormTokensMiddleware",
    # Outside the page cache too: counts the reads of stored pages as well.
    "readership.counting.ReadershipMiddleware",
    "cms.page_cache.PageCacheMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A failed email is shown to the editor who caused it (cms/mail.py).
    "cms.mail.ReportMailFailuresMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out sign-in into the page that says so.
    "axes.middleware.AxesMiddleware",
    "cms.middleware.AdminWritesInOneTransactionMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.fragment_cache",
                "cms.context_processors.practice",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL names another database.
_default_sqlite = VAR_DIR / "db.sqlite3"
if "DATABASE_URL" not in env:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{_default_sqlite}")
    | {
        # Kept a minute: every request reads the content's generation
        # (base/cache.py), and opening a connection for it cost more than
        # serving the stored page (README, Benchmarks).
        "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=60),
        # A kept connection that the database dropped is replaced, not used.
        "CONN_HEALTH_CHECKS": True,
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The import worker and the site write to one file: each write waits its
    # turn (IMMEDIATE, up to 20 s) rather than failing at once as "database
    # is locked", and readers never wait for a writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The client's address, for the sign-in pause and every other per-address
# limit (base/client_address.py): X-Forwarded-For is read only from these
# proxies, comma-separated addresses or CIDR ranges, and from its right end.
TRUSTED_PROXY_IPS = [
    entry
    for entry in env.list("TRUSTED_PROXY_IPS", cast=str.strip, default=[])
    if entry
]
if "AXES_IPWARE_PROXY_COUNT" in env and "TRUSTED_PROXY_IPS" not in env:
    # Deprecated (a warning says so, cms/checks.py). Its deployments put the
    # proxy on this machine, as the README described.
    TRUSTED_PROXY_IPS = ["127.0.0.1", "::1"]
for _entry in TRUSTED_PROXY_IPS:
    try:
        ip_network(_entry, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXY_IPS: {_entry!r} is neither an address nor a range "
            "such as 10.0.0.0/24."
        ) from exc

# django-axes counts failed sign-ins first: 5 for one username from one address
# pause that pair for an hour (README, "Admin sign-in").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "home/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "base.client_address.client_address"
# After signing in, an address on another site is never followed.
LOGIN_REDIRECT_URL = "wagtailadmin_home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploaded blog exports: private, never under MEDIA_URL. The worker reads
    # them, so it must see this folder (README, "Background worker").
    "imports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "imports"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on S3-compatible storage when a bucket is named. django-storages reads
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself, through boto3.
if AWS_STORAGE_BUCKET_NAME := env.str("AWS_STORAGE_BUCKET_NAME", default=None):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)
    # Uploads keep their names apart, and images are public, as on disk.
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=86400"}


def code_version():
    """The commit this code was checked out at, read from its .git folder as
    each process starts, so the new processes of a deploy (a gunicorn
    reload included) key the cache apart from the old ones; "1" without git."""
    git = BASE_DIR / ".git"
    try:
        if git.is_file():  # a worktree: "gitdir: <its folder in the repository>"
            git = Path(git.read_text().strip().removeprefix("gitdir: "))
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:12]  # a checkout of one commit
        ref = head.removeprefix("ref: ")
        if (git / "commondir").is_file():  # a worktree's branches are shared
            git = git / (git / "commondir").read_text().strip()
        if (git / ref).is_file():
            return (git / ref).read_text().strip()[:12]
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line[:12]
    except OSError:
        pass
    return "1"


# Every cache key carries CACHE_VERSION, so a deploy never reads what older
# code stored: by default the commit being served. The content cache's keys
# also carry the content's generation, which every change raises in the
# database (base/cache.py), so no server, on any CACHE_VERSION, serves what
# was stored before a change.
CACHE_VERSION = env.str("CACHE_VERSION", default=None) or code_version()
CONTENT_KEY_FUNCTION = "base.cache.generation_key"
# Redis (django-redis) when REDIS_URL is set, shared by every app server.
# Otherwise the default cache is each process's memory, and the page cache
# (which must be shared by every process) is a folder they share.
# A Redis that is down, full or slow costs speed, never pages: a call gives up
# after a quarter of a second, after which the process leaves Redis alone for
# a few seconds, and a request spends at most 0.3 s on it in all
# (cms/redis_breaker.py). Errors are logged once a minute (LOGGING).


def redis_caches(url, version=CACHE_VERSION):
    """Both caches in one Redis database, kept apart by their key prefixes."""
    caches = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": alias,
            "VERSION": version,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "CONNECTION_POOL_KWARGS": {"connection_class": connection_class(url)},
            },
        }
        for alias in ("default", "pages", "counts")
    }
    caches["pages"]["KEY_FUNCTION"] = CONTENT_KEY_FUNCTION
    return caches


# How long a process leaves a stalled Redis alone before trying it again.
CACHE_BREAK_SECONDS = env.float("CACHE_BREAK_SECONDS", default=5)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "django_redis"
REDIS_URL = env.str("REDIS_URL", default=None)
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "VERSION": CACHE_VERSION,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache" / "pages",
            "VERSION": CACHE_VERSION,
            "KEY_FUNCTION": CONTENT_KEY_FUNCTION,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # Reads not folded yet, added to by every process at once.
        "counts": {
            "BACKEND": "readership.file_counts.FileCountsCache",
            "LOCATION": VAR_DIR / "cache" / "counts",
        },
    }
# Anonymous readers' pages are kept this long at most; any change to what they
# show clears them at once (cms/page_cache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# The parts of a page templates keep ({% wagtailcache %}), in the same cache
# and cleared with it. 0 turns them off.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
CACHE_MIDDLEWARE_ALIAS = "pages"
# Each article's reads per day, and nothing about who read it (readership/).
# A read costs the reader's request one increment in the "counts" cache
# (Redis's, shared by every app server, or a folder on one machine); the
# worker folds the counts into the database every READERSHIP_FOLD_SECONDS.
# READERSHIP_COUNTS=off counts nothing.
READERSHIP_COUNTS = env.bool("READERSHIP_COUNTS", default=True)
READERSHIP_FOLD_SECONDS = env.int("READERSHIP_FOLD_SECONDS", default=300)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once_a_minute": {"()": "cms.logging.OncePerMinute"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "editor": {"class": "cms.mail.EditorMessageHandler"},
    },
    "root": {"handlers": ["console", "editor"], "level": "WARNING"},
    "loggers": {
        "django": {
            "handlers": ["console", "editor"],
            "level": "WARNING",
            "propagate": False,
        },
        "django_redis": {
            "handlers": ["console"],
            "level": "WARNING",
            "filters": ["once_a_minute"],
            "propagate": False,
        },
        # A read that could not be counted: said once a minute, not per read.
        "readership": {
            "handlers": ["console"],
            "level": "WARNING",
            "filters": ["once_a_minute"],
            "propagate": False,
        },
    },
}

# A CDN in front of the site is purged of every page a change shows on.
WAGTAILFRONTENDCACHE = {}
if purge_url := env.str("FRONTEND_CACHE_PURGE_URL", default=None):
    # Varnish, nginx or any proxy that takes HTTP PURGE requests.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }
if zone := env.str("CLOUDFLARE_ZONEID", default=None):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
        "ZONEID": zone,
    }
if distribution := env.str("CLOUDFRONT_DISTRIBUTION_ID", default=None):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": distribution,
    }

# Security headers. Public pages run no inline script or style; the admin
# (and its preview of a page, which it frames) gets what Wagtail's editor needs
# (cms/security.py).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Images may come from the media bucket: its domain, its endpoint or S3's own.
_media_hosts = []
if AWS_STORAGE_BUCKET_NAME:
    if AWS_S3_CUSTOM_DOMAIN:
        _media_hosts = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        _media_hosts = [AWS_S3_ENDPOINT_URL]
    else:
        _media_hosts = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if AWS_S3_REGION_NAME:
            _media_hosts.append(
                f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
            )
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_hosts],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    # Inline panels and date pickers write small inline scripts, and the
    # editor styles elements with style attributes.
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_media_hosts],
    "font-src": ["'self'", "data:"],
    # The live preview frames the page being edited.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in ("camera", "microphone", "geolocation", "interest-cohort")
}

# Background work. Wagtail's own small jobs (search and reference index
# updates, CDN purges) run in the request that causes them, as Wagtail does
# by default; the rest goes to the database queue. Two workers work through
# it (README, "The background workers"): `db_worker --backend background`
# takes the "default" queue (consultation notices, subscribers' emails), and
# `db_worker --backend background --queue-name imports` takes the imports,
# so a long import never holds up a reader's request.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "imports"],
    },
}
# Blog exports uploaded in the admin's Import page, and files given to
# import_articles, are refused above this size.
IMPORT_MAX_UPLOAD_MB = env.int("IMPORT_MAX_UPLOAD_MB", default=100)
# An import fetches the old blog's pictures from public addresses only. These
# comma-separated CIDRs (say 10.0.0.0/8 for a blog on the practice's own
# network) are the only private ranges it may also fetch from.
IMPORT_ALLOW_PRIVATE_NETWORKS = env.list("IMPORT_ALLOW_PRIVATE_NETWORKS", default=[])

# Email leaves through one URL (django-environ reads it): smtp+tls://user:
# password@smtp.example.org:587 for STARTTLS, smtp+ssl://...:465 for TLS,
# smtp://host:25, consolemail:// to print. Unset, nothing can be sent: a
# check says so (`check --deploy`), and every attempt fails with that reason,
# which the editor who caused it is shown (cms/mail.py).
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    try:
        _email = environ.Env.email_url_config(EMAIL_URL)
    except ImproperlyConfigured as exc:
        raise ImproperlyConfigured(
            "EMAIL_URL must start with smtp://, smtp+tls://, smtp+ssl:// or "
            "consolemail://, for example smtp+tls://user:password@smtp.example.org:587."
        ) from exc
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
    EMAIL_PORT = _email["EMAIL_PORT"] or 25
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "cms.mail.UnconfiguredEmailBackend"
# An SMTP server that does not answer fails the send after this long, rather
# than holding the editor's request.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Without email, "Forgot password?" says so rather than pretending to send.
# (bandit: a class path, not a password.)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.forms.PasswordResetForm"  # nosec B105

# What readers send (consultation requests, subscribers' addresses) is sealed
# with these Fernet keys, comma-separated, the first sealing and any opening
# (base/crypto.py).
# Development makes one in VAR_DIR; production refuses to start without one.
FIELD_ENCRYPTION_KEYS = [
    key for key in env.list("FIELD_ENCRYPTION_KEY", cast=str.strip, default=[]) if key
]
for _key in FIELD_ENCRYPTION_KEYS:
    try:
        Fernet(_key)
    except ValueError as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY holds something that is not a Fernet key: each "
            "key is 44 characters, as Fernet.generate_key() makes them."
        ) from exc
# Requests are deleted this many days after they arrive
# (`manage.py purge_consultation_requests`).
CONSULTATION_RETENTION_DAYS = env.int("CONSULTATION_RETENTION_DAYS", default=30)
# Requests one client address may send in an hour.
CONSULTATION_RATE_LIMIT = env.int("CONSULTATION_RATE_LIMIT", default=5)
# Subscribers (subscriptions/): one client address may ask this many times an
# hour. A new article goes out EMAIL_BATCH_SIZE emails at a time,
# EMAIL_BATCH_INTERVAL_SECONDS apart (set them to your mail provider's rate).
# When the mail server fails, sending pauses EMAIL_RETRY_SECONDS, then twice
# that, and so on, and stops after EMAIL_MAX_ATTEMPTS failures in a row.
SUBSCRIPTION_RATE_LIMIT = env.int("SUBSCRIPTION_RATE_LIMIT", default=5)
EMAIL_BATCH_SIZE = env.int("EMAIL_BATCH_SIZE", default=50)
EMAIL_BATCH_INTERVAL_SECONDS = env.int("EMAIL_BATCH_INTERVAL_SECONDS", default=60)
EMAIL_RETRY_SECONDS = env.int("EMAIL_RETRY_SECONDS", default=60)
EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=6)
# The CSRF cookie, which only the consultation form sets for readers, is
# never sent with a request from another site.
CSRF_COOKIE_SAMESITE = "Strict"

# Backups keep times to the microsecond (cms/serializers.py).
SERIALIZATION_MODULES = {"backup_json": "cms.serializers"}

# Long StreamField articles post many form fields from the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Practice blog")
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000"
).rstrip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads: photos straight off a phone fit; anything larger, or not an image,
# is refused with a message in the admin. The pixel cap stops decompression bombs.
# Imported pictures are held to the same size.
IMAGE_MAX_UPLOAD_MB = env.int("IMAGE_MAX_UPLOAD_MB", default=20)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = IMAGE_MAX_UPLOAD_MB * 2**20
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin makes no request to another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
