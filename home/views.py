from django.http import HttpResponseServerError
from django.template.loader import render_to_string

from home.models import CRISIS_NOTICE, NOT_THERAPY_NOTICE


def server_error(request):
    """Django's 500 page, with the default crisis notice passed in: the
    database the notice lives in may be what failed."""
    return HttpResponseServerError(
        render_to_string(
            "500.html",
            {"crisis_notice": CRISIS_NOTICE, "not_therapy_notice": NOT_THERAPY_NOTICE},
        )
    )
