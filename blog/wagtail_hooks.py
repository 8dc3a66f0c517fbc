from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from blog.reports import LinksToUnpublishedPagesView
from blog.rich_text import LivePageLinkHandler


@hooks.register("register_rich_text_features", order=1)
def register_live_page_links(features):
    """After Wagtail's own registration, which it replaces."""
    features.register_link_type(LivePageLinkHandler)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/links-to-unpublished-pages/",
            LinksToUnpublishedPagesView.as_view(),
            name="links_to_unpublished_pages",
        ),
        path(
            "reports/links-to-unpublished-pages/results/",
            LinksToUnpublishedPagesView.as_view(results_only=True),
            name="links_to_unpublished_pages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        "Links to unpublished pages",
        reverse("links_to_unpublished_pages"),
        name="links-to-unpublished-pages",
        icon_name="warning",
        order=100,
    )
