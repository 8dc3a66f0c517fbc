"""Consultation requests: the page readers ask from, and what they send, kept
sealed (base/crypto.py) and only for CONSULTATION_RETENTION_DAYS."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from base import limits
from base.crypto import InvalidToken, seal, unseal
from base.meta import PageMeta
from base.models import AboutMe, PlacedByParents, PracticeNotices, SitePages
from base.reader_forms import ReaderFormPage
from consultations.forms import APPOINTMENT_CHOICES, ConsultationForm

FORM = "consultation"


class Detail:
    """One of the things the reader typed, read from the sealed details."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, request, owner=None):
        return self if request is None else request.detail(self.name)


class ConsultationRequestQuerySet(models.QuerySet):
    def not_notified(self):
        """Those nobody was told of: every attempt to email failed."""
        return self.filter(notified_at=None).exclude(notification_problem="")

    def visible_to(self, user):
        """What this user may read: a clinician signed in with their own
        account sees the requests addressed to them; the practice owners,
        and any other account allowed to read requests, see all."""
        if sees_every_request(user):
            return self
        return self.filter(clinician__user=user)

    def expired(self, now=None):
        days = settings.CONSULTATION_RETENTION_DAYS
        return self.filter(
            created_at__lt=(now or timezone.now()) - timedelta(days=days)
        )


ASSIGN = "consultations.assign_consultationrequest"


def sees_every_request(user):
    """Superusers, the practice owners (who assign "Help me choose"
    requests) and accounts that are no clinician's, such as a practice of
    one's own, or an assistant's."""
    if user.is_superuser or user.has_perm(ASSIGN):
        return True
    return not AboutMe.objects.filter(user=user).exists()


class ConsultationRequest(models.Model):
    """One reader's request. Everything they typed is in `sealed`; only when
    it came, and whether it was answered, are stored as they are."""

    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)
    sealed = models.TextField(editable=False)
    # The form's one-time token: a request can be sent once.
    token = models.CharField(max_length=64, unique=True, editable=False)
    # Whom the reader asked to see; empty for "Help me choose" (and in a
    # practice of one). Not sealed: who may read the request depends on it.
    clinician = models.ForeignKey(
        "base.AboutMe",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who answers this request. Empty means the reader asked the "
        "practice to help them choose: pick a clinician to pass it on.",
    )
    answered = models.BooleanField(
        default=False, help_text="Tick once you have replied to this request."
    )
    # The email telling the therapist it arrived (consultations/tasks.py):
    # when it left, or, once every attempt failed, why it did not.
    notified_at = models.DateTimeField(null=True, editable=False)
    notification_problem = models.CharField(max_length=200, blank=True, editable=False)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "consultation request"
        # Readers add them; the admin only reads, marks answered and deletes.
        default_permissions = ("view", "change", "delete")
        permissions = [
            ("assign_consultationrequest", "Can see and assign every request")
        ]

    def __str__(self):
        # The audit log keeps this label: a date, never a name.
        return f"Request of {self.received}"

    @property
    def received(self):
        """When it came, in the site's time zone (TIME_ZONE), as everywhere
        the admin shows it."""
        when = timezone.localtime(self.created_at)
        return f"{when:%B} {when.day}, {when:%Y, %H:%M} ({when:%Z})"

    def answered_text(self):
        return "Yes" if self.answered else "No"

    answered_text.short_description = "Answered"

    @classmethod
    def store(cls, details, token, clinician=None):
        return cls.objects.create(
            sealed=seal(details), token=token, clinician=clinician
        )

    @property
    def addressed_to(self):
        """For the list: the clinician asked for, or the reader's wish."""
        return self.clinician.name if self.clinician else "Help me choose"

    @cached_property
    def details(self):
        try:
            return unseal(self.sealed)
        except InvalidToken:
            # Sealed with a key no longer in FIELD_ENCRYPTION_KEY.
            return {}

    def detail(self, name):
        return self.details.get(name, "") if self.details else "(cannot be read)"

    name = Detail()
    email = Detail()
    phone = Detail()
    contact_times = Detail()
    notes = Detail()

    @property
    def notification(self):
        """For the list: whether the therapist was emailed about it."""
        if self.notified_at:
            return "Notified"
        if self.notification_problem:
            return f"Not notified: {self.notification_problem}"
        return "Waiting to be notified"

    @property
    def appointment(self):
        value = self.detail("appointment")
        return dict(APPOINTMENT_CHOICES).get(value, value)


class ConsultationPage(
    ReaderFormPage, PlacedByParents, PageMeta, RoutablePageMixin, Page
):
    """The form a reader asks for a first consultation with. What they send
    is stored encrypted, and the therapist is emailed only that a request
    arrived, never what it says."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Words above the form, for example what a first consultation is.",
    )
    reply_time = models.CharField(
        max_length=100,
        default="within two working days",
        help_text="When readers hear back, shown once they have sent the form: "
        "'I will reply ...'.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("reply_time"),
    ]
    subpage_types = []
    max_count = 1
    site_pages = ["consultation"]

    class Meta:
        verbose_name = "consultation page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.CONSULTATION_RETENTION_DAYS
        context["privacy_page"] = SitePages.find(request, "privacy")
        notices = PracticeNotices.load_for(request)
        context["booking_url"] = notices.booking_url if notices else ""
        return context

    form_class = ConsultationForm
    limit_key = FORM
    done_route = "thanks"

    def hourly_limit(self):
        return settings.CONSULTATION_RATE_LIMIT

    def form_kwargs(self, request):
        """A group practice's clinicians to choose from, with the one a
        profile's link names (?clinician=<slug>) chosen."""
        return {
            "clinicians": list(AboutMe.objects.filter(live=True).order_by("pk")),
            "chosen": request.GET.get("clinician", "")[:80],
        }

    # Its form carries the reader's CSRF cookie: even empty, never stored by
    # the page cache, a CDN or the browser.
    @path("")
    @method_decorator(never_cache)
    def form_view(self, request):
        return self.form_response(request)

    def accept(self, request, form):
        """Store a valid request, once; storing it has the therapist told
        (consultations/tasks.py). A honeypot catch is counted but neither
        stored nor told."""
        try:
            with transaction.atomic():
                limits.record(request, FORM)
                if not form.is_spam:
                    ConsultationRequest.store(
                        form.details, form.token_key, form.clinician
                    )
        except IntegrityError:
            form.add_error(None, form.ALREADY_SENT)
            return False
        return True

    @path("thanks/")
    @method_decorator(never_cache)
    def thanks(self, request):
        return self.render(request, template="consultations/consultation_thanks.html")
