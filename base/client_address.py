"""The client's address: one rule for every limit the site keeps per address
(the sign-in pause, and any rate limit).

A proxy appends the address it was reached from to `X-Forwarded-For`, so the
chain reads left to right from the first hop to the last, and anything left
of the last trusted proxy's entry may have been typed by the client. The
header is read only when the connection comes from a proxy named in
`TRUSTED_PROXY_IPS`, and then from the right: the first address that is not
itself a trusted proxy is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def trusted_networks(entries):
    """The networks of TRUSTED_PROXY_IPS: a list, or one comma-separated
    string as the environment gives it."""
    if isinstance(entries, str):
        entries = entries.split(",")
    return tuple(
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in entries
        if entry.strip()
    )


def parse(value):
    """An address from a header entry, or None for anything else."""
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def client_address(request):
    """The address of whoever sent `request`, as a string."""
    remote = request.META.get("REMOTE_ADDR", "")
    entries = settings.TRUSTED_PROXY_IPS
    networks = trusted_networks(entries if isinstance(entries, str) else tuple(entries))

    def trusted(address):
        return any(address in network for network in networks)

    nearest = parse(remote)
    if nearest is None or not trusted(nearest):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in reversed(forwarded):
        address = parse(entry)
        if address is None:
            # Not written by a proxy: the hop that passed it on is the client.
            break
        nearest = address
        if not trusted(address):
            break
    return str(nearest)
