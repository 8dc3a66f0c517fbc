import datetime
import math
import re
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, Value, When
from django.http import Http404
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from blog.blocks import ArticleStreamBlock
from blog.feeds import ArticleFeed, AtomArticleFeed
from blog.forms import CONTENT_NOTE_CHOICES, ArticlePageForm
from blog.page_links import fetch_links, linked_pages
from home.caching import remember
from home.models import AboutMe, PublicPageQuerySet, ReaderPage, sitemap_entry
from vignettes.panels import IdentifierWarningsPanel

ARTICLES_PER_PAGE = 10
MAX_RELATED = 4
WORDS_PER_MINUTE = 230
SUMMARY_LENGTH = 300
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def default_article_body():
    """Every new article starts with the shared getting-help and about-me parts,
    so the therapist never has to add them by hand."""
    return [("getting_help", {"text": ""}), ("about_me", AboutMe.get_default())]


def reading_minutes(body):
    """Whole minutes at about 230 words a minute, and never less than one."""
    text = " ".join(body.stream_block.get_searchable_content(body))
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


def first_sentences(text, limit=SUMMARY_LENGTH):
    """As many whole sentences as fit in `limit` characters; a first sentence
    longer than that is cut at a word and marked with an ellipsis."""
    sentences = SENTENCE_END.split(" ".join(text.split()))
    summary = sentences[0]
    for sentence in sentences[1:]:
        if len(summary) + 1 + len(sentence) > limit:
            break
        summary = f"{summary} {sentence}"
    if len(summary) > limit:
        summary = summary[: limit - 1].rsplit(" ", 1)[0] + "…"
    return summary


def join_words(words):
    """ "a", "a and b", "a, b and c"."""
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def paginate(request, items):
    """A page of a listing; a missing, junk or out-of-range ?page= shows the
    nearest real page rather than an error."""
    return Paginator(items, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))


class BlogIndexPage(RoutablePageMixin, ReaderPage):
    """The blog's front door: every article, newest first, and the topics."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Optional words above the list of articles.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count_per_parent = 1

    objects = PageManager.from_queryset(PublicPageQuerySet)()

    @classmethod
    def for_site(cls, site):
        """The site's live, public blog, or None."""
        if site is None:
            return None
        return cls.objects.live().public().descendant_of(site.root_page).first()

    def articles(self):
        return ArticlePage.objects.listed().child_of(self)

    def topics(self):
        """Topics of this blog's live, public articles, with how many each has,
        kept in the page cache until the next change: counting them takes
        tens of milliseconds on a big blog, and most pages show them."""
        return remember(f"topics:{self.pk}", lambda: list(topics_of(self.articles())))

    @path("", name="index")
    def index(self, request):
        return self.render(
            request, context_overrides={"articles": paginate(request, self.articles())}
        )

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed()(request, blog=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return AtomArticleFeed()(request, blog=self)

    @path("topics/", name="topics")
    def topic_list(self, request):
        return self.render(
            request,
            template="blog/topic_list_page.html",
            context_overrides={
                "topics": self.topics(),
                "meta_title": "Topics",
                "meta_description": "Every topic on the blog, with the articles "
                "about it.",
            },
        )

    @path("topics/<str:slug>/", name="topic")
    def topic(self, request, slug):
        topic = self.get_topic(slug)
        return self.render(
            request,
            template="blog/topic_page.html",
            context_overrides={
                "topic": topic,
                "meta_title": topic.name,
                "meta_description": f"Articles about {topic.name}.",
                "articles": paginate(request, self.articles().filter(tags=topic)),
            },
        )

    @path("topics/<str:slug>/feed/", name="topic_feed")
    def topic_feed(self, request, slug):
        return ArticleFeed()(request, blog=self, topic=self.get_topic(slug))

    def get_topic(self, slug):
        topic = next((topic for topic in self.topics() if topic.slug == slug), None)
        if topic is None:
            raise Http404("No articles have this topic.")
        return topic

    def route_url(self, request, name, *args):
        """The full address of one of the index's own views, such as a topic."""
        return self.get_full_url(request) + self.reverse_subpage(name, args=args)

    def get_cached_paths(self):
        """Everything a CDN holds of the index: its views, feeds and topics."""
        topics = [
            path for topic in self.topics() for path in self.topic_paths(topic.slug)
        ]
        return ["/", "/feed/", "/feed/atom/", "/topics/", *topics]

    def topic_paths(self, slug):
        return [
            "/" + self.reverse_subpage(name, args=[slug])
            for name in ("topic", "topic_feed")
        ]

    def get_sitemap_urls(self, request=None):
        """The index, its topic list and every topic page, each dated by the
        newest article it lists."""
        index = sitemap_entry(self, request, self.articles())
        topics = topics_of(self.articles()).annotate(
            lastmod=Max("blog_articlepagetag_items__content_object__last_published_at")
        )
        return [
            index,
            {**index, "location": self.route_url(request, "topics")},
            *(
                {
                    "location": self.route_url(request, "topic", topic.slug),
                    "lastmod": topic.lastmod,
                }
                for topic in topics
            ),
        ]

    def route(self, request, path_components):
        """Fetch an article in one query, as its own type, where Wagtail's
        default takes two (the page, then its specific row), with its header
        image joined and the image's renditions (for the page and its sharing
        card) in one more. The index's own routes still come first, as they do
        by default."""
        if len(path_components) != 1 or is_index_route(path_components[0]):
            return super().route(request, path_components)
        try:
            article = (
                ArticlePage.objects.child_of(self)
                .select_related("image")
                .prefetch_related("tags", "image__renditions")
                .get(slug=path_components[0])
            )
        except ArticlePage.DoesNotExist:
            raise Http404 from None
        article._cached_parent_obj = self
        return article.route(request, [])


def topics_of(articles):
    """The topics of these articles, by name, with how many each has.

    Scoped through the article tags, so image or document tags never show.
    """
    return (
        Tag.objects.filter(blog_articlepagetag_items__content_object__in=articles)
        .annotate(article_count=Count("blog_articlepagetag_items"))
        .order_by("name")
    )


def is_index_route(slug):
    """Whether /blog/<slug>/ belongs to the index itself (such as topics/)."""
    try:
        BlogIndexPage.get_resolver().resolve(f"/{slug}/")
    except Http404:
        return False
    return True


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


class ArticlePageQuerySet(PublicPageQuerySet):
    def listed(self):
        """What readers may see in a listing, newest first, topics fetched in
        one query rather than one per article."""
        return self.live().public().order_by(*NEWEST_FIRST).prefetch_related("tags")


NEWEST_FIRST = ("-date", "-first_published_at", "-pk")


class ArticlePage(ReaderPage):
    """One article: introduction, vignette, conclusion, getting help, about me."""

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Leave empty to use the day the article is first published.",
    )
    summary = models.TextField(
        max_length=SUMMARY_LENGTH,
        blank=True,
        help_text="One or two sentences shown in article lists, feeds and search "
        "engines. Plain text, up to 300 characters. Leave empty to use the "
        "first sentences of the introduction.",
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
    reading_time = models.PositiveSmallIntegerField(
        "reading time in minutes",
        default=1,
        editable=False,
        help_text="Worked out from the body when the article is saved.",
    )
    content_notes = models.JSONField("content note", default=list, blank=True)
    content_note_text = models.CharField(
        "content note in your own words",
        max_length=300,
        blank=True,
        help_text="Optional. Anything the boxes above don't cover, for example "
        "'The vignette describes a panic attack in detail.'",
    )
    original_url = models.URLField(
        "original address",
        max_length=500,
        blank=True,
        help_text="Where this article was published before it was imported, "
        "set by the importer. Its old address redirects here; to change or "
        "remove that redirect, use Settings > Redirects.",
    )
    import_key = models.CharField(
        max_length=500, blank=True, db_index=True, editable=False
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
        MultiFieldPanel(
            [FieldPanel("content_notes"), FieldPanel("content_note_text")],
            heading="Content note",
            help_text="Shown above the article, in a box of its own. Leave empty "
            "when the article needs none.",
        ),
        IdentifierWarningsPanel(),
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

    promote_panels = [
        *Page.promote_panels,
        # Read-only: the importer made the redirect from it, and an edit here
        # would not move that redirect.
        FieldPanel("original_url", read_only=True),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    base_form_class = ArticlePageForm

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"
        # Listings and an article's neighbours walk articles by date.
        indexes = [models.Index(fields=["date"], name="article_date")]

    @cached_property
    def summary_text(self):
        """The summary readers, feeds and search engines see: the editor's own,
        or the introduction's first sentences when she left it empty."""
        if self.summary:
            return self.summary
        intro = next((b.value for b in self.body if b.block_type == "intro"), None)
        return first_sentences(get_text_for_indexing(intro.source)) if intro else ""

    @property
    def published_at(self):
        """When the article counts as published, for feeds and search engines:
        the moment it first went live, or the start of the publication date the
        editor set when that is another day."""
        first = self.first_published_at
        if self.date is None or (first and timezone.localdate(first) == self.date):
            return first
        midnight = datetime.datetime.combine(self.date, datetime.time())
        return timezone.make_aware(midnight)

    @property
    def content_note(self):
        """The note readers see, or "" when the article needs none."""
        labels = dict(CONTENT_NOTE_CHOICES)
        subjects = [labels[note] for note in self.content_notes if note in labels]
        sentence = f"This article discusses {join_words(subjects)}." if subjects else ""
        return " ".join(part for part in (sentence, self.content_note_text) if part)

    def clean(self):
        super().clean()
        if is_index_route(self.slug):
            raise ValidationError(
                {
                    "slug": f"The address “{self.slug}” is taken by the blog's own "
                    "pages. Please choose another slug."
                }
            )

    def save(self, *args, **kwargs):
        if self.date is None and self.live:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.reading_time = reading_minutes(self.body)
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        """Rendered here, while the pages its body links to are at hand."""
        with linked_pages():
            fetch_links(self.body)
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blog"] = self.get_parent().specific_deferred
        if getattr(request, "is_preview", False):
            around = self.around(in_memory=True)
        else:
            # Kept until the next change, as every publish clears the cache.
            around = remember(f"around:{self.pk}", self.around)
        (
            context["related_articles"],
            context["older_article"],
            context["newer_article"],
        ) = around
        return context

    def around(self, in_memory=False):
        """What to read next: related articles, then the older and newer one."""
        return (self.related_articles(in_memory), *self.neighbours())

    def related_articles(self, in_memory=False):
        """Up to four articles to read next, in one query.

        Hand-picked ones come first, in the editor's order; the rest are those
        sharing the most topics, newest first on a tie. Only live, public
        articles, never this one and never twice. A preview (`in_memory`) shows
        the picks in the editor's form, not the saved ones.
        """
        topics = [tag.pk for tag in self.tags.all()]
        if in_memory:
            picked = dict.fromkeys(link.page_id for link in self.related_links.all())
            picked_order = Case(
                *(When(pk=pk, then=Value(place)) for place, pk in enumerate(picked)),
                default=None,
                output_field=models.IntegerField(),
            )
        else:
            picks = ArticleRelatedPage.objects.filter(article=self.pk)
            picked = picks.values("page")
            picked_order = Subquery(
                picks.filter(page=OuterRef("pk"))
                .order_by("sort_order")
                .values("sort_order")[:1]
            )
        # Only articles picked or sharing a topic are counted, through the
        # indexed tag rows, not every article of the blog.
        sharing = ArticlePageTag.objects.filter(tag__in=topics).values("content_object")
        return list(
            ArticlePage.objects.live()
            .public()
            .filter(Q(pk__in=picked) | Q(pk__in=sharing))
            .exclude(pk=self.pk)
            .annotate(
                picked=picked_order,
                shared=Count("tagged_items", filter=Q(tagged_items__tag__in=topics)),
            )
            .filter(Q(picked__isnull=False) | Q(shared__gt=0))
            .order_by(F("picked").asc(nulls_last=True), "-shared", *NEWEST_FIRST)[
                :MAX_RELATED
            ]
        )

    def topic_urls(self):
        """Its topics' pages and feeds, which a CDN must drop when the article
        changes, even once it has left them."""
        blog = self.get_parent().specific
        return [
            blog.get_full_url() + path.lstrip("/")
            for tag in self.tags.all()
            for path in blog.topic_paths(tag.slug)
        ]

    def neighbours(self):
        """The next older and next newer article in the same blog, in one query.

        A draft being previewed sits where it would if published now.
        """
        date = self.date or timezone.localdate()
        published = self.first_published_at or timezone.now()
        after = Q(date=date, first_published_at=published, pk__gt=self.pk or 0)
        after |= Q(date=date, first_published_at__gt=published)
        after |= Q(date__gt=date)
        siblings = (
            ArticlePage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .values("pk")
        )
        # Bounded by date, so each walks the date index from this article.
        older = siblings.filter(date__lte=date).exclude(after).order_by(*NEWEST_FIRST)
        newer = siblings.filter(after, date__gte=date).order_by(
            "date", "first_published_at", "pk"
        )
        key = (date, published, self.pk or 0)
        older_page = newer_page = None
        nearest = Q(pk=Subquery(older[:1])) | Q(pk=Subquery(newer[:1]))
        for page in ArticlePage.objects.filter(nearest):
            if (page.date, page.first_published_at, page.pk) < key:
                older_page = page
            else:
                newer_page = page
        return older_page, newer_page
