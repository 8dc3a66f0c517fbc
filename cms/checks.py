"""System checks for how the site is configured (`manage.py check`, run by
`migrate` and so by `make serve`)."""

import os

from django.conf import settings
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


def email_configured(app_configs, **kwargs):
    """`check --deploy`: production runs without email, but says what that
    costs."""
    if not settings.EMAIL_URL:
        return [
            Warning(
                "Email is not set up: password resets and workflow "
                "notifications cannot be sent, nor the notice that a "
                "consultation request arrived.",
                hint="Set EMAIL_URL, for example "
                "smtp+tls://user:password@smtp.example.org:587, and "
                "DEFAULT_FROM_EMAIL (README, Configuration).",
                id="cms.W002",
            )
        ]
    if settings.DEFAULT_FROM_EMAIL == "webmaster@localhost":
        return [
            Warning(
                "Email is sent from webmaster@localhost, which most mail "
                "servers refuse.",
                hint="Set DEFAULT_FROM_EMAIL to an address of the practice's "
                "domain, such as Practice blog <blog@example.org>.",
                id="cms.W003",
            )
        ]
    return []
