"""The emails a subscriber gets. Nothing in them tracks the reader: no
picture from any host, no redirected or decorated link; the article's own
address and the unsubscribe link are the only links an article email holds.
"""

import html

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from base.notices import current_notices
from subscriptions.models import CONFIRM_WITHIN


def site_name():
    site = Site.objects.filter(is_default_site=True).first()
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def crisis_text():
    """The crisis notice as the therapist wrote it, as text: a link in it
    would be one more address in the email."""
    text = html.unescape(strip_tags(current_notices(None)["crisis_notice"]))
    return " ".join(text.split())


def confirmation(subscriber, wants, confirm_url):
    """`wants`: what they asked for, as subscriptions.models.wanted says it."""
    context = {
        "site_name": site_name(),
        "wants": wants,
        "confirm_url": confirm_url,
        "days": CONFIRM_WITHIN.days,
        "already": subscriber.confirmed,
    }
    return EmailMessage(
        subject=f"Please confirm: new articles from {context['site_name']}",
        body=render_to_string("subscriptions/email/confirm.txt", context),
        to=[subscriber.address],
    )


class UnfoldedMessage(EmailMultiAlternatives):
    """Headers on one line each, as RFC 5322 allows up to 998 characters.
    Folded, a long List-Unsubscribe address came out after a line break and
    a space, which a mail program may keep as part of it."""

    def message(self):
        message = super().message()
        message.policy = message.policy.clone(max_line_length=998)
        return message


class ArticleEmail:
    """One mailing's email, built once and addressed to each subscriber."""

    def __init__(self, mailing):
        self.mailing = mailing
        self.context = {
            "mailing": mailing,
            "site_name": site_name(),
            "crisis": crisis_text(),
        }

    def unsubscribe_url(self, subscriber):
        return self.mailing.site_url + reverse(
            "subscriptions:unsubscribe", args=[subscriber.unsubscribe_token]
        )

    def to(self, subscriber):
        unsubscribe = self.unsubscribe_url(subscriber)
        context = {
            **self.context,
            "unsubscribe_url": unsubscribe,
            "topics": subscriber.topic_names,
        }
        message = UnfoldedMessage(
            subject=self.mailing.title,
            body=render_to_string("subscriptions/email/article.txt", context),
            to=[subscriber.address],
            headers={
                # RFC 8058: a mail program's own "unsubscribe" button posts
                # here, and that one request is enough.
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("subscriptions/email/article.html", context), "text/html"
        )
        return message
