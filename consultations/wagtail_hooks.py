"""Consultation requests in the admin: a list, each request opened on its own
page (the opening logged), marked answered, or deleted; never added."""

from django.conf import settings
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from base.permissions import ReaderDataPolicy
from consultations.models import ASSIGN, ConsultationRequest
from consultations.views import (
    VIEWED,
    RequestDeleteView,
    RequestEditView,
    RequestIndexView,
    RequestInspectView,
)

# Readers add requests; the admin reads them, marks them answered, deletes them.
register_permission_policy(
    ConsultationRequest,
    ReaderDataPolicy(ConsultationRequest, allowed=("view", "change", "delete")),
)


class ConsultationRequestViewSet(ModelViewSet):
    model = ConsultationRequest
    name = "consultation_requests"
    icon = "mail"
    menu_label = "Consultation requests"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "name",
        "addressed_to",
        "appointment",
        "answered",
        "notification",
    ]
    list_filter = ["answered", "clinician"]
    # Passing a "Help me choose" request on is for those who see them all.
    panels = [
        FieldPanel("clinician", permission=ASSIGN),
        FieldPanel("answered"),
    ]
    index_view_class = RequestIndexView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    inspect_view_enabled = True
    inspect_view_class = RequestInspectView
    inspect_view_fields = [
        "received",
        "name",
        "email",
        "phone",
        "contact_times",
        "appointment",
        "addressed_to",
        "notes",
        "answered_text",
        "notification",
    ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return ConsultationRequestViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(VIEWED, "Read", "Read")


class NotNotifiedPanel(Component):
    """On the dashboard: requests nobody was emailed about, however many
    times the worker tried (consultations/tasks.py)."""

    name = "consultations_not_notified"
    order = 10
    template_name = "consultations/panels/not_notified.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "attempts": settings.EMAIL_MAX_ATTEMPTS,
            "url": reverse("consultation_requests:index"),
        }


@hooks.register("construct_homepage_panels")
def not_notified_panel(request, panels):
    if request.user.has_perm("consultations.view_consultationrequest"):
        count = (
            ConsultationRequest.objects.visible_to(request.user).not_notified().count()
        )
        if count:
            panels.append(NotNotifiedPanel(count))
