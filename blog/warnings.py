"""What the machine finds in an article before it goes live: anything in a
vignette that may identify a client (vignettes/identifiers.py), and what
safe-messaging guidance asks to change (blog/safe_messaging.py). The editor's
panels, the live preview, the publish check and bulk publishing all read
this one list."""

from blog.safe_messaging import article_text, safe_messaging_warnings
from vignettes.identifiers import identifier_warnings

ACKNOWLEDGE_LABEL = "I have read these warnings and the article is safe to publish"
# The page history's entry for a publish after reading the warnings.
PUBLISHED_WITH_WARNINGS = "blog.published_with_warnings"


def writing_warnings(body, content_notes):
    return [
        *identifier_warnings(body),
        *safe_messaging_warnings(article_text(body), content_notes or []),
    ]


def unacknowledged(warnings, acknowledged):
    """The warnings she has not read and accepted for this revision."""
    accepted = set(acknowledged)
    return [warning for warning in warnings if warning not in accepted]
