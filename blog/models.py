from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from blog.blocks import ArticleStreamBlock
from home.models import AboutMe

ARTICLES_PER_PAGE = 10
MAX_RELATED = 4


def default_article_body():
    """Every new article starts with the shared getting-help and about-me parts,
    so the therapist never has to add them by hand."""
    return [("getting_help", {"text": ""}), ("about_me", AboutMe.get_default())]


class BlogIndexPage(Page):
    """The blog's front door: every article, newest first."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Optional words above the list of articles.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.listed().child_of(self)
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleRelatedPage(Orderable):
    """A hand-picked "read next" article, kept in the editor's order."""

    article = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    page = models.ForeignKey(
        "blog.ArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="article",
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "related article"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "page"], name="unique_related_article"
            )
        ]


class ArticlePageQuerySet(PageQuerySet):
    def listed(self):
        """What readers may see in a listing, newest first, topics fetched in
        one query rather than one per article."""
        return (
            self.live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
            .prefetch_related("tags")
        )


class ArticlePage(Page):
    """One article: introduction, vignette, conclusion, getting help, about me."""

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Leave empty to use the day the article is first published.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences shown in article lists and to search "
        "engines. Plain text, up to 300 characters.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture shown at the top of the article and when it "
        "is shared.",
    )
    body = StreamField(
        ArticleStreamBlock(),
        default=default_article_body,
        help_text="The parts of the article: introduction, clinical vignette, "
        "conclusion, getting help in therapy and about me.",
    )
    tags = ClusterTaggableManager(
        "topics",
        through=ArticlePageTag,
        blank=True,
        help_text="The topics this article is about, for example Anxiety. "
        "Readers browse articles by topic.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultipleChooserPanel(
            "related_links",
            chooser_field_name="page",
            heading="Related articles",
            label="Related article",
            max_num=MAX_RELATED,
            help_text="Articles to suggest at the end, in this order.",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"

    def save(self, *args, **kwargs):
        if self.date is None and self.live:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)

    @property
    def related_articles(self):
        """Hand-picked related articles in the editor's order: live, public,
        never this article, never twice."""
        picked = [link.page_id for link in self.related_links.all()]
        candidates = {
            page.pk: page
            for page in ArticlePage.objects.live()
            .public()
            .filter(pk__in=picked)
            .exclude(pk=self.pk)
        }
        return [candidates[pk] for pk in dict.fromkeys(picked) if pk in candidates]
