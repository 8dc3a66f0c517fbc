"""The crisis and "not therapy" notices as readers see them, kept in the cache
so that an error page can show the therapist's own words without the database."""

import logging

from wagtail.templatetags.wagtailcore_tags import richtext

from base.cache import content_cache, last_seen
from base.models import CRISIS_NOTICE, NOT_THERAPY_NOTICE, ReaderNoticeSettings

logger = logging.getLogger(__name__)

CACHE_KEY = "reader-notices"
# Kept a day: a change retires them anyway (base/cache.py).
CACHE_SECONDS = 24 * 3600
DEFAULTS = {"crisis_notice": CRISIS_NOTICE, "not_therapy_notice": NOT_THERAPY_NOTICE}


def expanded(notices):
    return {
        "crisis_notice": str(richtext(notices.crisis_notice)),
        "not_therapy_notice": str(richtext(notices.not_therapy_notice)),
    }


def current_notices(request):
    """The notices as HTML, read from the settings once and then from the
    cache until the next change retires them."""
    return content_cache().get_or_set(
        CACHE_KEY,
        lambda: expanded(ReaderNoticeSettings.load(request_or_site=request)),
        timeout=CACHE_SECONDS,
    )


def last_known_notices():
    """The notices as last shown, else the defaults: only the cache is asked,
    never the database, and the defaults still give the crisis line."""
    try:
        with last_seen():
            return content_cache().get(CACHE_KEY) or DEFAULTS
    except Exception:
        logger.warning("Showing the default notices on an error page.", exc_info=True)
        return DEFAULTS
