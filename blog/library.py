"""The vignette library: every clinical story of the site's live articles,
catalogued from the articles (`catalogue`) and listed at /vignettes/. It
lives with the blog, whose articles it lists; the vignette block and its
rules stay in vignettes/, below."""

from django.db import models, transaction
from django.db.models import Count, Prefetch
from django.utils.functional import SimpleLazyObject
from taggit.models import Tag
from wagtail.models import Page

from base.models import IndexPage, PlacedByParents, sitemap_entry
from base.pagination import paginate
from base.text import join_words
from vignettes.blocks import KIND_CHOICES, KIND_LABELS, VignetteBlock, kind_label


class VignetteQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(
            "-article__date", "-article__first_published_at", "-article__pk", "position"
        )


class Vignette(models.Model):
    """A vignette of a live, public article, as the library lists it.

    Rebuilt from the article whenever it is published, unpublished, moved,
    made private or deleted, so the library never shows what readers can't.
    """

    article = models.ForeignKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="vignettes"
    )
    block_id = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(
        help_text="Order among the article's vignettes."
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    title = models.CharField(max_length=200)
    pseudonyms = models.JSONField(default=list, blank=True)
    topics = models.ManyToManyField(Tag, related_name="vignettes", blank=True)

    objects = VignetteQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "block_id"], name="unique_vignette_block"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        return kind_label(self.kind)

    @property
    def people(self):
        return join_words(self.pseudonyms)

    @property
    def anchor(self):
        """The id the article template gives this vignette's section."""
        return VignetteBlock.anchor_for(self.block_id)


def catalogue(*articles):
    """Make the library's entries for `articles` match what readers see of them.

    Called (blog/signals.py) whenever an article is published,
    unpublished, moved or made private. A fixed number of queries however
    many articles: a move or a privacy change can touch every article of the
    blog at once. Each article's tags
    must be loaded already (a published revision's are; prefetch otherwise).
    """
    pks = [article.pk for article in articles]
    with transaction.atomic():
        Vignette.objects.filter(article_id__in=pks).delete()
        readable = set(
            Page.objects.live().public().filter(pk__in=pks).values_list("pk", flat=True)
        )
        entries = [
            (
                Vignette(
                    article_id=article.pk,
                    block_id=block.id,
                    position=position,
                    kind=block.value.get("kind") or "",
                    title=block.value.get("title") or "",
                    pseudonyms=[
                        name for name in block.value.get("people") or [] if name
                    ],
                ),
                article.tags.all(),
            )
            for article in articles
            if article.pk in readable
            for position, block in enumerate(
                block for block in article.body if block.block_type == "vignette"
            )
        ]
        Vignette.objects.bulk_create(entry for entry, _topics in entries)
        Topic = Vignette.topics.through
        Topic.objects.bulk_create(
            Topic(vignette_id=entry.pk, tag_id=tag.pk)
            for entry, topics in entries
            for tag in topics
        )


class VignetteIndexPage(PlacedByParents, IndexPage):
    """The vignette library: every clinical story on the site, newest first."""

    subpage_types = []
    max_count = 1
    template = "vignettes/vignette_index_page.html"

    class Meta:
        verbose_name = "vignette library"

    def get_sitemap_urls(self, request=None):
        articles = Page.objects.filter(pk__in=Vignette.objects.values("article"))
        return [sitemap_entry(self, request, articles)]

    def get_context(self, request, *args, **kwargs):
        """The library as ?topic= and ?kind= filter it, looked up only if the
        template's cached fragment of it is missing."""
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        context.update(
            library=SimpleLazyObject(lambda: self.listing(request)),
            kinds=KIND_CHOICES,
            selected_kind=kind,
            is_filtered=bool(request.GET.get("topic") or kind),
        )
        return context

    def listing(self, request):
        topics = list(
            Tag.objects.filter(vignettes__isnull=False)
            .annotate(vignette_count=Count("vignettes"))
            .order_by("name")
        )
        # Topics by name, as in the filter: the relation itself keeps no
        # order, and a restore would give back another.
        vignettes = Vignette.objects.select_related("article").prefetch_related(
            Prefetch("topics", queryset=Tag.objects.order_by("name"))
        )
        topic_slug = request.GET.get("topic", "")
        kind = request.GET.get("kind", "")
        # Raw values never reach the database: they are matched in Python
        # first, so junk (even a NUL byte) can only ever give the message.
        topic = next((tag for tag in topics if tag.slug == topic_slug), None)
        problem = None
        if topic_slug:
            vignettes = vignettes.filter(topics=topic) if topic else vignettes.none()
            if topic is None:
                problem = "No vignette has that topic. Choose one from the list."
        if kind:
            valid = kind in KIND_LABELS
            vignettes = vignettes.filter(kind=kind) if valid else vignettes.none()
            if not valid:
                problem = "Vignettes are either fictional or composite. Choose one."
        return {
            "vignettes": paginate(
                request, vignettes.defer("article__body").newest_first()
            ),
            "topics": topics,
            "selected_topic": topic,
            "filter_problem": problem,
        }
