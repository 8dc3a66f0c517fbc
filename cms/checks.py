"""System checks for how the site is configured (`manage.py check`, run by
`migrate` and so by `make serve`)."""

import os

from django.core.checks import Warning


def deprecated_environment(app_configs, **kwargs):
    if "AXES_IPWARE_PROXY_COUNT" not in os.environ:
        return []
    return [
        Warning(
            "AXES_IPWARE_PROXY_COUNT is no longer read: it took the client's "
            "address from the wrong end of X-Forwarded-For.",
            hint="Unset it and set TRUSTED_PROXY_IPS to your proxy's address "
            "(README, Configuration). Until then, a proxy on this machine "
            "(127.0.0.1, ::1) is trusted.",
            id="cms.W001",
        )
    ]
