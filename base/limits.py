"""Hourly limits on what one client address may send through a form (a
consultation request, a subscription, a password reset), taken by the site's
one rule for who the client is (base/client_address.py); and on how often
one mailbox or account is written to. The address, mailbox or account is
kept only as a keyed hash (models.RecentSubmission), and only for the hour."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from base.client_address import client_address
from base.models import RecentSubmission

WINDOW = timedelta(hours=1)


def keyed(text):
    return hmac.new(
        settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256
    ).hexdigest()


def client_key(request):
    return keyed(client_address(request))


def forget_expired():
    RecentSubmission.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()


def over_limit(request, form, limit):
    """Whether this client already sent `form` `limit` times in the hour."""
    forget_expired()
    sent = RecentSubmission.objects.filter(form=form, client=client_key(request))
    return sent.count() >= limit


def record(request, form):
    RecentSubmission.objects.create(form=form, client=client_key(request))


def recently(form, text, within=WINDOW):
    """Whether `form` was noted for `text` (a mailbox, an account) in the
    last `within`, at most the hour. (Every path that asks has just run
    over_limit, which forgets what is older.)"""
    since = timezone.now() - within
    return RecentSubmission.objects.filter(
        form=form, client=keyed(text), created_at__gte=since
    ).exists()


def note(form, text):
    RecentSubmission.objects.create(form=form, client=keyed(text))


def forget(form, text):
    RecentSubmission.objects.filter(form=form, client=keyed(text)).delete()
