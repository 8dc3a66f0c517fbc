"""Reads per article per day: the only thing kept about readers."""

from django.db import models
from django.db.models import Sum
from django.utils import timezone


class DailyReadsQuerySet(models.QuerySet):
    def since(self, days):
        """The last `days` days, today included."""
        first = timezone.localdate() - timezone.timedelta(days=days - 1)
        return self.filter(day__gte=first)

    def total(self):
        return self.aggregate(total=Sum("reads"))["total"] or 0


class DailyReads(models.Model):
    """One article's reads on one day (the site's time zone). No address,
    cookie, user agent, referrer or query string is ever kept."""

    article = models.ForeignKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    reads = models.PositiveIntegerField(default=0)

    objects = DailyReadsQuerySet.as_manager()

    class Meta:
        verbose_name = "daily reads"
        verbose_name_plural = "daily reads"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="readership_one_row_a_day"
            )
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.article_id} on {self.day}: {self.reads}"
