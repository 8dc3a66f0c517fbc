"""At most CONSULTATION_RATE_LIMIT requests an hour from one client address,
taken by the site's one rule (base/client_address.py). The address is kept
only as a keyed hash (models.RecentRequest), and only for the hour."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings

from base.client_address import client_address

WINDOW = timedelta(hours=1)


def client_key(request):
    return hmac.new(
        settings.SECRET_KEY.encode(),
        client_address(request).encode(),
        hashlib.sha256,
    ).hexdigest()
