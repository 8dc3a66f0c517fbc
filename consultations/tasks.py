"""Telling the therapist a request arrived, from the background worker, so a
slow mail server never keeps the reader waiting. The email says only that:
no name, contact detail, time or note, in the subject or the body."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from base.models import AboutMe

logger = logging.getLogger(__name__)
PERMISSION = "consultations.view_consultationrequest"
SUBJECT = "New consultation request"


def recipients():
    """Everyone who may read requests and has an email address; else the
    practice's own address from the about-me."""
    users = get_user_model().objects.with_perm(
        PERMISSION,
        is_active=True,
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    addresses = sorted({user.email for user in users if user.email})
    about = AboutMe.get_default()
    return addresses or ([about.email] if about and about.email else [])


@task(backend="background")
def notify_new_request(request_pk):
    to = recipients()
    if not to:
        logger.warning(
            "A consultation request arrived, but nobody who may read requests "
            "has an email address."
        )
        return
    link = settings.WAGTAILADMIN_BASE_URL + reverse(
        "consultation_requests:inspect", args=[request_pk]
    )
    send_mail(
        SUBJECT,
        "A new consultation request has arrived.\n\n"
        f"Read it in the admin (you will be asked to sign in):\n{link}\n\n"
        "Its details are not in this email, to keep them private.\n",
        None,
        to,
    )
