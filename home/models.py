from urllib.parse import urljoin

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base import structured_data
from base.blocks import InformationStreamBlock
from base.meta import PageMeta
from base.models import AboutMe, IndexPage, SitePages, profile_urls, sitemap_entry
from blog.models import ArticlePage

# The team page's model belongs to this app: imported so Django finds it.
from home.team import TeamPage  # noqa: F401

# A short list: a newcomer reads a few articles, not a second blog index.
MAX_START_HERE = 6


class StartHereArticle(Orderable):
    """An article a newcomer should read first, in the therapist's order."""

    home = ParentalKey(
        "home.HomePage", on_delete=models.CASCADE, related_name="start_here_links"
    )
    article = models.ForeignKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "start-here article"
        constraints = [
            models.UniqueConstraint(
                fields=["home", "article"], name="unique_start_here_article"
            )
        ]


class HomePage(IndexPage):
    """The site root: the practice's welcome and the way into the blog."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "blog.BlogIndexPage",
        "blog.VignetteIndexPage",
        "home.StandardPage",
        "consultations.ConsultationPage",
        "subscriptions.SubscribePage",
        "home.TeamPage",
    ]
    max_count = 1

    heading = models.CharField(
        max_length=120,
        blank=True,
        help_text="The heading at the top of the home page: your practice's "
        "name or a welcome, such as 'Therapy for adults in Brooklyn'. Left "
        "empty, the site's name is shown.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        MultipleChooserPanel(
            "start_here_links",
            chooser_field_name="article",
            heading="Start here",
            label="Article",
            max_num=MAX_START_HERE,
            help_text="Articles a newcomer should read first, in this order. "
            "Shown on the home page; hidden when there are none.",
        ),
    ]

    def get_sitemap_urls(self, request=None):
        articles = ArticlePage.objects.live().public().descendant_of(self)
        return [sitemap_entry(self, request, articles)]

    def get_context(self, request, *args, **kwargs):
        """The blog and the bio, looked up only if a fragment of the page that
        shows them is not in the cache already."""
        context = super().get_context(request, *args, **kwargs)
        context["blog"] = SimpleLazyObject(lambda: SitePages.find(request, "blog"))
        context["about_me"] = SimpleLazyObject(AboutMe.get_default)
        context["start_here"] = SimpleLazyObject(self.start_here)
        return context

    def structured_data(self, meta):
        """The practice and the therapist, from the default bio, with a group
        practice's other clinicians as members."""
        team = AboutMe.objects.filter(live=True).order_by("pk")
        team = list(team.prefetch_related("licences"))
        if not team:
            return None
        about, others = team[0], team[1:]  # the default bio's, then the rest
        photo = about.photo.get_rendition("fill-400x400") if about.photo else None
        profiles = profile_urls(meta["request"], others) if others else {}
        return structured_data.practice(
            about,
            meta["site_name"],
            meta["home_url"],
            urljoin(meta["home_url"], photo.url) if photo else meta["image_url"],
            [(other, profiles.get(other.pk)) for other in others],
        )

    def start_here(self):
        """The picked articles readers may see, in the editor's order. In a
        preview the picks are those of the editor's form, held in memory."""
        picks = [link.article_id for link in self.start_here_links.all()]
        return ArticlePage.objects.listed().in_order(picks)


class StandardPage(PageMeta, Page):
    """An information page about the practice: about, fees, FAQ, privacy.
    Ticking "Show in menus" (Promote) lists it in the site's navigation, in
    the order of the pages under the home page."""

    body = StreamField(
        InformationStreamBlock(),
        help_text="The page's text. Questions and answers are also given to "
        "search engines as a FAQ.",
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    site_pages = ["privacy", "fees", "privacy_practices", "accessibility"]

    class Meta:
        verbose_name = "information page"

    def get_context(self, request, *args, **kwargs):
        """The fees page sums up the Good Faith Estimate notice; the privacy
        page says what the readership counts keep, as the site is set."""
        context = super().get_context(request, *args, **kwargs)
        pages = SitePages.load_for(request)
        context["fees_page"] = pages is not None and pages.fees_page_id == self.pk
        context["privacy_page"] = pages is not None and pages.privacy_page_id == self.pk
        context["readership_counts"] = settings.READERSHIP_COUNTS
        return context

    def structured_data(self, meta):
        return (
            structured_data.faq_page(self.questions, meta["url"])
            if self.questions
            else None
        )

    @property
    def questions(self):
        """Its questions and answers, in order, for the FAQPage JSON-LD."""
        return [block.value for block in self.body if block.block_type == "question"]
