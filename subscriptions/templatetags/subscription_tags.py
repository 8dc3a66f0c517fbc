from django import template
from django.db.models import QuerySet
from django.urls import reverse

from base.templatetags.navigation_tags import site_page_url
from subscriptions.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag(
    "subscriptions/includes/subscribe_form.html", takes_context=True
)
def subscribe_form(context, topics=None, clinician=None):
    """The short form on reading pages, offering `topics` to choose from, or
    following one `clinician` (on their profile). It posts to
    /subscriptions/, so the page sets no cookie; shown only where the site
    has a subscribe page to answer it."""
    page_url = site_page_url(context, "subscribe")
    return {
        # Its own start time, not a whole form: the choices are the
        # template's, and building them would read the view restrictions.
        # Stamped per response, since the page around it is stored.
        "started": SubscribeForm.placeholder() if page_url else None,
        "honeypot_label": SubscribeForm.base_fields["website"].label,
        "action": reverse("subscriptions:subscribe"),
        "page_url": page_url,
        "topics": by_name(topics),
        "clinician": clinician,
        "page": context.get("page"),
        "fragment_seconds": context.get("fragment_seconds"),
        "request": context.get("request"),
    }


def by_name(topics):
    """The topics by name, as everywhere. A queryset stays lazy, so a stored
    fragment reads none; anything else (the blog's own topics, already by
    name and lazy themselves) is left untouched, since even asking it would
    run it."""
    if issubclass(type(topics), QuerySet) and not topics.ordered:
        return topics.order_by("name")
    return topics
