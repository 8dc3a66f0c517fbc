"""Series: articles meant to be read in order ("Part 1", "Part 2"), kept as a
snippet the therapist orders, and found in imported titles."""

import re

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

# "Grief, Part 1", "Grief (part two)", "Grief: Part 2 of 3", "Grief - Pt. 3"
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
PART = re.compile(
    r"^(?P<base>.+?)[\s,:;(\-–—]*\b(?:part|pt\.?)\s+"
    r"(?P<number>\d+|one|two|three|four|five|six)\b(?:\s+of\s+\w+)?\)?\s*$",
    re.IGNORECASE,
)


def part_of(title):
    """(base title, part number) for a title that names its part, else None."""
    match = PART.match(title.strip())
    if match is None:
        return None
    number = match["number"].lower()
    number = int(number) if number.isdigit() else NUMBERS[number]
    return match["base"].strip(" ,:;-–—"), number


class Series(ClusterableModel):
    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        blank=True,
        help_text="Its address on the blog: /blog/series/<slug>/. Made from the "
        "title when left empty.",
    )
    description = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Optional. A sentence or two on what the series is about.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultipleChooserPanel(
            "series_articles",
            chooser_field_name="article",
            heading="Articles",
            label="Article",
            help_text="In reading order: the first is Part 1.",
        ),
    ]

    class Meta:
        verbose_name_plural = "series"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(slugify(self.title) or "series")
        super().save(*args, **kwargs)

    def free_slug(self, base):
        taken = set(
            Series.objects.exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def articles(self, visible):
        """Its articles among `visible` (articles readers may see), in
        reading order."""
        return visible.in_order(
            self.series_articles.values_list("article_id", flat=True)
        )


class SeriesArticle(Orderable):
    series = ParentalKey(
        Series, on_delete=models.CASCADE, related_name="series_articles"
    )
    article = models.ForeignKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="series_links"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "article in a series"
        constraints = [
            models.UniqueConstraint(
                fields=["series", "article"], name="unique_series_article"
            )
        ]
