"""The therapist's view of subscribers: how many, in all and by topic, the
list with a CSV export, deleting one on request, and how each article's
email went. Subscribers are added and changed only by themselves."""

from django.db.models import Count, Q
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from base.permissions import ReaderDataPolicy
from subscriptions.models import Delivery, Mailing, Subscriber

# Subscribers add and change themselves; the admin reads and deletes them.
# An article's email is a record of what was sent: it is only read.
register_permission_policy(Subscriber, ReaderDataPolicy(Subscriber))
register_permission_policy(Mailing, ReaderDataPolicy(Mailing, allowed=("view",)))

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_cell(value):
    """A spreadsheet opening the CSV must not run an address that starts
    like a formula (an address may start with "=")."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


class SubscriberIndexView(IndexView):
    custom_field_preprocess = {"address": {"csv": plain_cell}}

    def search_queryset(self, queryset):
        """Addresses are sealed: the search finds one typed in full, by its
        keyed hash, never by reading every row."""
        if not self.is_searching:
            return queryset
        return queryset.with_address(self.search_query)

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("topics", "clinicians")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        confirmed = Subscriber.objects.confirmed()
        context["summary"] = {
            "confirmed": confirmed.count(),
            "waiting": Subscriber.objects.filter(confirmed_at__isnull=True).count(),
            "all_articles": confirmed.filter(all_articles=True).count(),
            "topics": Tag.objects.annotate(
                count=Count(
                    "subscribers",
                    filter=Q(subscribers__confirmed_at__isnull=False),
                )
            )
            .filter(count__gt=0)
            .order_by("name"),
        }
        return context


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = "Subscribers"
    index_view_class = SubscriberIndexView
    index_template_name = "subscriptions/admin/subscriber_index.html"
    list_display = ["address", "topic_names", "confirmed_at", "created_at"]
    list_export = ["address", "topic_names", "confirmed_at", "created_at"]
    export_headings = {"address": "Email", "topic_names": "Topics"}
    export_filename = "subscribers"
    # Shows the search box; SubscriberIndexView searches by keyed hash.
    search_fields = ["fingerprint"]
    form_fields = ["all_articles", "topics"]
    inspect_view_enabled = True
    inspect_view_fields = ["address", "topic_names", "created_at", "confirmed_at"]


class MailingIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                sent=Count("deliveries", filter=Q(deliveries__status=Delivery.SENT)),
                failed=Count(
                    "deliveries", filter=Q(deliveries__status=Delivery.FAILED)
                ),
            )
        )


class MailingViewSet(ModelViewSet):
    model = Mailing
    index_view_class = MailingIndexView
    icon = "doc-full"
    menu_label = "Article emails"
    list_display = [
        "title",
        "status",
        Column("sent", label="Sent to"),
        Column("failed", label="Failed for"),
        "created_at",
    ]
    form_fields = ["title"]
    inspect_view_enabled = True
    inspect_template_name = "subscriptions/admin/mailing_inspect.html"
    inspect_view_fields = ["title", "url", "status", "created_at", "finished_at"]


class SubscribersGroup(ViewSetGroup):
    items = (SubscriberViewSet("subscribers"), MailingViewSet("article_emails"))
    menu_label = "Subscribers"
    menu_icon = "mail"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SubscribersGroup()
