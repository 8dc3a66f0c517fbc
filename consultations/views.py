"""The admin's views of requests: each user sees only those they may read
(ConsultationRequestQuerySet.visible_to), in the list and by address alike;
reading one is written to the audit log."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views.generic.models import (
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.log_actions import log

from consultations.models import ConsultationRequest

VIEWED = "consultations.view_request"


def visible(request):
    return ConsultationRequest.objects.visible_to(request.user)


class RequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset() & visible(self.request)


class RequestEditView(EditView):
    def get_queryset(self):
        return visible(self.request)


class RequestDeleteView(DeleteView):
    def get_queryset(self):
        return visible(self.request)


class RequestInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(visible(self.request), pk=unquote(str(self.pk)))

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(instance=self.object, action=VIEWED, user=request.user)
        return response
