"""Readers who asked to be emailed new articles, and each article's sending.

An address is sealed (base/crypto.py) and found again only through its keyed
fingerprint. Nothing about a reader is kept beyond the address, the topics
they chose and when they confirmed; no opens, no clicks. Unsubscribing
deletes the row.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from base import limits
from base.crypto import InvalidToken, fingerprints, seal, unseal
from base.meta import PageMeta
from base.models import AboutMe, PlacedByParents
from base.reader_forms import ReaderFormPage
from subscriptions.forms import SubscribeForm
from subscriptions.signals import confirmation_asked

FORM = "subscription"
# A confirmation link works this long; an address never confirmed is
# deleted after it (`manage.py purge_subscribers`).
CONFIRM_WITHIN = timedelta(days=7)
# At most one confirmation email an hour to one address, however often it
# is typed into the form.
ASK_AGAIN_AFTER = timedelta(hours=1)
# ...and to one mailbox, however the address is spelt (base/limits.py).
CONFIRMATION_SENT = "confirmation-mailbox"
CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


def new_key():
    return secrets.token_urlsafe(24)


def normalise(address):
    """One mailbox, however it was typed: surrounding spaces and letter
    case do not make a second subscriber."""
    return address.strip().lower()


def mailbox(address):
    """The mailbox an address delivers to: `name+tag@domain` reaches
    `name@domain` (and Gmail ignores dots), so confirmations are counted per
    mailbox, not per spelling."""
    local, _, domain = normalise(address).rpartition("@")
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def asked_for(topic_slugs, clinician_slugs):
    """What a confirmation link asks for, said as `wanted` says it."""
    topics = Tag.objects.filter(slug__in=topic_slugs).order_by("name")
    clinicians = AboutMe.objects.filter(slug__in=clinician_slugs).order_by("name")
    return wanted(
        topics.values_list("name", flat=True),
        clinicians.values_list("name", flat=True),
    )


def wanted(topic_names, clinician_names):
    """What a subscriber asked for, to end a sentence ("...a new article
    about Grief or Sleep, or by Ana Lima"); "" for every article."""
    parts = []
    for lead, names in (("about", list(topic_names)), ("by", list(clinician_names))):
        if names:
            parts.append(
                f"{lead} "
                + " or ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
            )
    return ", or ".join(parts)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def with_address(self, address):
        return self.filter(fingerprint__in=fingerprints(normalise(address)))

    def unconfirmed_expired(self, now=None):
        cutoff = (now or timezone.now()) - CONFIRM_WITHIN
        return self.filter(confirmed_at__isnull=True, created_at__lt=cutoff)

    def for_topics(self, topic_ids, clinician_ids=()):
        """Confirmed subscribers of an article with these topics and authors:
        those of every article, of any one of its topics, and those who
        follow any one of its authors."""
        who = Q(all_articles=True)
        if topic_ids:
            chosen = Subscriber.topics.through.objects.filter(tag_id__in=topic_ids)
            who |= Q(pk__in=chosen.values("subscriber_id"))
        if clinician_ids:
            followed = Subscriber.clinicians.through.objects.filter(
                aboutme_id__in=clinician_ids
            )
            who |= Q(pk__in=followed.values("subscriber_id"))
        return self.confirmed().filter(who)


class Subscriber(models.Model):
    sealed = models.TextField(editable=False)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    # Signed into the confirmation and unsubscribe links; never an address.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    all_articles = models.BooleanField(
        default=True, help_text="Every new article, whatever its topics."
    )
    topics = models.ManyToManyField(
        "taggit.Tag", blank=True, related_name="subscribers"
    )
    # A group practice's clinicians whose every article they want.
    clinicians = models.ManyToManyField("base.AboutMe", blank=True, related_name="+")
    created_at = models.DateTimeField("subscribed", default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField("confirmed", null=True, blank=True)
    asked_at = models.DateTimeField(null=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # Readers subscribe and unsubscribe; the admin only reads and deletes.
        default_permissions = ("view", "delete")

    def __str__(self):
        # The audit log keeps this label: never the address.
        when = timezone.localtime(self.created_at)
        return f"Subscriber since {when:%B} {when.day}, {when:%Y}"

    @cached_property
    def address(self):
        try:
            return unseal(self.sealed)["email"]
        except InvalidToken:
            # Sealed with a key no longer in FIELD_ENCRYPTION_KEY.
            return "(cannot be read)"

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    @classmethod
    def ask(cls, address):
        """The subscriber for this address, made if new, to send a
        confirmation to; None when one was sent within the hour."""
        address = normalise(address)
        now = timezone.now()
        subscriber = cls.objects.with_address(address).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        sealed=seal({"email": address}),
                        fingerprint=fingerprints(address)[0],
                        asked_at=now,
                    )
            except IntegrityError:  # the same address, sent twice at once
                return None
        if subscriber.asked_at and subscriber.asked_at > now - ASK_AGAIN_AFTER:
            return None
        subscriber.asked_at = now
        if not subscriber.confirmed:
            # Kept as long as the new link works.
            subscriber.created_at = now
        subscriber.save(update_fields=["asked_at", "created_at"])
        return subscriber

    def confirmation_token(self, topic_slugs, clinician_slugs=()):
        """The confirmation link's token: this subscriber and the topics and
        clinicians they chose this time, signed and dated."""
        return signing.dumps(
            {"key": self.key, "topics": topic_slugs, "clinicians": clinician_slugs},
            salt=CONFIRM_SALT,
        )

    @classmethod
    def for_confirmation_token(cls, token):
        """The subscriber a confirmation link names, and the topics and
        clinicians it asks for (a link sent before clinicians existed asks
        for none). Raises signing.SignatureExpired after CONFIRM_WITHIN,
        signing.BadSignature for a changed link, and cls.DoesNotExist when
        the subscriber has gone."""
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=CONFIRM_WITHIN.total_seconds()
        )
        subscriber = cls.objects.get(key=data["key"])
        return subscriber, data["topics"], list(data.get("clinicians", []))

    def confirm(self, topic_slugs, clinician_slugs=()):
        """Subscribed, to these topics and clinicians (none: every article)."""
        self.all_articles = not (topic_slugs or clinician_slugs)
        self.confirmed_at = self.confirmed_at or timezone.now()
        self.save(update_fields=["all_articles", "confirmed_at"])
        self.topics.set(Tag.objects.filter(slug__in=topic_slugs))
        self.clinicians.set(AboutMe.objects.filter(slug__in=clinician_slugs))

    @property
    def unsubscribe_token(self):
        """Never expires: an old email's link must still work."""
        return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(self.key)

    @classmethod
    def for_unsubscribe_token(cls, token):
        """The subscriber, or None when already gone. Raises
        signing.BadSignature for a link that was changed."""
        key = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
        return cls.objects.filter(key=key).first()

    @cached_property
    def wants(self):
        return wanted(
            [topic.name for topic in self.topics.all()],
            [clinician.name for clinician in self.clinicians.all()],
        )

    @cached_property
    def topic_names(self):
        if self.all_articles:
            return "All articles"
        return ", ".join(
            [topic.name for topic in self.topics.all()]
            + [f"articles by {c.name}" for c in self.clinicians.all()]
        )


class Mailing(models.Model):
    """One article's email to its subscribers: what it says, fixed when the
    article was first published, and how far the sending got."""

    QUEUED, SENDING, SENT, STOPPED = "queued", "sending", "sent", "stopped"
    STATUSES = [
        (QUEUED, "Queued"),
        (SENDING, "Sending"),
        (SENT, "Sent"),
        (STOPPED, "Stopped"),
    ]

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=255)
    content_note = models.TextField(blank=True)
    # The note names suicide or self-harm: the crisis line goes beside it.
    crisis_note = models.BooleanField(default=False)
    summary = models.TextField(blank=True)
    url = models.URLField(max_length=500)
    # Where the site's own links (unsubscribing) start, without a slash.
    site_url = models.URLField(max_length=255)
    topics = models.ManyToManyField("taggit.Tag", blank=True, related_name="+")
    # Its authors, for the subscribers who follow one of them.
    clinicians = models.ManyToManyField("base.AboutMe", blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    created_at = models.DateTimeField("queued", default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Problems in a row with the mail server itself, and the last one.
    attempts = models.PositiveSmallIntegerField(default=0)
    problem = models.CharField(max_length=300, blank=True)
    # Which runs of the sending task may send (subscriptions/tasks.py).
    generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "article email"
        default_permissions = ("view",)

    def __str__(self):
        return self.title

    def recipients(self):
        return Subscriber.objects.for_topics(
            list(self.topics.values_list("pk", flat=True)),
            list(self.clinicians.values_list("pk", flat=True)),
        )

    def counts(self):
        found = dict(
            self.deliveries.values_list("status").annotate(n=Count("pk")).order_by()
        )
        return {status: found.get(status, 0) for status, _ in Delivery.STATUSES}

    def failure_reasons(self):
        """Why sends failed, each reason once, with how many it stopped."""
        return (
            self.deliveries.filter(status=Delivery.FAILED)
            .values("reason")
            .annotate(count=Count("pk"))
            .order_by("-count", "reason")
        )


class Delivery(models.Model):
    """One subscriber's copy of one mailing. It is written before the email
    leaves, so a send that was interrupted is never repeated."""

    PENDING, SENT, FAILED = "pending", "sent", "failed"
    STATUSES = [(PENDING, "Pending"), (SENT, "Sent"), (FAILED, "Failed")]

    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="deliveries"
    )
    # Kept, without the subscriber, when they unsubscribe: the count stays.
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.mailing} ({self.status})"


class SubscribePage(ReaderFormPage, PlacedByParents, PageMeta, RoutablePageMixin, Page):
    """Where readers ask to be emailed new articles. The short forms on
    articles and the blog send here too (through /subscriptions/, which takes
    a form from a page that sets no cookie)."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Words above the form, for example how often you write.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = []
    max_count = 1
    site_pages = ["subscribe"]

    class Meta:
        verbose_name = "subscribe page"

    form_class = SubscribeForm
    limit_key = FORM
    done_route = "sent"

    def hourly_limit(self):
        return settings.SUBSCRIPTION_RATE_LIMIT

    # The empty form is the same for every reader, and stored like any page:
    # it sets no cookie, since it posts to /subscriptions/ (subscriptions/
    # views.py), which hands the post to `form_response` here too.
    @path("")
    def form_view(self, request):
        return self.form_response(request)

    def accept(self, request, form):
        """Record the ask; a confirmation is sent for it (subscriptions/
        tasks.py) when one is due. Whatever the address (new, waiting,
        already confirmed), the reader is told the same: to check their
        email."""
        Subscriber.objects.unconfirmed_expired().delete()
        limits.record(request, FORM)
        if form.is_spam:
            return
        # At most one confirmation an hour reaches a mailbox, however the
        # address is spelt, so nobody can aim the form at someone's inbox.
        address = form.cleaned_data["email"]
        if limits.recently(CONFIRMATION_SENT, mailbox(address), ASK_AGAIN_AFTER):
            return
        subscriber = Subscriber.ask(address)
        if subscriber is not None:
            limits.note(CONFIRMATION_SENT, mailbox(address))
            confirmation_asked.send(
                sender=Subscriber,
                subscriber=subscriber,
                topic_slugs=[topic.slug for topic in form.cleaned_data["topics"]],
                clinician_slugs=[
                    c.slug for c in form.cleaned_data.get("clinicians", [])
                ],
                site_url=self.get_site().root_url,
            )

    @path("sent/")
    @method_decorator(never_cache)
    def sent(self, request):
        return self.render(request, template="subscriptions/subscribe_sent.html")
