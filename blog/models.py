import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from base import structured_data
from base.cache import content_cache
from base.meta import PageMeta
from base.models import (
    AboutMe,
    IndexPage,
    PlacedByParents,
    profile_urls,
    sitemap_entry,
)
from base.pagination import paginate
from base.reads import mark_read
from base.text import SUMMARY_LENGTH, first_sentences, join_words, reading_minutes
from blog import related
from blog.blocks import ArticleStreamBlock
from blog.feeds import ArticleFeed, AtomArticleFeed
from blog.forms import CONTENT_NOTE_CHOICES, ArticlePageForm

# The vignette library's models belong to this app: imported so Django finds them.
from blog.library import Vignette, VignetteIndexPage  # noqa: F401
from blog.panels import ReadabilityPanel, SafeMessagingPanel
from blog.readability import readability
from blog.related import MAX_RELATED, NEWEST_FIRST
from blog.safe_messaging_terms import CONTENT_NOTES as CRISIS_NOTES
from blog.series import Series, SeriesArticle
from blog.topics import topics_of
from blog.warnings import writing_warnings
from subscriptions.panels import SubscribersPanel
from vignettes.panels import IdentifierWarningsPanel


def default_article_body():
    """Every new article starts with the shared getting-help and about-me parts,
    so the therapist never has to add them by hand."""
    return [("getting_help", {"text": ""}), ("about_me", AboutMe.get_default())]


class BlogIndexPage(PlacedByParents, RoutablePageMixin, IndexPage):
    """The blog's front door: every article, newest first, and the topics."""

    subpage_types = ["blog.ArticlePage"]
    max_count_per_parent = 1
    site_pages = ["blog"]

    def articles(self):
        return ArticlePage.objects.listed().child_of(self)

    def get_context(self, request, *args, **kwargs):
        """The topics, for the subscription form, looked up only if its
        cached fragment is missing (building the query reads the blog's
        view restrictions)."""
        context = super().get_context(request, *args, **kwargs)
        context["blog_topics"] = SimpleLazyObject(self.topics)
        return context

    def topics(self):
        """Topics of this blog's live, public articles, with how many each has.
        Pages show them inside a cached fragment (templates/includes/)."""
        return topics_of(self.articles())

    @path("", name="index")
    def index(self, request):
        if "author" in request.GET:
            return self.author_index(request, request.GET["author"])
        return self.render(
            request, context_overrides={"articles": self.page_of(request)}
        )

    def author_index(self, request, slug):
        """One clinician's articles (?author=<slug>); an unknown or
        unpublished clinician gets an empty list that says so, not a 404,
        since the address may come from an old link."""
        author = AboutMe.objects.filter(live=True, slug=slug[:80]).first()
        articles = self.articles().by(author) if author else ArticlePage.objects.none()
        return self.render(
            request,
            template="blog/author_page.html",
            context_overrides={
                "author": author,
                "meta_title": f"Articles by {author.name}" if author else "Authors",
                "meta_description": f"Articles by {author.name}." if author else "",
                "articles": SimpleLazyObject(lambda: paginate(request, articles)),
            },
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
                "articles": self.page_of(request, topic),
            },
        )

    @path("series/<slug:slug>/", name="series")
    def series(self, request, slug):
        series = Series.objects.filter(slug=slug).first()
        if series is None:
            raise Http404("There is no series at this address.")
        articles = series.articles(self.articles())
        if not articles:
            raise Http404("This series has no articles on this blog yet.")
        return self.render(
            request,
            template="blog/series_page.html",
            context_overrides={
                "series": series,
                "series_articles": articles,
                "meta_title": series.title,
                "meta_description": f"A series of {len(articles)} articles, "
                "to read in order.",
            },
        )

    @path("topics/<str:slug>/feed/", name="topic_feed")
    def topic_feed(self, request, slug):
        return ArticleFeed()(request, blog=self, topic=self.get_topic(slug))

    def page_of(self, request, topic=None):
        """The page of articles ?page= asks for, counted and fetched only if
        the template's cached fragment of the list is missing."""
        articles = self.articles()
        if topic is not None:
            articles = articles.filter(tags=topic)
        return SimpleLazyObject(lambda: paginate(request, articles))

    def get_topic(self, slug):
        """The topic with this slug among the blog's live, public articles,
        with their number, or a 404. Counting reads every article of the
        blog, so a topic found is kept in the cache until the next change; an
        unknown slug costs one indexed lookup and is never stored."""
        cache = content_cache()
        key = f"topic:{self.pk}:{slug}"
        found = cache.get(key)
        if found is None:
            topic = None
            if Tag.objects.filter(slug=slug).exists():
                topic = self.topics().filter(slug=slug).first()
            if topic is None:
                raise Http404("No articles have this topic.")
            found = {
                "pk": topic.pk,
                "name": topic.name,
                "slug": topic.slug,
                "article_count": topic.article_count,
            }
            cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
        topic = Tag(pk=found["pk"], name=found["name"], slug=found["slug"])
        topic.article_count = found["article_count"]
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


class ArticleAuthor(Orderable):
    """A clinician who wrote the article, in the byline's order."""

    article = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="authors"
    )
    clinician = models.ForeignKey(
        "base.AboutMe", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("clinician")]

    class Meta(Orderable.Meta):
        # No unique constraint: the editor's form refuses a name given twice
        # with a message (blog/forms.py), and a constraint would fail a save
        # that removes an author and adds them back in one go.
        verbose_name = "author"


def with_clinicians():
    return Prefetch("authors", ArticleAuthor.objects.select_related("clinician"))


class ArticlePageQuerySet(PageQuerySet):
    def listed(self):
        """What readers may see in a listing, newest first, topics and
        authors fetched in one query each rather than one per article."""
        return (
            self.live()
            .public()
            .order_by(*NEWEST_FIRST)
            .prefetch_related("tags", with_clinicians())
        )

    def by(self, clinician):
        return self.filter(authors__clinician=clinician)

    def in_order(self, pks):
        """Those of these articles (an editor's picks) this queryset holds,
        in the order given."""
        pks = list(pks)
        found = self.in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]


class ArticlePage(PageMeta, Page):
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
    # The warnings she read and accepted when this revision was published
    # (blog/forms.py); kept with the revision, so a scheduled publish carries
    # them, and written to the page's history when it goes live.
    acknowledged_warnings = models.JSONField(default=list, blank=True, editable=False)
    original_url = models.URLField(
        "original address",
        max_length=500,
        blank=True,
        help_text="Where this article was published before it was imported, "
        "set by the importer. Once the article is live, its old address "
        "redirects here; to change or remove that redirect, use Settings > "
        "Redirects.",
    )
    email_subscribers = models.BooleanField(
        "email it to subscribers",
        default=True,
        help_text="Send this article to subscribers when it is first published. "
        "Later edits are never emailed.",
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
        MultipleChooserPanel(
            "authors",
            chooser_field_name="clinician",
            heading="Authors",
            label="Author",
            help_text="Who wrote it, in the byline's order. Readers see the "
            "byline, and each author's bio at the end, once the practice has "
            "more than one clinician.",
        ),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldPanel("content_notes"), FieldPanel("content_note_text")],
            heading="Content note",
            help_text="Shown above the article, in a box of its own. Leave empty "
            "when the article needs none.",
        ),
        IdentifierWarningsPanel(body="body"),
        SafeMessagingPanel(),
        FieldPanel("acknowledge_warnings"),
        FieldPanel("body"),
        ReadabilityPanel(),
        FieldPanel("tags"),
        MultipleChooserPanel(
            "related_links",
            chooser_field_name="page",
            heading="Related articles",
            label="Related article",
            max_num=MAX_RELATED,
            help_text="Articles to suggest at the end, in this order.",
        ),
        MultiFieldPanel(
            [
                SubscribersPanel(switch="email_subscribers", topics="tags"),
                FieldPanel("email_subscribers"),
            ],
            heading="Email to subscribers",
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
    def topics(self):
        """Its topics by name, fetched once however many parts of its page show
        them (the header, the metadata, the related articles). Sorted here,
        so a listing's prefetched tags need no second query, and a restored
        database, which may hand the tags back in another order, renders the
        same page."""
        return sorted(self.tags.all(), key=lambda tag: tag.name)

    @cached_property
    def author_list(self):
        """Its published authors, in order: from a listing's prefetch, or
        the editor's form in a preview."""
        authors = [author.clinician for author in self.authors.all()]
        return [clinician for clinician in authors if clinician.live]

    def bios(self, chosen):
        """The bios its about-me part shows (base.blocks.AboutMeBlock) and
        its JSON-LD names: each author's, else the one chosen in the part
        itself."""
        return self.author_list or ([chosen] if chosen and chosen.live else [])

    @cached_property
    def summary_text(self):
        """The summary readers, feeds and search engines see: the editor's own,
        or the introduction's first sentences when she left it empty."""
        if self.summary:
            return self.summary
        intro = next((b.value for b in self.body if b.block_type == "intro"), None)
        return first_sentences(get_text_for_indexing(intro.source)) if intro else ""

    is_article = True

    def meta_description(self):
        return self.search_description or self.summary_text

    def sharing_image(self):
        return self.image

    def structured_data(self, meta):
        """A BlogPosting, by its authors, else the bio at its end, else the
        default one."""
        chosen = next(
            (b.value for b in self.body if b.block_type == "about_me" and b.value),
            None,
        )
        authors = [a for a in self.bios(chosen) or [AboutMe.get_default()] if a]
        return structured_data.blog_posting(
            self,
            meta["url"],
            authors,
            meta["home_url"],
            meta["image_url"],
            profile_urls(meta["request"], authors),
        )

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

    @property
    def names_crisis(self):
        """Its content note names suicide or self-harm: the crisis line goes
        inside the note, before the first word of the article."""
        return bool(CRISIS_NOTES & set(self.content_notes))

    def readability(self):
        return readability(self.body)

    def writing_warnings(self):
        """What the identifier and safe-messaging checks find in this text,
        as the editor's panels and the preview show it."""
        return writing_warnings(self.body, self.content_notes)

    def series_parts(self):
        """The series this article is part of, with the articles readers may
        see in reading order and this one's place, or None."""
        if self.pk is None:  # a new article's preview
            return None
        link = SeriesArticle.objects.filter(article=self).select_related("series")
        link = link.order_by("pk").first()
        if link is None:
            return None
        parts = link.series.articles(ArticlePage.objects.live().public())
        if self not in parts:  # not live yet, or a preview
            return None
        return {"series": link.series, "parts": parts, "number": parts.index(self) + 1}

    def contents(self):
        """The short contents list shown after the introduction of an article
        with three or more headings: each heading, the vignette by its
        title, and getting help, in the body's order. The anchors come from
        the block ids, so a link keeps working when the text changes."""
        if sum(block.block_type == "heading" for block in self.body) < 3:
            return []
        entries = []
        for block in self.body:
            if block.block_type == "heading":
                title = block.value
            elif block.block_type == "vignette":
                title = block.value.get("title") or "Clinical vignette"
            elif block.block_type == "getting_help":
                title = "Getting help"
            else:
                continue
            entries.append((title, block.block.anchor_for(block.id)))
        return entries

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

    def redirect_original_address(self):
        """Send readers of the old blog's address here (Settings > Redirects).
        Only for a live article: a draft's address would answer 404."""
        if not self.original_url:
            return
        old_path = Redirect.normalise_path(self.original_url)
        if old_path in ("", "/") or old_path == Redirect.normalise_path(self.url):
            return
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": self, "is_permanent": True},
        )

    def serve(self, request, *args, **kwargs):
        """The page, marked as a read of it unless it is a preview: the
        readership counts count only what readers see (base/reads.py)."""
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            return response
        return mark_read(response, self)

    def get_context(self, request, *args, **kwargs):
        """What to read next, looked up only if the fragment of the page that
        shows it is not in the cache already. A preview shows the related
        articles picked in the editor's form, not the saved ones."""
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        context["blog"] = SimpleLazyObject(lambda: self.get_parent().specific)
        context["related_articles"] = SimpleLazyObject(
            lambda: self.related_articles(in_memory=preview)
        )
        context["neighbours"] = SimpleLazyObject(self.neighbours)
        context["series"] = SimpleLazyObject(self.series_parts)
        return context

    def related_articles(self, in_memory=False):
        """Up to four live, public articles to read next (blog/related.py)."""
        return related.related_articles(self, in_memory)

    def neighbours(self):
        """The next older and next newer article in the same blog."""
        return related.neighbours(self)
