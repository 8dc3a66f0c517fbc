import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from base.notices import last_known_notices

logger = logging.getLogger(__name__)

# What a database that cannot be reached raises (refused, stopped, a file that
# cannot be opened); other database errors are bugs, and stay 500s.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_SECONDS = 60


def server_error(request):
    """A page that needs no database: a 503 maintenance page while the
    database cannot be reached, else Django's 500. Both keep the crisis notice
    (as last shown, from the cache), since readers may arrive in distress
    whatever has failed."""
    notices = last_known_notices()
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(render_to_string("503.html", notices), status=503)
        response["Retry-After"] = str(RETRY_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(render_to_string("500.html", notices))


def robots_txt(request):
    """Crawl everything but the admin, and find the pages in the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
