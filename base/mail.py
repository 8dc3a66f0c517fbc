"""What every app that sends email shares: why a send failed, in words an
editor understands, and when a mail server that failed is tried again."""

import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone


class EmailNotConfigured(smtplib.SMTPException):
    pass


def reason(error):
    if isinstance(error, EmailNotConfigured):
        return str(error)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "the mail server refused the site's user name or password"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "the mail server refused the address"
    if isinstance(error, ConnectionError | TimeoutError | socket.gaierror):
        return "the mail server could not be reached"
    return "the mail server refused it"


def after_pause(attempt):
    """When to try again after `attempt` failures in a row: a pause of
    EMAIL_RETRY_SECONDS that doubles each time (EMAIL_MAX_ATTEMPTS in all)."""
    pause = settings.EMAIL_RETRY_SECONDS * 2 ** (attempt - 1)
    return timezone.now() + timedelta(seconds=pause)
