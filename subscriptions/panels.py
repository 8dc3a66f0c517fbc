from taggit.models import Tag
from taggit.utils import parse_tags
from wagtail.admin.panels import Panel

from subscriptions.models import Mailing, Subscriber


class SubscribersPanel(Panel):
    """Beside the article's `email_subscribers` switch: how many subscribers
    it will go to when first published (from the topics in the form), or,
    once published, how its email went."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "subscriptions/panels/subscribers.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            self.mailing = (
                Mailing.objects.filter(page_id=page.pk).first() if page.pk else None
            )
            self.published = bool(page.pk and page.first_published_at)
            self.switched_on = bool(self.form["email_subscribers"].value())
            self.count = None
            if self.mailing is not None:
                self.counts = self.mailing.counts()
            elif not self.published:
                self.count = Subscriber.objects.for_topics(self.topic_ids()).count()

        def topic_ids(self):
            """The topics in the form as it stands, saved or not."""
            value = self.form["tags"].value()
            if isinstance(value, str):  # as posted
                names = parse_tags(value)
            else:  # as saved
                names = [getattr(tag, "name", tag) for tag in value or []]
            return list(Tag.objects.filter(name__in=names).values_list("pk", flat=True))
