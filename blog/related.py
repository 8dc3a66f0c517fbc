"""What an article suggests reading next: related articles, then its neighbours.

Each is one query however big the blog, and only live, public articles.
The models are taken from the article itself, so blog/models.py can call
these without the two modules importing each other.
"""

from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

MAX_RELATED = 4
NEWEST_FIRST = ("-date", "-first_published_at", "-pk")


def related_articles(article, in_memory=False):
    """Up to four articles to read next.

    Hand-picked ones come first, in the editor's order; the rest are those
    sharing the most topics, newest first on a tie. Never this one and never
    twice. A preview (`in_memory`) shows the picks in the editor's form, not
    the saved ones.
    """
    topics = [tag.pk for tag in article.topics]
    if in_memory:
        picked = dict.fromkeys(link.page_id for link in article.related_links.all())
        picked_order = Case(
            *(When(pk=pk, then=Value(place)) for place, pk in enumerate(picked)),
            default=None,
            output_field=models.IntegerField(),
        )
    else:
        picks = article.related_links.model.objects.filter(article=article.pk)
        picked = picks.values("page")
        picked_order = Subquery(
            picks.filter(page=OuterRef("pk"))
            .order_by("sort_order")
            .values("sort_order")[:1]
        )
    # Only articles picked or sharing a topic are counted, through the
    # indexed tag rows, not every article of the blog.
    candidates, shared = Q(pk__in=picked), Value(0)
    if topics:
        tagged = article.tagged_items.model.objects
        candidates |= Q(pk__in=tagged.filter(tag__in=topics).values("content_object"))
        shared = Count("tagged_items", filter=Q(tagged_items__tag__in=topics))
    # Ordered only by what varies: PostgreSQL refuses a constant in ORDER BY.
    order = [*NEWEST_FIRST]
    if topics:
        order.insert(0, "-shared")
    if not in_memory or picked:
        order.insert(0, F("picked").asc(nulls_last=True))
    ranked = list(
        type(article)
        .objects.live()
        .public()
        .filter(candidates)
        .exclude(pk=article.pk)
        .annotate(picked=picked_order, shared=shared)
        .filter(Q(picked__isnull=False) | Q(shared__gt=0))
        .order_by(*order)
        .values_list("pk", flat=True)[:MAX_RELATED]
    )
    # Ranked by id alone, then fetched: grouping whole rows (bodies and all)
    # to count the topics they share cost ten times as much.
    found = type(article).objects.in_bulk(ranked)
    return [found[pk] for pk in ranked]


def neighbours(article):
    """The next older and next newer article in the same blog.

    A draft being previewed sits where it would if published now.
    """
    date = article.date or timezone.localdate()
    published = article.first_published_at or timezone.now()
    after = Q(date=date, first_published_at=published, pk__gt=article.pk or 0)
    after |= Q(date=date, first_published_at__gt=published)
    after |= Q(date__gt=date)
    articles = type(article).objects
    siblings = (
        articles.live().public().sibling_of(article, inclusive=False).values("pk")
    )
    # Bounded by date, so each walks the date index from this article.
    older = siblings.filter(date__lte=date).exclude(after).order_by(*NEWEST_FIRST)
    newer = siblings.filter(after, date__gte=date).order_by(
        "date", "first_published_at", "pk"
    )
    key = (date, published, article.pk or 0)
    older_page = newer_page = None
    nearest = Q(pk=Subquery(older[:1])) | Q(pk=Subquery(newer[:1]))
    for page in articles.filter(nearest):
        if (page.date, page.first_published_at, page.pk) < key:
            older_page = page
        else:
            newer_page = page
    return older_page, newer_page
