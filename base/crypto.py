"""What a reader sends (a consultation request, a subscriber's address) is
sealed with Fernet before it reaches the database, so neither a dump nor a
backup shows who asked for therapy or who reads about it. A sealed value is
found again through a keyed hash of it (`fingerprints`), never by opening
every row.

FIELD_ENCRYPTION_KEY holds one key or several, comma-separated: the first
seals, any of them opens (MultiFernet), so a new key can be put first while
the old one still opens what it sealed (README, "Configuration").
"""

import hashlib
import hmac
import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["InvalidToken", "fingerprints", "seal", "unseal"]


@lru_cache(maxsize=4)
def sealer(keys):
    return MultiFernet([Fernet(key) for key in keys])


def current():
    return sealer(tuple(settings.FIELD_ENCRYPTION_KEYS))


def seal(data):
    """A dict of text as one token."""
    return current().encrypt(json.dumps(data).encode()).decode()


def unseal(token):
    """The dict a token holds; InvalidToken if no key opens it."""
    return json.loads(current().decrypt(token.encode()))


def fingerprints(text):
    """Keyed hashes of `text`, one per key, the first key's first: new rows
    store the first, and a row stored under an older key is still found."""
    return [
        hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()
        for key in settings.FIELD_ENCRYPTION_KEYS
    ]
