"""The Readership report in the admin's Reports menu, and the dashboard's
panel of the most read articles."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from readership.report import ReadershipView, most_read


@hooks.register("register_admin_urls")
def register_readership_url():
    return [path("reports/readership/", ReadershipView.as_view(), name="readership")]


@hooks.register("register_reports_menu_item")
def register_readership_menu_item():
    return MenuItem(
        "Readership",
        reverse("readership"),
        name="readership",
        icon_name="view",
        order=200,
    )


class MostReadPanel(Component):
    name = "most_read"
    order = 150
    template_name = "readership/panels/most_read.html"

    def get_context_data(self, parent_context=None):
        return {"articles": most_read(), "url": reverse("readership")}


@hooks.register("construct_homepage_panels")
def most_read_panel(request, panels):
    panels.append(MostReadPanel())
