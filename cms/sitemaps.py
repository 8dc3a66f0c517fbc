from wagtail.contrib.sitemaps import Sitemap

PAGES_PER_SITEMAP = 1000


class PageSitemap(Sitemap):
    """Wagtail's sitemap of live pages, split into sitemaps of 1,000 pages
    each under a sitemap index, so no one request grows with the blog."""

    limit = PAGES_PER_SITEMAP


SITEMAPS = {"pages": PageSitemap}
