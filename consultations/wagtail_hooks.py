"""Consultation requests in the admin: a list, each request opened on its own
page (the opening logged), marked answered, or deleted; never added."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from consultations.models import ConsultationRequest
from consultations.views import VIEWED, RequestInspectView


class ReadOnlyRequests(ModelPermissionPolicy):
    """Requests come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action != "add"]
        )


register_permission_policy(ConsultationRequest, ReadOnlyRequests(ConsultationRequest))


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
