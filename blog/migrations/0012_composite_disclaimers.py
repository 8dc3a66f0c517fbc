"""Composite vignettes that still say the fictional wording ("based on no
one client") get the composite wording, as a draft change for the therapist
to publish: nothing changes on the live site behind her back."""

import json

from django.db import migrations
from django.utils import timezone

OLD = (
    "This vignette is fictional. It is based on no one client and contains no "
    "identifying information."
)
COMPOSITE = (
    "This vignette is a composite. Details from several people have been "
    "combined and changed, so that no one person is described."
)


def corrected(body):
    """The body with each such disclaimer replaced, or None if none was."""
    changed = False
    for block in body:
        value = block.get("value")
        if (
            block.get("type") == "vignette"
            and isinstance(value, dict)
            and value.get("kind") == "composite"
            and (value.get("disclaimer") or "").strip() == OLD
        ):
            value["disclaimer"] = COMPOSITE
            changed = True
    return body if changed else None


def draft_the_composite_wording(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ArticlePage = apps.get_model("blog", "ArticlePage")
    article_type = ContentType.objects.filter(app_label="blog", model="articlepage")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page")
    if not (article_type.exists() and page_type.exists()):
        return  # a new database: no articles yet
    pages = ArticlePage.objects.exclude(latest_revision=None)
    for page in pages.select_related("latest_revision"):
        content = dict(page.latest_revision.content)
        body = corrected(json.loads(content["body"]))
        if body is None:
            continue
        content["body"] = json.dumps(body)
        revision = Revision.objects.create(
            content_type=article_type.get(),
            base_content_type=page_type.get(),
            object_id=str(page.pk),
            object_str=page.latest_revision.object_str,
            content=content,
            created_at=timezone.now(),
        )
        ArticlePage.objects.filter(pk=page.pk).update(
            latest_revision=revision, has_unpublished_changes=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0011_series"),
    ]

    operations = [
        migrations.RunPython(draft_the_composite_wording, migrations.RunPython.noop)
    ]
