"""The Readership report: reads per article and per topic over the last 7,
30 and 365 days, and a chart of the last 30 days drawn as plain SVG."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from blog.models import ArticlePage
from readership.models import DailyReads

PERIODS = (7, 30, 365)
CHART_DAYS = 30
# The chart's drawing box, in SVG units.
CHART_WIDTH, CHART_HEIGHT = 600, 120


def by_period(rows, field):
    """Reads summed per `field`, for each period, most read in 30 days first."""
    today = timezone.localdate()
    sums = {
        f"last_{days}": Coalesce(
            Sum("reads", filter=Q(day__gt=today - timedelta(days=days))), 0
        )
        for days in PERIODS
    }
    return (
        rows.since(max(PERIODS))
        .values(field)
        .annotate(**sums)
        .order_by("-last_30", "-last_365", field)
    )


def article_rows():
    rows = list(by_period(DailyReads.objects.all(), "article"))
    titles = dict(
        ArticlePage.objects.filter(pk__in=[row["article"] for row in rows]).values_list(
            "pk", "title"
        )
    )
    for row in rows:
        row["title"] = titles.get(row["article"], "")
    return rows


def topic_rows():
    """An article with two topics counts in both; one without is in none."""
    topic = "article__tagged_items__tag__name"
    return [row for row in by_period(DailyReads.objects.all(), topic) if row[topic]]


def chart(days=CHART_DAYS):
    """The site's reads each day of the last `days` days, as bars."""
    today = timezone.localdate()
    totals = dict(
        DailyReads.objects.since(days)
        .values("day")
        .annotate(total=Sum("reads"))
        .values_list("day", "total")
    )
    dates = [today - timedelta(days=back) for back in reversed(range(days))]
    highest = max(totals.values(), default=0) or 1
    step = CHART_WIDTH / days
    bars = []
    for index, day in enumerate(dates):
        reads = totals.get(day, 0)
        height = round(CHART_HEIGHT * reads / highest, 1)
        bars.append(
            {
                "day": day,
                "reads": reads,
                "x": round(index * step + 1, 1),
                "y": round(CHART_HEIGHT - height, 1),
                "width": round(step - 2, 1),
                "height": height,
            }
        )
    return {
        "bars": bars,
        "total": sum(totals.values()),
        "highest": max(totals.values(), default=0),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
    }


class ReadershipView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "readership/report.html"
    page_title = "Readership"
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Readership"}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            counting=settings.READERSHIP_COUNTS,
            fold_minutes=max(1, settings.READERSHIP_FOLD_SECONDS // 60),
            articles=article_rows(),
            topics=topic_rows(),
            chart=chart(),
        )


def most_read(days=30, limit=5):
    """The articles read most in the last `days` days: (title, reads, url)."""
    rows = (
        DailyReads.objects.since(days)
        .values("article")
        .annotate(total=Sum("reads"))
        .order_by("-total", "article")[:limit]
    )
    totals = {row["article"]: row["total"] for row in rows}
    pages = ArticlePage.objects.filter(pk__in=totals).only("title")
    return sorted(
        ((page, totals[page.pk]) for page in pages), key=lambda pair: -pair[1]
    )
