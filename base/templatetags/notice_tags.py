from urllib.parse import urlsplit

from django import template

from base.models import PracticeNotices
from base.notices import current_notices

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_notices(context):
    """The crisis and "not therapy" notices, as HTML, for the page footer."""
    return current_notices(context.get("request"))


@register.inclusion_tag("includes/practice_links.html", takes_context=True)
def practice_links(context):
    """The footer's links to the notices switched on, and to the client portal."""
    request = context.get("request")
    notices = PracticeNotices.load_for(request) if request else None
    if notices is None:
        return {}
    return {"links": notices.links(request), "portal_url": notices.client_portal_url}


@register.simple_tag(takes_context=True)
def good_faith_summary(context):
    """The Good Faith Estimate's first sentence, or "" when it is not shown."""
    request = context.get("request")
    notices = PracticeNotices.load_for(request) if request else None
    return notices.good_faith_summary() if notices else ""


@register.filter
def site_name(url):
    """The site an address opens, as a reader would say it: "example.com"."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
