from wagtail.admin.panels import PageChooserPanel
from wagtail.models import get_page_models


def page_types_for(role):
    """The page types that say they can be the site's `role` page."""
    return [
        model for model in get_page_models() if role in getattr(model, "site_pages", ())
    ]


class SitePagePanel(PageChooserPanel):
    """A page chooser limited to the types that can fill `role`. They are
    looked up when the form is built, since they live in the apps above."""

    def __init__(self, field_name, role, **kwargs):
        super().__init__(field_name, **kwargs)
        self.role = role

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "role": self.role}

    def get_form_options(self):
        self.page_type = page_types_for(self.role)
        return super().get_form_options()
