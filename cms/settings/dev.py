"""Local development: debug on, mail to the console."""

from cryptography.fernet import Fernet

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-3f9a1c")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", cast=str.strip, default=["127.0.0.1", "localhost"]
)
if not EMAIL_URL:  # noqa: F405  (mail is printed unless it is set up)
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Templates and code change under runserver, and nothing would clear pages
# or fragments stored before the change: both are off unless asked for.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=0)

if not FIELD_ENCRYPTION_KEYS:  # noqa: F405
    # A key of this machine's own, made once and kept beside the database.
    _key_file = VAR_DIR / "field-encryption.key"  # noqa: F405
    if not _key_file.exists():
        _key_file.parent.mkdir(parents=True, exist_ok=True)
        _key_file.write_bytes(Fernet.generate_key())
        _key_file.chmod(0o600)
    FIELD_ENCRYPTION_KEYS = [_key_file.read_text().strip()]
