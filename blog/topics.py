"""Topics: the tags of articles, never those of images or documents."""

from django.db.models import Count
from taggit.models import Tag


def topics_of(articles):
    """The topics of these articles, by name, with how many each has.

    Scoped through the article tags, so image or document tags never show.
    """
    return (
        Tag.objects.filter(blog_articlepagetag_items__content_object__in=articles)
        .annotate(article_count=Count("blog_articlepagetag_items"))
        .order_by("name")
    )
