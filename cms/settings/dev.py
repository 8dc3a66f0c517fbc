"""Local development: debug on, mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-3f9a1c")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
if not EMAIL_URL:  # noqa: F405  (mail is printed unless it is set up)
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Templates and code change under runserver, and nothing would clear pages
# or fragments stored before the change: both are off unless asked for.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0"))
