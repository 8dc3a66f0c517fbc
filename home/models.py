from django.utils.functional import SimpleLazyObject

from base.models import AboutMe, IndexPage, sitemap_entry
from blog.models import ArticlePage, BlogIndexPage


class HomePage(IndexPage):
    """The site root: the practice's welcome and the way into the blog."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.BlogIndexPage", "vignettes.VignetteIndexPage"]
    max_count = 1

    def get_sitemap_urls(self, request=None):
        articles = ArticlePage.objects.live().public().descendant_of(self)
        return [sitemap_entry(self, request, articles)]

    def get_context(self, request, *args, **kwargs):
        """The blog and the bio, looked up only if a fragment of the page that
        shows them is not in the cache already."""
        context = super().get_context(request, *args, **kwargs)
        context["blog"] = SimpleLazyObject(
            lambda: BlogIndexPage.objects.child_of(self).live().public().first()
        )
        context["about_me"] = SimpleLazyObject(AboutMe.get_default)
        return context
