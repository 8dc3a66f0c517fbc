from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from importing import urls
from importing.views import PERMISSION


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("import/", include(urls, namespace="importing"))]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Import",
        reverse("importing:index"),
        name="import",
        icon_name="download",
        order=900,
    )
