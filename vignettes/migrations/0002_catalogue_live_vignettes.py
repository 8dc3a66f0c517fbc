"""Catalogue the vignettes of articles that were live before the library
existed; from now on publishing keeps the catalogue current."""

from django.db import migrations


def catalogue_live_vignettes(apps, schema_editor):
    ArticlePage = apps.get_model("blog", "ArticlePage")
    ArticlePageTag = apps.get_model("blog", "ArticlePageTag")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    Vignette = apps.get_model("vignettes", "Vignette")
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    for article in ArticlePage.objects.filter(live=True):
        if any(article.path.startswith(path) for path in restricted):
            continue
        tag_ids = list(
            ArticlePageTag.objects.filter(content_object_id=article.pk).values_list(
                "tag_id", flat=True
            )
        )
        blocks = [block for block in article.body.raw_data if block["type"] == "vignette"]
        for position, block in enumerate(blocks):
            value = block["value"]
            entry = Vignette.objects.create(
                article=article,
                block_id=block["id"],
                position=position,
                kind=value.get("kind") or "",
                title=value.get("title") or "",
                pseudonyms=[
                    name
                    for name in (
                        item["value"] if isinstance(item, dict) else item
                        for item in value.get("people") or []
                    )
                    if name
                ],
            )
            entry.topics.set(tag_ids)


class Migration(migrations.Migration):
    dependencies = [
        ("vignettes", "0001_initial"),
        ("blog", "0003_content_notes_and_deidentified"),
    ]

    operations = [
        migrations.RunPython(catalogue_live_vignettes, migrations.RunPython.noop)
    ]
