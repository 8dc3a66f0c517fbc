from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from base.views import good_faith_estimate
from blog.views import search
from cms.sitemaps import SITEMAPS
from cms.views import robots_txt

# The about-me and the settings moved from home/ to base/, and their admin
# pages with them: an editor's bookmark of the old address still arrives.
MOVED_ADMIN_PAGES = (
    r"^admin/(?P<kind>snippets|settings)/home/"
    r"(?P<rest>(?:aboutme|gettinghelpsettings|readernoticesettings|sharingsettings)"
    r"(?:/.*)?)$"
)

urlpatterns = [
    re_path(
        MOVED_ADMIN_PAGES,
        RedirectView.as_view(url="/admin/%(kind)s/base/%(rest)s", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search, name="search"),
    path("good-faith-estimate/", good_faith_estimate, name="good_faith_estimate"),
    path("subscriptions/", include("subscriptions.urls")),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "cms.views.server_error"
