"""The "Links to unpublished pages" report, read from Wagtail's reference index.

Readers never see these links (they render as plain text), but the therapist
should know which "see my article" pointers have gone quiet so she can
republish the target or reword the sentence.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.blocks import StreamValue, StructValue
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import extract_attrs

from blog.models import ArticlePage

LINK = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def links_to_unpublished_pages():
    """Reference index rows from a live article to a page that is not live,
    ordered by the article's title."""
    page_type = ContentType.objects.get_for_model(Page)
    as_key = Cast("pk", CharField())
    return (
        ReferenceIndex.objects.filter(
            base_content_type=page_type,
            to_content_type=page_type,
            object_id__in=ArticlePage.objects.live().values(key=as_key),
        )
        .exclude(to_object_id__in=Page.objects.live().values(key=as_key))
        .annotate(
            article_title=Subquery(
                Page.objects.filter(
                    pk=Cast(OuterRef("object_id"), IntegerField())
                ).values("title")
            )
        )
        .order_by("article_title", "object_id", "content_path")
    )


def link_text(article, content_path, target_id):
    """The words of the links to `target_id` in the block at `content_path`
    (such as "body.<block id>.body.<child id>"), or None if it is not text."""
    value = article
    for part in content_path.split("."):
        if isinstance(value, StreamValue):
            value = next((child.value for child in value if child.id == part), None)
        elif isinstance(value, StructValue):
            value = value.get(part)
        else:
            value = getattr(value, part, None)
    if not isinstance(value, RichText):
        return None
    wanted = {"linktype": "page", "id": target_id}
    texts = [
        TAG.sub("", text).strip()
        for attrs, text in LINK.findall(value.source)
        if wanted.items() <= extract_attrs(attrs).items()
    ]
    return "; ".join(texts) or None


def edit_page_column(name, label, page_id):
    """A column of page titles, each linking to that page's editor."""
    return TitleColumn(
        name,
        label=label,
        get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[page_id(row)]),
    )


class LinksToUnpublishedPagesView(ReportView):
    page_title = "Links to unpublished pages"
    header_icon = "warning"
    index_url_name = "links_to_unpublished_pages"
    index_results_url_name = "links_to_unpublished_pages_results"
    verbose_name_plural = "links to unpublished pages"
    columns = [
        edit_page_column("article_title", "Article", lambda row: row.object_id),
        Column("link_text", label="Link text"),
        edit_page_column("target_title", "Links to", lambda row: row.to_object_id),
        Column("target_status", label="Status of the linked page"),
    ]

    def get_queryset(self):
        return links_to_unpublished_pages()

    def get_table(self, object_list):
        """Fill in each row's link text and target in two queries, not two a row."""
        rows = list(object_list)
        articles = ArticlePage.objects.in_bulk({int(row.object_id) for row in rows})
        targets = Page.objects.in_bulk({int(row.to_object_id) for row in rows})
        for row in rows:
            article = articles[int(row.object_id)]
            target = targets.get(int(row.to_object_id))
            row.link_text = (
                link_text(article, row.content_path, row.to_object_id)
                or row.describe_source_field()
            )
            row.target_title = target.get_admin_display_title() if target else ""
            row.target_status = target.status_string.capitalize() if target else ""
        return super().get_table(rows)
