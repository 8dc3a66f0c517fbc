from django.conf import settings

from base.pagination import requested_page


def fragment_cache(request):
    """How long templates keep their `{% wagtailcache %}` fragments, and the
    listing page they key on."""
    return {
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "page_number": requested_page(request),
    }
