"""Consultation requests in the admin: a list, each request opened on its own
page (the opening logged), marked answered, or deleted; never added."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from base.permissions import ReaderDataPolicy
from consultations.models import ConsultationRequest
from consultations.views import VIEWED, RequestInspectView

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
    list_display = ["__str__", "name", "appointment", "answered"]
    list_filter = ["answered"]
    form_fields = ["answered"]
    inspect_view_enabled = True
    inspect_view_class = RequestInspectView
    inspect_view_fields = [
        "created_at",
        "name",
        "email",
        "phone",
        "contact_times",
        "appointment",
        "notes",
        "answered",
    ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return ConsultationRequestViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(VIEWED, "Read", "Read")
