from wagtail.admin.panels import Panel

from blog.readability import readability
from blog.safe_messaging import article_text, safe_messaging_warnings


class SafeMessagingPanel(Panel):
    """Above the article body, beside the identifier warnings: the
    safe-messaging advice for an article that mentions suicide or
    self-harm. It never blocks saving or publishing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "blog/panels/safe_messaging.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # The posted form when it comes back with errors, else the
            # article being edited.
            self.warnings = safe_messaging_warnings(
                article_text(self.form["body"].value()),
                self.form["content_notes"].value(),
            )

        def is_shown(self):
            return bool(self.warnings)


class ReadabilityPanel(Panel):
    """Under the body: its reading grade against the 8th-grade target, the
    longest sentences and the parts above it, from the body as saved (or as
    posted, when the form comes back with errors). The preview shows the
    same for the text being typed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "blog/panels/readability.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.readability = readability(self.form["body"].value())

        def is_shown(self):
            return self.readability["grade"] is not None
