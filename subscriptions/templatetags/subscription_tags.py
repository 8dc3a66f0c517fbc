from django import template
from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from base.cache import content_cache
from subscriptions.forms import SubscribeForm
from subscriptions.models import SubscribePage

register = template.Library()


def subscribe_page_url(request):
    """The site's live subscribe page's address, or "" when it has none,
    kept in the content cache, which any publish clears."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""

    def find():
        page = SubscribePage.for_site(site)
        return page.get_url(request) if page else ""

    return content_cache().get_or_set(
        f"subscribe-url:{site.pk}", find, settings.FRAGMENT_CACHE_SECONDS
    )


@register.inclusion_tag(
    "subscriptions/includes/subscribe_form.html", takes_context=True
)
def subscribe_form(context, topics=None):
    """The short form on reading pages, offering `topics` to choose from. It
    posts to /subscriptions/, so the page sets no cookie; shown only where
    the site has a subscribe page to answer it."""
    page_url = subscribe_page_url(context.get("request"))
    return {
        # Its own start time, not a whole form: the choices are the
        # template's, and building them would read the view restrictions.
        "started": SubscribeForm.new_token() if page_url else None,
        "honeypot_label": SubscribeForm.base_fields["website"].label,
        "action": reverse("subscriptions:subscribe"),
        "page_url": page_url,
        "topics": topics,
        "page": context.get("page"),
        "fragment_seconds": context.get("fragment_seconds"),
        "request": context.get("request"),
    }
