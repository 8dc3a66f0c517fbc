from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap

PAGES_PER_SITEMAP = 1000


class PageSitemap(Sitemap):
    """Wagtail's sitemap of live pages, split into sitemaps of 1,000 pages
    each under a sitemap index, so no one request grows with the blog."""

    limit = PAGES_PER_SITEMAP

    def get_latest_lastmod(self):
        """The newest change among the pages, for the index: one query, where
        Django's default loads every page to ask each."""
        return self.items().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]


SITEMAPS = {"pages": PageSitemap}
