"""Telling the therapist a request arrived (in a group practice, the
clinician it is addressed to), from the background worker, so a
slow mail server never keeps the reader waiting. The email says only that:
no name, contact detail, time or note, in the subject or the body.

A mail server that is down is tried again after EMAIL_RETRY_SECONDS, then
twice that, and so on, EMAIL_MAX_ATTEMPTS times, as article emails are.
After the last, the request is marked "not sent" and the dashboard counts
it. A request already told of is never told of again, so running the task
twice sends one email.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from base.mail import after_pause, reason
from base.models import AboutMe
from consultations.models import ASSIGN, ConsultationRequest

logger = logging.getLogger(__name__)
PERMISSION = "consultations.view_consultationrequest"
SUBJECT = "New consultation request"
NOBODY = "nobody who may read requests has an email address"


def recipients(request):
    """Who is told of it: the clinician the reader chose, at the address they
    gave for request notices (else their account's). Otherwise, and for
    "Help me choose", everyone who may read every request and has an email
    address; else the first profile's address."""
    clinician = request.clinician
    if clinician is not None:
        account = clinician.user.email if clinician.user else ""
        if clinician.notify_email or account:
            return [clinician.notify_email or account]

    def allowed(permission):
        return get_user_model().objects.with_perm(
            permission,
            is_active=True,
            include_superusers=True,
            backend="django.contrib.auth.backends.ModelBackend",
        )

    # Those who see every request (consultations.models.sees_every_request),
    # in one query: owners and superusers, and readers who are no clinician.
    users = allowed(PERMISSION).filter(
        Q(clinician=None) | Q(pk__in=allowed(ASSIGN).values("pk"))
    )
    addresses = sorted({user.email for user in users if user.email})
    about = AboutMe.get_default()
    return addresses or ([about.email] if about and about.email else [])


def request_stored(sender, instance, created, raw=False, **kwargs):
    """A new request (post_save) is told of once it is committed; a restored
    one (raw) was told of when it first came."""
    if created and not raw:
        transaction.on_commit(lambda: notify_new_request.enqueue(instance.pk))


def not_sent(request_pk, problem):
    ConsultationRequest.objects.filter(pk=request_pk).update(
        notification_problem=problem[:200]
    )
    logger.warning("A consultation request was not notified: %s.", problem)


@task(backend="background")
def notify_new_request(request_pk, attempt=1):
    pending = ConsultationRequest.objects.filter(pk=request_pk, notified_at=None)
    request = pending.select_related("clinician__user").first()
    if request is None:  # told of already, or deleted
        return
    to = recipients(request)
    if not to:
        not_sent(request_pk, NOBODY)
        return
    link = settings.WAGTAILADMIN_BASE_URL + reverse(
        "consultation_requests:inspect", args=[request_pk]
    )
    try:
        send_mail(
            SUBJECT,
            "A new consultation request has arrived.\n\n"
            f"Read it in the admin (you will be asked to sign in):\n{link}\n\n"
            "Its details are not in this email, to keep them private.\n",
            None,
            to,
        )
    except (smtplib.SMTPException, OSError) as problem:
        if attempt < settings.EMAIL_MAX_ATTEMPTS:
            notify_new_request.using(run_after=after_pause(attempt)).enqueue(
                request_pk, attempt + 1
            )
        else:
            not_sent(request_pk, reason(problem))
        return
    pending.update(notified_at=timezone.now(), notification_problem="")
