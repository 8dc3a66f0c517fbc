"""The page cache: anonymous readers get stored pages; any change clears them.

Django's own cache middleware does the storing and keying. This module decides
what may be stored (anonymous GETs of public pages that set no cookie) and
clears the "pages" cache, and purges a CDN if one is configured, whenever
something readers see changes. The "pages" cache is shared by every app
server process (Redis, or a folder on one machine), so clearing it once
reaches them all on their next request.

The same cache keeps what every page shows (the settings in the header and
footer, the menu), so those cost no query and are cleared with the pages.
"""

import logging
from email.utils import formatdate

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from home.security import is_admin

logger = logging.getLogger(__name__)

# Paths never stored besides the admin: search results and private documents.
BYPASS_PREFIXES = ("/search/", "/documents/")
HIT_HEADER = "X-Page-Cache"


def content_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def storable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(BYPASS_PREFIXES)
        and not is_admin(request)
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
    )


class FetchFromPageCacheMiddleware(FetchFromCacheMiddleware):
    """Serves a stored page to an anonymous reader, marked as a hit."""

    def process_request(self, request):
        if not storable_request(request):
            request._cache_update_cache = False
            return None
        response = super().process_request(request)
        if response is not None:
            response[HIT_HEADER] = "hit"
        return response


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """Stores an anonymous reader's page for PAGE_CACHE_SECONDS.

    Browsers are told to check back every time (max-age=0): only the server's
    copy and a purged CDN's (s-maxage) are kept, so a change is seen at once.
    """

    def process_response(self, request, response):
        if not self._should_update_cache(request, response):
            if getattr(request, "user", None) and request.user.is_authenticated:
                # An editor's page may carry the userbar: never shared.
                patch_cache_control(response, private=True)
            return response
        if response.cookies:
            return response
        self.page_timeout = settings.PAGE_CACHE_SECONDS
        if response.status_code == 200 and "Cache-Control" not in response:
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=self.page_timeout
            )
            response["Expires"] = formatdate(usegmt=True)
            response[HIT_HEADER] = "miss"
        return super().process_response(request, response)


def remember(key, compute):
    """`compute()`, kept in the pages cache until the next change."""
    cache = content_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, None)
    return value


def clear_pages():
    try:
        content_cache().clear()
    except Exception:
        # A cache that cannot be reached serves nothing stale either.
        logger.exception("Could not clear the page cache.")


class PendingChange:
    """What a transaction changed: the page cache is cleared once more and a
    CDN purged once when it commits, however many pages it touched (deleting
    the blog unpublishes every article in it, one signal each). One left by a
    transaction that rolled back is carried into the next: it only adds
    addresses to purge."""

    def __init__(self):
        self.purge = PurgeBatch()
        self.done = False

    def add(self, pages, old_url_path):
        """Addresses are taken now: once committed, a deleted page is gone."""
        if not settings.WAGTAILFRONTENDCACHE:
            return
        for page in pages:
            self.purge.add_page(page)
            self.purge.add_urls(getattr(page, "topic_urls", list)())
        if old_url_path is None:
            return
        for site in Site.objects.select_related("root_page"):
            root_path = site.root_page.url_path
            if old_url_path.startswith(root_path):
                self.purge.add_url(f"{site.root_url}/{old_url_path[len(root_path) :]}")

    def flush(self):
        if self.done:
            return
        self.done = True
        clear_pages()
        if settings.WAGTAILFRONTENDCACHE:
            # Listings, feeds and, for a snippet or a setting, every page show
            # the change: a blog this size is purged whole.
            self.purge.add_pages(Page.objects.live().filter(depth__gt=1).specific())
            for site in Site.objects.all():
                self.purge.add_url(f"{site.root_url}/sitemap.xml")
            self.purge.purge()


_pending = Local()


def content_changed(pages=(), old_url_path=None):
    """Make a change visible on the next request to every page.

    Cleared at once, and again when the transaction commits, so that a page
    rendered in between from the old data is not kept.
    """
    clear_pages()
    change = getattr(_pending, "change", None)
    if change is None or change.done:
        change = _pending.change = PendingChange()
    change.add(pages, old_url_path)
    transaction.on_commit(change.flush)
