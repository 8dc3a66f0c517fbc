from django import template
from django.conf import settings
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import (
    routablepageurl,
)
from wagtail.models import Site

from base.cache import content_cache
from base.models import SitePages
from base.pagination import page_query

register = template.Library()


@register.simple_tag(takes_context=True)
def listing_page(context, number):
    """The link to page `number` of the listing being shown."""
    return page_query(context["request"], number)


def site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def site_page_url(context, role):
    """The address of the site's live, public `role` page (SitePages), or ""
    when there is none. Kept in the content cache, which any change retires,
    since the header asks it on every page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""

    return content_cache().get_or_set(
        f"page-url:{role}:{site.pk}",
        lambda: SitePages.url(request, role),
        settings.FRAGMENT_CACHE_SECONDS,
    )


@register.simple_tag(takes_context=True)
def consultation_url(context):
    """Where "get in touch" links lead: the consultation page, or ""."""
    return site_page_url(context, "consultation")


@register.inclusion_tag("includes/site_navigation.html", takes_context=True)
def site_navigation(context):
    """The home page's live, public children marked "show in menus"
    (base.html keeps it as a cached fragment)."""
    root = site_root(context)
    items = root.get_children().live().public().in_menu() if root else []
    return {"root": root, "items": items, "current": context.get("page")}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title=None, via_route=None, via_title=None):
    """The way back up from this page to the home page. A routable page's own
    views (a topic, say) give their title, and optionally one route in
    between (the topic list)."""
    page, request = context.get("page"), context.get("request")
    root = site_root(context)
    if page is None or root is None or not page.path.startswith(root.path):
        return {}
    pages = page.get_ancestors().filter(depth__gte=root.depth)
    trail = [(crumb.title, crumb.get_url(request)) for crumb in pages]
    if current_title:
        trail.append((page.title, page.get_url(request)))
        if via_route:
            trail.append((via_title, routablepageurl(context, page, via_route)))
    return {"trail": trail, "current_title": current_title or page.title}
