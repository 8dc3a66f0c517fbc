from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

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


def robots_txt(request):
    """Crawl everything but the admin, and find the pages in the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
