from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's userbar, asked for only where the request carries a session
    (only a signed-in editor has one). Asking reads the session, and a page
    that reads it varies on Cookie: a reader's page never does, so a CDN in
    front keeps one copy of it, not one per cookie."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
