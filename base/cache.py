"""The cache shared by every app server, which any change clears at once
(cms/page_cache.py). The default cache may be each process's own memory."""

from django.conf import settings
from django.core.cache import caches


def content_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]
