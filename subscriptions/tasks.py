"""Sending, always from the background worker (django-tasks' `background`
backend), so neither a reader nor a publishing editor waits for a mail server.

An article goes out in batches of EMAIL_BATCH_SIZE, one task run a batch,
EMAIL_BATCH_INTERVAL_SECONDS apart, so the worker is free in between. Each
subscriber's delivery is written before their email leaves: a run that was
interrupted, or run again, never sends anyone a second copy. Only the runs
of the mailing's current `generation` send: resuming (resume_article_emails)
starts a new one, and a run of the old one that still turns up stops.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from base import limits
from base.mail import after_pause
from subscriptions import emails
from subscriptions.models import (
    CONFIRMATION_SENT,
    Delivery,
    Mailing,
    Subscriber,
    asked_for,
    mailbox,
)

logger = logging.getLogger(__name__)
INTERRUPTED = "Interrupted while sending; not sent again, so nobody gets it twice."


@task(backend="background")
def send_confirmation(
    subscriber_pk, topic_slugs, site_url, attempt=1, clinician_slugs=()
):
    """The confirmation email. A mail server that is down is tried again
    after a pause, as an article's sending is; when it never takes it, the
    address may ask again at once rather than in an hour."""
    subscriber = Subscriber.objects.filter(pk=subscriber_pk).first()
    if subscriber is None:  # unsubscribed or expired before the worker got here
        return
    token = subscriber.confirmation_token(topic_slugs, clinician_slugs)
    url = site_url.rstrip("/") + reverse("subscriptions:confirm", args=[token])
    wants = asked_for(topic_slugs, clinician_slugs)
    message = emails.confirmation(subscriber, wants, url)
    try:
        with get_connection() as connection:
            refused = send_one(connection, message)
    except (ServerProblem, smtplib.SMTPException, OSError) as problem:
        if attempt < settings.EMAIL_MAX_ATTEMPTS:
            send_confirmation.using(run_after=after_pause(attempt)).enqueue(
                subscriber_pk, topic_slugs, site_url, attempt + 1, clinician_slugs
            )
            return
        refused = str(problem)
    if refused:
        Subscriber.objects.filter(pk=subscriber_pk).update(asked_at=None)
        limits.forget(CONFIRMATION_SENT, mailbox(subscriber.address))
        logger.warning("A confirmation email was not sent: %s", refused)


def confirmation_due(
    sender, subscriber, topic_slugs, site_url, clinician_slugs=(), **kwargs
):
    """A confirmation for an address that asked (confirmation_asked), sent
    by the worker once the ask is committed."""
    transaction.on_commit(
        lambda: send_confirmation.enqueue(
            subscriber.pk, topic_slugs, site_url, 1, list(clinician_slugs)
        )
    )


def queue_mailing(
    page,
    *,
    title,
    content_note,
    crisis_note,
    summary,
    url,
    site_url,
    topic_ids,
    clinician_ids=(),
):
    """The email for an article first published, made once however often
    this is called; the worker sends it once the publish is committed."""
    mailing, created = Mailing.objects.get_or_create(
        page=page,
        defaults={
            "title": title,
            "content_note": content_note,
            "crisis_note": crisis_note,
            "summary": summary,
            "url": url,
            "site_url": site_url.rstrip("/"),
        },
    )
    if created:
        mailing.topics.set(topic_ids)
        mailing.clinicians.set(clinician_ids)
        transaction.on_commit(lambda: send_mailing.enqueue(mailing.pk, 0))
    return mailing


def resume(mailing):
    """Carry on sending from where it stopped, in a new generation; one the
    mail server stopped starts its attempts afresh."""
    Mailing.objects.filter(pk=mailing.pk).update(
        generation=F("generation") + 1,
        status=Mailing.SENDING,
        attempts=0,
        problem="",
        finished_at=None,
    )
    mailing.refresh_from_db(fields=["generation"])
    send_mailing.enqueue(mailing.pk, mailing.generation)


class ServerProblem(Exception):
    """The mail server itself failed, not one address: the rest of the batch
    waits for the next try."""


def temporary(code):
    return 400 <= code < 500


def send_one(connection, message):
    """Send, or return why this one address failed for good. A problem that
    is temporary, or the server's rather than the address's, is raised."""
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        code, text = next(iter(error.recipients.values()))
        if temporary(code):
            raise ServerProblem(describe(code, text)) from error
        return describe(code, text)
    except smtplib.SMTPDataError as error:
        if temporary(error.smtp_code):
            raise ServerProblem(describe(error.smtp_code, error.smtp_error)) from error
        return describe(error.smtp_code, error.smtp_error)
    except (smtplib.SMTPException, OSError) as error:
        raise ServerProblem(str(error) or type(error).__name__) from error
    return ""


def describe(code, text):
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return f"{code} {text}"[:300]


def claim_batch(mailing):
    """The next batch of subscribers with no delivery yet, each given a
    pending one, or [] when another run holds them."""
    subscribers = list(
        mailing.recipients()
        .exclude(deliveries__mailing=mailing)
        .prefetch_related("topics", "clinicians")
        .order_by("pk")[: settings.EMAIL_BATCH_SIZE]
    )
    try:
        with transaction.atomic():
            Delivery.objects.bulk_create(
                Delivery(mailing=mailing, subscriber=subscriber)
                for subscriber in subscribers
            )
    except IntegrityError:
        return []
    return subscribers


@task(backend="background")
def send_mailing(mailing_pk, generation):
    """One batch of an article's email, then the next batch queued."""
    mailing = Mailing.objects.filter(pk=mailing_pk, generation=generation).first()
    if mailing is None or mailing.status in (Mailing.SENT, Mailing.STOPPED):
        return
    # Pending ones left by a run that stopped mid-batch may have gone out.
    mailing.deliveries.filter(status=Delivery.PENDING).update(
        status=Delivery.FAILED, reason=INTERRUPTED
    )
    batch = claim_batch(mailing)
    if not batch:
        if not mailing.recipients().exclude(deliveries__mailing=mailing).exists():
            mailing.status, mailing.finished_at = Mailing.SENT, timezone.now()
            mailing.save(update_fields=["status", "finished_at"])
        return
    mailing.status = Mailing.SENDING
    mailing.save(update_fields=["status"])
    try:
        send_batch(mailing, batch)
    except ServerProblem as problem:
        retry_later(mailing, str(problem))
        return
    mailing.attempts, mailing.problem = 0, ""
    mailing.save(update_fields=["attempts", "problem"])
    later = timezone.now() + timedelta(seconds=settings.EMAIL_BATCH_INTERVAL_SECONDS)
    send_mailing.using(run_after=later).enqueue(mailing.pk, generation)


def send_batch(mailing, batch):
    """Send to each subscriber of the batch over one connection, recording
    each outcome. On a server problem, those not yet sent are released for
    the next try and the problem raised."""
    email = emails.ArticleEmail(mailing)
    deliveries = mailing.deliveries.filter(subscriber__in=batch)
    done = 0
    try:
        with get_connection() as connection:
            for subscriber in batch:
                reason = send_one(connection, email.to(subscriber))
                deliveries.filter(subscriber=subscriber).update(
                    status=Delivery.FAILED if reason else Delivery.SENT, reason=reason
                )
                done += 1
    except (smtplib.SMTPException, OSError) as error:  # connecting or closing
        if done < len(batch):
            raise ServerProblem(str(error) or type(error).__name__) from error
    finally:
        deliveries.filter(status=Delivery.PENDING).delete()


def retry_later(mailing, problem):
    """Try again after a pause that doubles each time, EMAIL_MAX_ATTEMPTS
    times in a row; then stop, with the reason shown in the admin."""
    mailing.attempts += 1
    mailing.problem = problem[:300]
    if mailing.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        mailing.status, mailing.finished_at = Mailing.STOPPED, timezone.now()
        mailing.save(update_fields=["attempts", "problem", "status", "finished_at"])
        logger.error("Stopped sending “%s”: %s", mailing.title, problem)
        return
    mailing.save(update_fields=["attempts", "problem"])
    logger.warning("Sending “%s” paused: %s", mailing.title, problem)
    later = after_pause(mailing.attempts)
    send_mailing.using(run_after=later).enqueue(mailing.pk, mailing.generation)
