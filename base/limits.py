"""Hourly limits on what one client address may send through a reader's form
(a consultation request, a subscription), taken by the site's one rule for
who the client is (base/client_address.py). The address is kept only as a
keyed hash (models.RecentSubmission), and only for the hour."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from base.client_address import client_address
from base.models import RecentSubmission

WINDOW = timedelta(hours=1)


def client_key(request):
    return hmac.new(
        settings.SECRET_KEY.encode(),
        client_address(request).encode(),
        hashlib.sha256,
    ).hexdigest()


def forget_expired():
    RecentSubmission.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()


def over_limit(request, form, limit):
    """Whether this client already sent `form` `limit` times in the hour."""
    forget_expired()
    sent = RecentSubmission.objects.filter(form=form, client=client_key(request))
    return sent.count() >= limit


def record(request, form):
    RecentSubmission.objects.create(form=form, client=client_key(request))
