from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from base.models import AboutMe


class AboutMeViewSet(SnippetViewSet):
    model = AboutMe
    icon = "user"
    menu_label = "Clinicians"
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "name",
        "credentials",
        "accepting_new_clients",
        "location",
        UpdatedAtColumn(),
    ]
    ordering = ["pk"]


register_snippet(AboutMeViewSet)
