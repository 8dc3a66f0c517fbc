# The vignette library (its page and its catalogue) moves from vignettes/,
# below the blog, to the blog whose articles it lists. A database made before
# the move has its tables under vignettes: they are renamed and their content
# types relabelled, so the library page, its revisions and permissions stay
# as they were. A newer database gets them created, and catalogued from the
# live articles, as vignettes/migrations/0002 did.

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from base.table_moves import take_over

MOVED = ["vignetteindexpage", "vignette"]


def catalogue_live_vignettes(apps):
    ArticlePage = apps.get_model("blog", "ArticlePage")
    ArticlePageTag = apps.get_model("blog", "ArticlePageTag")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    Vignette = apps.get_model("blog", "Vignette")
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


def take_over_from_vignettes(apps, schema_editor):
    if not take_over(apps, schema_editor, "blog", MOVED, old_label="vignettes"):
        catalogue_live_vignettes(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0013_acknowledged_warnings'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='VignetteIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, help_text='Optional words shown at the top of this page, above its list.')),
            ],
            options={
                'verbose_name': 'vignette library',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='Vignette',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('block_id', models.CharField(max_length=64)),
                ('position', models.PositiveSmallIntegerField(help_text="Order among the article's vignettes.")),
                ('kind', models.CharField(choices=[('fictional', 'Fictional'), ('composite', 'Composite')], max_length=20)),
                ('title', models.CharField(max_length=200)),
                ('pseudonyms', models.JSONField(blank=True, default=list)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vignettes', to='blog.articlepage')),
                ('topics', models.ManyToManyField(blank=True, related_name='vignettes', to='taggit.tag')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('article', 'block_id'), name='unique_vignette_block')],
            },
        ),
            ],
        ),
        migrations.RunPython(take_over_from_vignettes, migrations.RunPython.noop),
    ]
