from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import InformationStreamBlock
from base.models import AboutMe, IndexPage, sitemap_entry
from blog.models import ArticlePage, BlogIndexPage


class HomePage(IndexPage):
    """The site root: the practice's welcome and the way into the blog."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "blog.BlogIndexPage",
        "vignettes.VignetteIndexPage",
        "home.StandardPage",
        "consultations.ConsultationPage",
        "subscriptions.SubscribePage",
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
    ]

    def get_sitemap_urls(self, request=None):
        articles = ArticlePage.objects.live().public().descendant_of(self)
        return [sitemap_entry(self, request, articles)]

    def get_context(self, request, *args, **kwargs):
        """The blog and the bio, looked up only if a fragment of the page that
        shows them is not in the cache already."""
        context = super().get_context(request, *args, **kwargs)
        context["blog"] = SimpleLazyObject(
            lambda: BlogIndexPage.objects.child_of(self).live().public().first()
        )
        context["about_me"] = SimpleLazyObject(AboutMe.get_default)
        return context


class StandardPage(Page):
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

    class Meta:
        verbose_name = "information page"

    @property
    def questions(self):
        """Its questions and answers, in order, for the FAQPage JSON-LD."""
        return [block.value for block in self.body if block.block_type == "question"]
