from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/site_navigation.html", takes_context=True)
def site_navigation(context):
    """The home page and its live children marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    items = root.get_children().live().public().in_menu() if root else []
    current = context.get("page")
    return {"root": root, "items": items, "current": current, "request": request}
