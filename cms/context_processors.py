from django.conf import settings


def fragment_cache(request):
    """How long templates keep their `{% wagtailcache %}` fragments."""
    return {"fragment_seconds": settings.FRAGMENT_CACHE_SECONDS}
