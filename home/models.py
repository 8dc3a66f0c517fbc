from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, Max, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Page,
    PageViewRestriction,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.caching import content_cache, remember

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ().\-]{7,25}$",
    "Enter a phone number using digits, spaces, brackets, dots or dashes, "
    "for example (212) 555-0147.",
)
LATEST_ARTICLES = 3


def view_restricted():
    """True for a page at or under a view restriction, as an SQL subquery.

    Wagtail's own public() fetches the restrictions in a query of its own each
    time a listing is built; `.exclude(view_restricted())` gives the same pages
    inside the listing's one query.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


class PublicPageQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's public(), as a subquery: the same pages, without a separate
        query for the view restrictions each time a listing is built."""
        return self.exclude(view_restricted())


class ReaderPage(Page):
    """A page type readers are served, with Wagtail's view-restriction check in
    one query where it takes two (the ancestors, then their restrictions): the
    ancestors' paths are the prefixes of the page's own."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        paths = [
            self.path[:end]
            for end in range(self.steplen, len(self.path) + 1, self.steplen)
        ]
        # An alias shares the restrictions of the page it copies.
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True)
            | Q(page__in=Page.objects.filter(path__in=paths).values("alias_of"))
        )


def sitemap_entry(page, request, shown_pages):
    """The page's sitemap entry, dated by the newest publication among the
    page itself and the pages it lists, since a listing changes with them."""
    own = Page.get_sitemap_urls(page, request)[0]
    newest = shown_pages.aggregate(newest=Max("last_published_at"))["newest"]
    if newest and (own["lastmod"] is None or newest > own["lastmod"]):
        own["lastmod"] = newest
    return own


def split_lines(text):
    """One item per non-empty line: the editor types a list without markup."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class HomePage(ReaderPage):
    """The site root: the practice's welcome and the way into the blog."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome to the practice, shown at the top of the home page.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.BlogIndexPage", "vignettes.VignetteIndexPage"]
    max_count = 1

    def get_sitemap_urls(self, request=None):
        from blog.models import ArticlePage

        articles = ArticlePage.objects.live().public().descendant_of(self)
        return [sitemap_entry(self, request, articles)]

    def route(self, request, path_components):
        """Fetch a section (the blog, the vignettes) as its own type in one
        query, where Wagtail's default takes two: the page, then its row."""
        if path_components:
            for model in self.allowed_subpage_models():
                section = model.objects.child_of(self).filter(slug=path_components[0])
                if section := section.first():
                    section._cached_parent_obj = self
                    return section.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogIndexPage

        context = super().get_context(request, *args, **kwargs)
        blog = BlogIndexPage.objects.child_of(self).live().public().first()
        if blog is not None:
            context["blog"] = blog
            context["latest_articles"] = blog.articles()[:LATEST_ARTICLES]
            context["topics"] = blog.topics()
        context["about_me"] = AboutMe.get_default()
        return context


class AboutMe(
    DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """The therapist's bio, written once and shown at the end of every article."""

    name = models.CharField(
        max_length=120, help_text="Your name as readers should see it."
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
    modalities = models.TextField(
        blank=True,
        help_text="How you work, one per line (for example Psychodynamic therapy).",
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
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("specialties"), FieldPanel("modalities")],
            heading="Your work",
        ),
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("booking_url"),
            ],
            heading="How to reach you",
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "about me"
        verbose_name_plural = "about me"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def specialty_list(self):
        return split_lines(self.specialties)

    @property
    def modality_list(self):
        return split_lines(self.modalities)

    def get_preview_template(self, request, mode_name):
        return "home/about_me_preview.html"

    @classmethod
    def get_default(cls):
        """The bio a new article starts with: the oldest published one."""
        return cls.objects.filter(live=True).order_by("pk").first()


class SharedSetting(BaseGenericSetting):
    """A setting shown on every page, kept in the page cache between changes
    (saving one clears it) rather than read on every request."""

    class Meta:
        abstract = True

    @classmethod
    def cache_key(cls):
        return f"setting:{cls._meta.label_lower}"

    @classmethod
    def _get_or_create(cls):
        return remember(cls.cache_key(), super()._get_or_create)

    @classmethod
    def last_cached(cls):
        """The setting as last read, from the page cache alone (or None):
        for the error pages, which must not touch the database."""
        return content_cache().get(cls.cache_key())


@register_setting(icon="help")
class GettingHelpSettings(SharedSetting):
    """The practice's call to action, shared by the getting-help block of every
    article so that a new phone number is typed once."""

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
    phone = models.CharField(
        max_length=30, blank=True, validators=[PHONE_VALIDATOR], help_text="Optional."
    )
    email = models.EmailField(blank=True, help_text="Optional.")
    booking_url = models.URLField(
        "booking link",
        blank=True,
        help_text="Where readers can book a consultation, starting with https://.",
    )
    booking_label = models.CharField(
        max_length=60,
        default="Book a free consultation",
        help_text="The words on the booking button.",
    )

    panels = [
        FieldPanel("heading"),
        FieldPanel("offer"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("booking_url"),
                FieldPanel("booking_label"),
            ],
            heading="How readers reach the practice",
        ),
    ]

    class Meta:
        verbose_name = "getting help in therapy"


@register_setting(icon="globe")
class SharingSettings(SharedSetting):
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
class ReaderNoticeSettings(SharedSetting):
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
            if getattr(self, name)
            and not strip_tags(getattr(self, name)).replace("&nbsp;", "").strip()
        }
        if errors:
            raise ValidationError(errors)
