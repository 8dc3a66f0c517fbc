"""The admin's view of one request: reading it is written to the audit log."""

from wagtail.admin.views.generic.models import InspectView
from wagtail.log_actions import log

VIEWED = "consultations.view_request"


class RequestInspectView(InspectView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(instance=self.object, action=VIEWED, user=request.user)
        return response
