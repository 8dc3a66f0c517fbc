from django.conf import settings
from django.utils.functional import SimpleLazyObject

from base.models import AboutMe, SitePages
from base.pagination import requested_page


def fragment_cache(request):
    """How long templates keep their `{% wagtailcache %}` fragments, and the
    listing page they key on."""
    return {
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "page_number": requested_page(request),
    }


def practice(request):
    """Whether the practice has a team, and its page's address: looked up
    only by a template that shows a byline, outside the cached fragments
    never."""
    return {
        "group_practice": SimpleLazyObject(AboutMe.is_group_practice),
        "team_url": SimpleLazyObject(lambda: SitePages.url(request, "team")),
    }
