"""The page cache: anonymous readers get stored pages; any change retires them.

A stored page is looked up before the session, the user and everything else
a rendered page needs, so a hit costs one cache read and one query (the
content's generation, base/cache.py). It is keyed on the
address and on the query parameters a page reads (`page`, `q`, `topic`,
`kind`) in a fixed order, never on cookies or other parameters, so neither
`?utm_source=...` nor a junk cookie can fill the cache with copies. A
request carrying a session (an editor) is never served from it.

The same "pages" cache holds the templates' fragments (`{% wagtailcache %}`)
and is shared by every app server process (Redis, or a folder on one
machine). Its keys carry CACHE_VERSION, so a deploy never reads what older
code stored, and the content's generation, which every change raises in the
database: whatever the cache's state, and whichever CACHE_VERSION a server
runs, nothing stored before a change is served after it.
"""

import hashlib
import itertools
import logging
from email.utils import formatdate
from urllib.parse import urlencode

from asgiref.local import Local
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.utils.cache import patch_cache_control
from redis.exceptions import RedisError
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from base.cache import bump_generation, content_cache
from base.pagination import listing_filters, requested_page
from blog.models import ArticlePage
from cms.mail import current_request
from cms.security import is_admin
from cms.sitemaps import PAGES_PER_SITEMAP

logger = logging.getLogger(__name__)

# Paths never stored besides the admin: search results and private documents.
BYPASS_PREFIXES = ("/search/", "/documents/")
HIT_HEADER = "X-Page-Cache"


def page_key(request):
    """The key of the stored page for this request (hashed: paths are long):
    only the parameters listings read, in a fixed order, and the page number
    as the page shown (junk and 1 are the first)."""
    query = urlencode([*listing_filters(request), ("page", requested_page(request))])
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page:" + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


def storable_request(request):
    """An anonymous reader's GET, told apart without reading the session."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(BYPASS_PREFIXES)
        and not is_admin(request)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def storable_response(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
    )


class PageCacheMiddleware:
    """Serves a stored page to an anonymous reader, marked as a hit, and
    stores the pages it renders for PAGE_CACHE_SECONDS.

    Browsers are told to check back every time (max-age=0): only the server's
    copy and a purged CDN's (s-maxage) are kept, so a change is seen at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not storable_request(request):
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                # An editor's page may carry the userbar: never shared.
                patch_cache_control(response, private=True)
            return response
        key = page_key(request)
        cache = content_cache()
        stored = cache.get(key)
        if stored is not None:
            stored[HIT_HEADER] = "hit"
            return stored
        response = self.get_response(request)
        if storable_response(request, response):
            timeout = settings.PAGE_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=0, s_maxage=timeout)
            response["Expires"] = formatdate(usegmt=True)
            response[HIT_HEADER] = "miss"
            cache.set(key, response, timeout)
        return response


def clear_pages():
    """Free what the last change retired: every stored page and fragment.

    Nothing depends on this for correctness: the generation in the keys
    (base/cache.py) already keeps readers from them. So keys are deleted a
    batch at a time, never in a transaction that one refusal would cancel
    (a full Redis still takes deletes). Returns False when the cache did
    not answer.
    """
    cache = content_cache()
    try:
        if hasattr(cache, "delete_pattern"):  # django-redis; shares its database
            client = cache.client.get_client(write=True)
            keys = client.scan_iter(match=f"{cache.key_prefix}:*", count=500)
            while batch := list(itertools.islice(keys, 500)):
                client.unlink(*batch)
        else:
            cache.clear()
    except (RedisError, OSError) as error:
        logger.warning("Could not empty the page cache: %s", error)
        return False
    return True


NOT_EMPTIED = (
    "Your change is saved, and readers see it on their next visit. The site's "
    "cache did not answer, so the copies of pages made before your change "
    "could not be deleted. They are no longer shown to anyone, but pages may "
    "load more slowly until the cache answers again. Whoever looks after the "
    "site can see why in its log."
)


def tell_editor(text):
    request = current_request.get()
    if request is not None:
        messages.warning(request, text, fail_silently=True)


class PurgeFailures(logging.Handler):
    """What Wagtail's frontend cache logs it could not purge, while a change
    is flushed: the address, where its backends give one."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.pages = []

    def emit(self, record):
        self.pages.append(str(record.args[0]) if record.args else record.getMessage())

    def __enter__(self):
        logging.getLogger("wagtail.frontendcache").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("wagtail.frontendcache").removeHandler(self)


# The pages a failed CDN purge names: an article's change purges its own page,
# the listings, its topics and the sitemaps, about a dozen.
NAMED_PAGES = 20


def not_purged(pages):
    minutes = max(1, settings.PAGE_CACHE_SECONDS // 60)
    named = ", ".join(pages[:NAMED_PAGES])
    named += f" and {len(pages) - NAMED_PAGES} more" if pages[NAMED_PAGES:] else ""
    return (
        f"Your change is saved, but the CDN in front of the site did not drop "
        f"the old copy of {len(pages)} page{'s' if len(pages) > 1 else ''}, "
        f"so readers may see it there for up to {minutes} minutes: {named}. "
        "Whoever looks after the site can see why in its log."
    )


def listing_pages():
    """The live pages that list others (the home page, the blog, the vignette
    library): an article's change shows on them, while Wagtail's frontend
    cache purges only the article itself (and a blog's topics and feeds,
    through its get_cached_paths)."""
    return Page.objects.live().filter(depth__gt=1).not_type(ArticlePage).specific()


def topic_urls(article):
    """Its topics' pages and feeds, which must be dropped when the article
    changes, even once it has left them."""
    blog = article.get_parent().specific
    root = blog.get_full_url()
    return [
        root + path.lstrip("/")
        for tag in article.tags.all()
        for path in blog.topic_paths(tag.slug)
    ]


class PendingChange:
    """What a transaction changed: the page cache is cleared once more and a
    CDN purged once when it commits, however many pages it touched. One left
    by a transaction that rolled back is carried into the next: it only adds
    addresses to purge."""

    def __init__(self):
        self.purge = PurgeBatch()
        self.everything = False
        self.done = False

    def add(self, pages, old_url_path):
        """Addresses are taken now: once committed, a deleted page is gone,
        and an unpublished article no longer lists its topics' pages."""
        if not settings.WAGTAILFRONTENDCACHE:
            return
        if not pages:
            # A snippet or a setting: every page shows it.
            self.everything = True
        for page in pages:
            self.purge.add_page(page)
            if isinstance(page, ArticlePage):
                self.purge.add_urls(topic_urls(page))
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
        if not clear_pages():
            tell_editor(NOT_EMPTIED)
        if not settings.WAGTAILFRONTENDCACHE:
            return
        if self.everything:
            self.purge.add_pages(Page.objects.live().filter(depth__gt=1).specific())
        else:
            self.purge.add_pages(listing_pages())
        sitemaps = range(1, Page.objects.live().count() // PAGES_PER_SITEMAP + 2)
        for site in Site.objects.all():
            self.purge.add_url(f"{site.root_url}/sitemap.xml")
            self.purge.add_urls(
                f"{site.root_url}/sitemap-pages.xml" + (f"?p={n}" if n > 1 else "")
                for n in sitemaps
            )
        with PurgeFailures() as failures:
            self.purge.purge()
        if failures.pages:
            tell_editor(not_purged(failures.pages))


_pending = Local()


def content_changed(pages=(), old_url_path=None):
    """Make a change visible on the next request to every page.

    The content's generation goes up in the change's own transaction, so
    everything stored before it is retired as the change commits; the cache
    is emptied, and a CDN purged, once it has.
    """
    bump_generation()
    change = getattr(_pending, "change", None)
    if change is None or change.done:
        change = _pending.change = PendingChange()
    change.add(pages, old_url_path)
    transaction.on_commit(change.flush)
