from wagtail.admin.panels import Panel

from vignettes.identifiers import identifier_warnings


class IdentifierWarningsPanel(Panel):
    """Warns, above a page's body (the stream field named `body`), about
    anything in its vignettes that looks identifying. It never blocks saving
    or publishing."""

    def __init__(self, body, **kwargs):
        super().__init__(**kwargs)
        self.body = body

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "body": self.body}

    class BoundPanel(Panel.BoundPanel):
        template_name = "vignettes/panels/identifier_warnings.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # The posted body when the form comes back with errors, else the
            # body being edited.
            self.warnings = identifier_warnings(self.form[self.panel.body].value())

        def is_shown(self):
            return bool(self.warnings)
