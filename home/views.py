import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.rich_text import expand_db_html

from home.models import CRISIS_NOTICE, NOT_THERAPY_NOTICE, ReaderNoticeSettings

logger = logging.getLogger(__name__)

# What a database that cannot be reached raises (refused, stopped, a file that
# cannot be opened); other database errors are bugs, and stay 500s.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_SECONDS = 60


def server_error(request):
    """A page that needs no database: a 503 maintenance page while the
    database cannot be reached, else Django's 500. Both keep the crisis notice,
    since readers may arrive in distress whatever has failed."""
    notices = last_known_notices()
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(render_to_string("503.html", notices), status=503)
        response["Retry-After"] = str(RETRY_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(render_to_string("500.html", notices))


def last_known_notices():
    """The therapist's own notices as last read into the page cache, else the
    defaults. Only the cache is asked, never the database."""
    try:
        stored = ReaderNoticeSettings.last_cached()
        if stored is not None:
            return {
                "crisis_notice": expand_db_html(stored.crisis_notice),
                "not_therapy_notice": expand_db_html(stored.not_therapy_notice),
            }
    except Exception:
        # A link in the notice needs the database to expand; the cache itself
        # may be down too. The defaults still give the crisis line.
        logger.warning("Showing the default notices on an error page.", exc_info=True)
    return {"crisis_notice": CRISIS_NOTICE, "not_therapy_notice": NOT_THERAPY_NOTICE}


def robots_txt(request):
    """Crawl everything but the admin, and find the pages in the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
