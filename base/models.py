"""What every page type builds on: the index page, the about-me snippet and
the practice's settings."""

from functools import cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import (
    BaseGenericSetting,
    BaseSiteSetting,
    register_setting,
)
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    Site,
    get_page_models,
)
from wagtail.search import index

from base.clinicians import ClinicianForm, language_name, state_name
from base.meta import PageMeta
from base.panels import SitePagePanel
from base.text import first_sentence, has_words, split_lines

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ().\-]{7,25}$",
    "Enter a phone number using digits, spaces, brackets, dots or dashes, "
    "for example (212) 555-0147.",
)


class IndexPage(PageMeta, Page):
    """A page that lists others (the home page, the blog, the vignette
    library), with optional words of the therapist's above the list."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Optional words shown at the top of this page, above its list.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True


class PlacedByParents:
    """A page type that goes only where a page type above names it in its
    `subpage_types` (the home page lists the blog, say). It cannot name its
    parents itself: they are in the apps above it."""

    @classmethod
    @cache
    def clean_parent_page_models(cls):
        return [
            model
            for model in get_page_models()
            if getattr(model, "subpage_types", None) is not None
            and cls in model.clean_subpage_models()
        ]


def sitemap_entry(page, request, shown_pages):
    """The page's sitemap entry, dated by the newest publication among the
    page itself and the pages it lists, since a listing changes with them."""
    own = Page.get_sitemap_urls(page, request)[0]
    newest = shown_pages.aggregate(newest=Max("last_published_at"))["newest"]
    if newest and (own["lastmod"] is None or newest > own["lastmod"]):
        own["lastmod"] = newest
    return own


class AboutMeQuerySet(models.QuerySet):
    def team(self):
        """The published profiles, in the order they were added, with what a
        profile or the team page shows, whatever their number."""
        return (
            self.filter(live=True)
            .order_by("pk")
            .select_related("photo")
            .prefetch_related("licences", "topics")
        )


class AboutMe(
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A clinician's profile and bio, written once and shown at the end of
    their articles. A practice of one has one; once a second is published
    the site shows its team, bylines and a choice of clinician."""

    name = models.CharField(
        max_length=120, help_text="Your name as readers should see it."
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The end of the profile's address, /team/<slug>/. Filled in "
        "from the name when left empty.",
        blank=True,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clinician",
        verbose_name="admin account",
        help_text="The account this clinician signs in with: their new articles "
        "name them as author, and they see the consultation requests sent to "
        "them.",
    )
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text="Letters after your name, for example LCSW or PhD.",
    )
    job_title = models.CharField(
        max_length=120,
        default="Psychotherapist",
        help_text="How you describe your work, for example Psychotherapist.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly portrait. Optional.",
    )
    bio = RichTextField(
        features=["bold", "italic", "link"],
        help_text="A few sentences about you and how you work.",
    )
    specialties = models.TextField(
        blank=True,
        help_text="What you help people with, one per line (for example Anxiety).",
    )
    topics = ParentalManyToManyField(
        "taggit.Tag",
        blank=True,
        related_name="+",
        verbose_name="specialties among the blog's topics",
        help_text="Readers find you on the team page by these topics.",
    )
    modalities = models.TextField(
        "approaches",
        blank=True,
        help_text="How you work, one per line (for example Psychodynamic therapy).",
    )
    languages = models.JSONField(default=list, blank=True)
    online_states = models.JSONField(default=list, blank=True)
    accepting_new_clients = models.BooleanField(
        default=True,
        help_text="Untick while your caseload is full: the team page and your "
        "profile say so, and readers can still write to you.",
    )
    fees = models.TextField(
        "fees and insurance",
        blank=True,
        help_text="For example 'Sessions are $180. Out of network; I give superbills.'",
    )
    directory_url = models.URLField(
        "directory profile",
        blank=True,
        help_text="Optional: your profile on a directory such as Psychology "
        "Today, starting with https://.",
    )
    notify_email = models.EmailField(
        "email for request notices",
        blank=True,
        help_text="Where the notice of a consultation request addressed to you "
        "goes. It never holds a word of the request.",
    )
    location = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where you see clients, for example 'Manhattan, New York, "
        "and online'.",
    )
    phone = models.CharField(
        max_length=30, blank=True, validators=[PHONE_VALIDATOR], help_text="Optional."
    )
    email = models.EmailField(blank=True, help_text="Optional.")
    website = models.URLField(
        blank=True, help_text="Your practice website, starting with https://."
    )
    booking_url = models.URLField(
        "booking or directory link",
        blank=True,
        help_text="Where readers can book or read your directory profile, "
        "starting with https://.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("credentials"),
                FieldPanel("job_title"),
                FieldPanel("photo"),
            ],
            heading="Who you are",
        ),
        FieldPanel("slug"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("specialties"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("modalities"),
                FieldPanel("languages"),
                FieldPanel("accepting_new_clients"),
                FieldPanel("fees"),
            ],
            heading="Your work",
        ),
        InlinePanel("licences", heading="Licences", label="Licence"),
        FieldPanel("online_states"),
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("booking_url"),
                FieldPanel("directory_url"),
                FieldPanel("notify_email"),
            ],
            heading="How to reach you",
        ),
        FieldPanel("user", permission="auth.change_user"),
    ]
    base_form_class = ClinicianForm
    objects = AboutMeQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "clinician"
        verbose_name_plural = "clinicians"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def specialty_list(self):
        return split_lines(self.specialties)

    @property
    def modality_list(self):
        return split_lines(self.modalities)

    @property
    def language_names(self):
        return [language_name(code) for code in self.languages]

    @property
    def online_state_names(self):
        return [state_name(code) for code in self.online_states]

    def get_preview_template(self, request, mode_name):
        return "home/about_me_preview.html"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def free_slug(self):
        """A slug from the name that no other profile has."""
        base = slugify(self.name)[:70] or "clinician"
        taken = set(
            AboutMe.objects.exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    @classmethod
    def get_default(cls):
        """The bio a new article starts with: the oldest published one."""
        return cls.objects.filter(live=True).order_by("pk").first()

    @classmethod
    def is_group_practice(cls):
        """Whether more than one clinician is published: only then does the
        site show a team, bylines and a choice of clinician."""
        return cls.objects.filter(live=True)[:2].count() > 1


@register_setting(icon="help")
class GettingHelpSettings(BaseGenericSetting):
    """The practice's call to action, shared by the getting-help block of every
    article. The phone, email and booking link it shows are the about-me's,
    so each is typed once."""

    heading = models.CharField(
        max_length=120,
        default="Getting help in therapy",
        help_text="The heading of the box at the end of each article.",
    )
    offer = RichTextField(
        features=["bold", "italic", "link"],
        default=(
            "<p>If something in this article feels familiar, you do not have to "
            "sort it out alone. I offer a free 15-minute phone consultation to "
            "talk about what is going on and whether we might work well together."
            "</p>"
        ),
        help_text="Your consultation offer, in a few warm sentences.",
    )
    booking_label = models.CharField(
        max_length=60,
        default="Book a free consultation",
        help_text="The words on the booking button. The button leads to the "
        "booking link in Clinicians (the first one).",
    )

    panels = [
        FieldPanel("heading"),
        FieldPanel("offer"),
        FieldPanel("booking_label"),
    ]

    class Meta:
        verbose_name = "getting help in therapy"


@register_setting(icon="globe")
class SharingSettings(BaseGenericSetting):
    """How the site looks when shared and to search engines, where a page has
    nothing of its own to show."""

    description = models.TextField(
        "site description",
        max_length=300,
        blank=True,
        help_text="One or two sentences about the practice and the blog, shown "
        "by search engines and link previews for pages without a summary of "
        "their own. Plain text, up to 300 characters.",
    )
    default_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="default sharing image",
        help_text="The picture shown when a page without a header image of its "
        "own is shared on social media. A wide picture works best (1200 × 630).",
    )

    panels = [FieldPanel("description"), FieldPanel("default_image")]
    select_related = ["default_image"]

    class Meta:
        verbose_name = "sharing and search engines"


CRISIS_NOTICE = (
    "<p><b>If you are in crisis,</b> call or text <b>988</b> (Suicide &amp; "
    "Crisis Lifeline, US) at any hour. If you or someone else is in immediate "
    "danger, call <b>911</b>.</p>"
)

NOT_THERAPY_NOTICE = (
    "<p>Reading this blog is not therapy and does not create a therapist and "
    "client relationship. The client stories are fictional or composites.</p>"
)


@register_setting(icon="warning")
class ReaderNoticeSettings(BaseGenericSetting):
    """The notices at the foot of every page. Readers may arrive in distress,
    so the crisis notice can be reworded but never removed."""

    crisis_notice = RichTextField(
        features=["bold", "italic", "link"],
        default=CRISIS_NOTICE,
        help_text="Shown at the foot of every page. Give the crisis line and the "
        "emergency number where your readers live. It cannot be left empty.",
    )
    not_therapy_notice = RichTextField(
        "'Not therapy' notice",
        features=["bold", "italic", "link"],
        default=NOT_THERAPY_NOTICE,
        help_text="A short reminder, under the crisis notice, that reading is not "
        "the same as being in therapy. It cannot be left empty.",
    )

    panels = [FieldPanel("crisis_notice"), FieldPanel("not_therapy_notice")]

    class Meta:
        verbose_name = "crisis and reading notices"

    def clean(self):
        # Rich text with no words in it ("<p></p>", a lone space) is still empty.
        errors = {
            name: "This notice cannot be empty: readers in distress rely on it."
            for name in ("crisis_notice", "not_therapy_notice")
            if getattr(self, name) and not has_words(getattr(self, name))
        }
        if errors:
            raise ValidationError(errors)


GOOD_FAITH_ESTIMATE = (
    "<p>If you do not have health insurance, or choose not to use it for your "
    "sessions, you have the right to a “Good Faith Estimate” of what your care "
    "will cost.</p>"
    "<p>Under the No Surprises Act, health care providers must give clients who "
    "are uninsured or paying for themselves an estimate of the expected charges "
    "for care that is not an emergency, psychotherapy included.</p>"
    "<ul><li>You can ask for a Good Faith Estimate before you book a session.</li>"
    "<li>You will receive it in writing at least one business day before your "
    "first session.</li>"
    "<li>If you are billed at least $400 more than your Good Faith Estimate, you "
    "can dispute the bill.</li>"
    "<li>Keep a copy or a photo of your Good Faith Estimate.</li></ul>"
    "<p>For questions, or to learn more about your right to a Good Faith "
    'Estimate, visit <a href="https://www.cms.gov/nosurprises">'
    "www.cms.gov/nosurprises</a> or call 1-800-985-3059.</p>"
)


def page_field(verbose_name, help_text):
    """A page chosen in a setting, left empty when it is deleted."""
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


@register_setting(icon="doc-full")
class PracticeNotices(BaseSiteSetting):
    """What a practice must tell readers (the Good Faith Estimate, its Notice
    of Privacy Practices, its accessibility statement) and the sites it sends
    clients to. Each notice switched on is linked from every page's footer."""

    good_faith_estimate_shown = models.BooleanField(
        "show the Good Faith Estimate notice",
        default=False,
        help_text="Required of US providers who see uninsured or self-paying "
        "clients. Shown at /good-faith-estimate/, linked from every page's "
        "footer, and summed up on the consultation and fees pages.",
    )
    good_faith_estimate = RichTextField(
        "Good Faith Estimate notice",
        features=["bold", "italic", "link", "ul"],
        default=GOOD_FAITH_ESTIMATE,
        help_text="Prefilled with the substance of the standard notice, in plain "
        "words. Its first sentence is the summary on the consultation and fees "
        "pages.",
    )
    good_faith_estimate_contact = models.CharField(
        "how to ask for an estimate",
        max_length=300,
        blank=True,
        help_text="For example 'Ask me by email at ... or by phone at ...'. "
        "Left empty, the notice gives the phone and email of your profile.",
    )
    privacy_practices_page = page_field(
        "Notice of Privacy Practices page",
        "An information page holding your HIPAA Notice of Privacy Practices. "
        "Leave empty to link none.",
    )
    accessibility_page = page_field(
        "accessibility statement page",
        "An information page saying what the site meets (WCAG 2.2 AA) and how to "
        "report a problem. Leave empty to link none.",
    )
    client_portal_url = models.URLField(
        "client portal address",
        blank=True,
        help_text="Where existing clients sign in to their records system "
        "(SimplePractice, TherapyNotes...), starting with https://. Linked from "
        "every page's footer.",
    )
    booking_url = models.URLField(
        "online booking address",
        blank=True,
        help_text="Where readers book a first appointment online, starting with "
        "https://. Linked from the consultation page.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("good_faith_estimate_shown"),
                FieldPanel("good_faith_estimate"),
                FieldPanel("good_faith_estimate_contact"),
            ],
            heading="Good Faith Estimate",
        ),
        SitePagePanel("privacy_practices_page", "privacy_practices"),
        SitePagePanel("accessibility_page", "accessibility"),
        MultiFieldPanel(
            [FieldPanel("client_portal_url"), FieldPanel("booking_url")],
            heading="Links to other sites",
        ),
    ]
    select_related = ["privacy_practices_page", "accessibility_page"]

    class Meta:
        verbose_name = "practice notices and links"

    @classmethod
    def load_for(cls, request):
        """The site's notices, or None for a host that is no site. Read once
        a request, and never written: a reader's request writes nothing, so
        a site that never saved them gets the defaults."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        notices = getattr(request, "practice_notices", None)
        if notices is None or notices.site_id != site.pk:
            found = cls.objects.filter(site=site).select_related(*cls.select_related)
            notices = found.first() or cls(site=site)
            request.practice_notices = notices
        return notices

    def links(self, request):
        """The footer's links to the notices switched on: (label, address).
        A chosen page readers cannot see (a draft, private) is left out."""
        links = []
        if self.good_faith_estimate_shown:
            links.append(("Good Faith Estimate", reverse("good_faith_estimate")))
        pages = {
            label: page
            for label, page in (
                ("Notice of Privacy Practices", self.privacy_practices_page),
                ("Accessibility", self.accessibility_page),
            )
            if page is not None
        }
        if pages:
            chosen = [page.pk for page in pages.values()]
            readable = set(
                Page.objects.live()
                .public()
                .filter(pk__in=chosen)
                .values_list("pk", flat=True)
            )
            links += [
                (label, page.get_url(request))
                for label, page in pages.items()
                if page.pk in readable
            ]
        return links

    def good_faith_summary(self):
        """The notice's first sentence, as plain text, or "" when it is off."""
        if not self.good_faith_estimate_shown:
            return ""
        return first_sentence(self.good_faith_estimate)

    def clean(self):
        errors = {}
        if self.good_faith_estimate_shown and not has_words(self.good_faith_estimate):
            errors["good_faith_estimate"] = (
                "Write the notice, or untick 'Show the Good Faith Estimate notice'."
            )
        about = AboutMe.get_default()
        if (
            self.good_faith_estimate_shown
            and not self.good_faith_estimate_contact.strip()
            and not (about and (about.phone or about.email))
        ):
            errors["good_faith_estimate_contact"] = (
                "Say how clients ask for an estimate: your profile has no phone "
                "or email to give them."
            )
        for role in ("privacy_practices", "accessibility"):
            page = getattr(self, f"{role}_page")
            if page is not None and role not in getattr(
                page.specific_class, "site_pages", ()
            ):
                errors[f"{role}_page"] = "Choose an information page."
        for name in ("client_portal_url", "booking_url"):
            if getattr(self, name).startswith("http://"):
                errors[name] = "Use the address starting with https://."
        if errors:
            raise ValidationError(errors)


def site_page_field(role, help_text):
    return page_field(f"{role} page", help_text)


@register_setting(icon="home")
class SitePages(BaseSiteSetting):
    """The site's one-of-a-kind pages, chosen once, so that every part of
    the site finds them the same way (`SitePages.find`). A page type says
    which of them it can be with `site_pages`; a one-of-a-kind type fills its
    place by itself when first saved live (base/site_pages.py)."""

    ROLES = ("blog", "subscribe", "consultation", "privacy", "fees", "team")

    blog_page = site_page_field(
        "blog", "The blog: its feeds and articles are linked from every page."
    )
    subscribe_page = site_page_field(
        "subscribe",
        "Where readers sign up for new articles; the short forms on articles "
        "show only when it is live.",
    )
    consultation_page = site_page_field(
        "consultation", "Where 'get in touch' links lead."
    )
    privacy_page = site_page_field(
        "privacy",
        "The information page that says what happens to what readers send; "
        "the consultation form links to it.",
    )

    fees_page = site_page_field(
        "fees",
        "The information page about fees: it sums up the Good Faith Estimate "
        "notice when that is shown (Practice notices and links).",
    )
    team_page = site_page_field(
        "team",
        "A group practice's team: bylines link to each clinician's profile on it.",
    )

    panels = [SitePagePanel(f"{role}_page", role) for role in ROLES]
    select_related = [f"{role}_page" for role in ROLES]

    class Meta:
        verbose_name = "site pages"

    @classmethod
    def load_for(cls, request_or_site):
        """The site's setting: kept on a request for the rest of it."""
        if isinstance(request_or_site, Site):
            return cls.for_site(request_or_site)
        if Site.find_for_request(request_or_site) is None:
            return None
        return cls.for_request(request_or_site)

    @classmethod
    def find(cls, request_or_site, role):
        """The site's live, public page for `role`, as its own type, or None."""
        pages = cls.load_for(request_or_site)
        chosen = getattr(pages, f"{role}_page") if pages is not None else None
        model = chosen.specific_class if chosen is not None else None
        if model is None or not chosen.live:
            return None
        return model.objects.live().public().filter(pk=chosen.pk).first()

    @classmethod
    def url(cls, request, role):
        """The address of the site's live, public page for `role`, or ""."""
        pages = cls.load_for(request)
        chosen = getattr(pages, f"{role}_page") if pages is not None else None
        if chosen is None or chosen.pk not in pages.readable:
            return ""
        return chosen.get_url(request)

    @cached_property
    def readable(self):
        """Which of the chosen pages readers may see (live and public): one
        lookup for every role at once."""
        chosen = [getattr(self, f"{role}_page_id") for role in self.ROLES]
        return set(
            Page.objects.live()
            .public()
            .filter(pk__in=[pk for pk in chosen if pk])
            .values_list("pk", flat=True)
        )

    def clean(self):
        errors = {}
        for role in self.ROLES:
            page = getattr(self, f"{role}_page")
            if page is not None and role not in getattr(
                page.specific_class, "site_pages", ()
            ):
                errors[f"{role}_page"] = f"Choose a {role} page."
        if errors:
            raise ValidationError(errors)


def profile_urls(request, clinicians):
    """Each clinician's profile address on the site's live team page, by
    pk: the team page serves `<its address><slug>/`. None without one."""
    team = SitePages.find(request, "team")
    if team is None:
        return {}
    base = team.get_full_url(request)
    return {clinician.pk: f"{base}{clinician.slug}/" for clinician in clinicians}


class RecentSubmission(models.Model):
    """A reader's form sent from one client address, for the hourly limits
    (base/limits.py): the address is never stored, only a keyed hash of it,
    and only for the hour."""

    form = models.CharField(max_length=30)
    client = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["form", "client"], name="recent_submission_client")
        ]

    def __str__(self):
        return f"{self.form} from {self.client[:8]}… at {self.created_at:%H:%M}"


class ContentGeneration(models.Model):
    """One row numbering the changes readers can see (base/cache.py). Every
    key in the content cache carries the number, so a change committed here
    retires everything stored before it, on every server, whatever state
    the cache itself is in."""

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"content generation {self.value}"
