from taggit.models import Tag
from taggit.utils import parse_tags
from wagtail.admin.panels import Panel

from subscriptions.models import Mailing, Subscriber


class SubscribersPanel(Panel):
    """Beside a page's emailing switch: how many subscribers it will go to
    when first published (from the topics in the form), or, once published,
    how its email went. The page names its two fields, `switch` and
    `topics`, so this panel knows nothing of the page type it serves."""

    def __init__(self, switch, topics, **kwargs):
        super().__init__(**kwargs)
        self.switch = switch
        self.topics = topics

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "switch": self.switch, "topics": self.topics}

    class BoundPanel(Panel.BoundPanel):
        template_name = "subscriptions/panels/subscribers.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            self.mailing = (
                Mailing.objects.filter(page_id=page.pk).first() if page.pk else None
            )
            self.published = bool(page.pk and page.first_published_at)
            self.switched_on = bool(self.form[self.panel.switch].value())
            self.count = None
            if self.mailing is not None:
                self.counts = self.mailing.counts()
            elif not self.published:
                self.count = Subscriber.objects.for_topics(self.topic_ids()).count()

        def topic_ids(self):
            """The topics in the form as it stands, saved or not."""
            value = self.form[self.panel.topics].value()
            if isinstance(value, str):  # as posted
                names = parse_tags(value)
            else:  # as saved
                names = [getattr(tag, "name", tag) for tag in value or []]
            return list(Tag.objects.filter(name__in=names).values_list("pk", flat=True))
