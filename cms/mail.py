"""Email that fails says so, to the editor who caused it.

Wagtail's notifications and Django's password reset catch a failed send and
only log it, so an editor is told a password reset was sent, or a page
submitted to its moderators, when nothing left. The log record stays, and a
handler on it (LOGGING) also puts the reason in front of whoever made the
request, through Django's messages.
"""

import contextvars
import logging
import smtplib

from django.contrib import messages
from django.core.mail.backends.base import BaseEmailBackend

from base.mail import EmailNotConfigured, reason

current_request = contextvars.ContextVar("current_request", default=None)


class UnconfiguredEmailBackend(BaseEmailBackend):
    """Production's backend until EMAIL_URL is set: every send fails with
    that reason, rather than trying a mail server on this machine."""

    def send_messages(self, email_messages):
        if self.fail_silently or not email_messages:
            return 0
        raise EmailNotConfigured("this site's email is not set up yet (EMAIL_URL)")


class ReportMailFailuresMiddleware:
    """Makes the request known to the handler below while it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


class EditorMessageHandler(logging.Handler):
    """A logged failure to send email becomes an error message for the
    request being served, if there is one."""

    def emit(self, record):
        request = current_request.get()
        error = record.exc_info[1] if record.exc_info else None
        if (
            request is None
            or not isinstance(error, smtplib.SMTPException | OSError)
            or "mail" not in record.getMessage().lower()
        ):
            return
        messages.error(
            request,
            f"An email could not be sent: {reason(error)}. Nothing else was "
            "affected. Whoever looks after the site can see why in its log.",
            fail_silently=True,
        )
