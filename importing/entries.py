"""What every reader of an export shares: its errors, and one post's HTML
made into an entry."""

import hashlib
from email.utils import parsedate_to_datetime

from django.utils.dateparse import parse_date, parse_datetime

from importing.units import Entry, words

MAX_TITLE = 255  # Wagtail's page title


class SourceError(Exception):
    """A file that cannot be read at all, said in one line."""


class EntryError(Exception):
    """One article of a file that cannot be read; the others still can."""


def content_key(title, text):
    return (
        "sha256:"
        + hashlib.sha256(
            " ".join([*words(title), "|", *words(text)]).encode()
        ).hexdigest()
    )


def to_date(value):
    if not value:
        return None
    value = str(value).strip()
    moment = parse_datetime(value.replace(" ", "T", 1)) if " " in value else None
    moment = moment or parse_datetime(value)
    if moment:
        return moment.date()
    try:
        return parse_date(value[:10]) or parsedate_to_datetime(value).date()
    except (ValueError, TypeError):
        return None


def html_entry(source, title, html, **fields):
    title = " ".join((title or "").split())
    if not title:
        raise EntryError("it has no title")
    if len(title) > MAX_TITLE:
        raise EntryError(f"its title is over {MAX_TITLE} characters")
    if not (html or "").strip():
        raise EntryError("it has no text")
    key = fields.pop("key", "") or fields.get("original_url", "")
    return Entry(
        source=source,
        title=title,
        html=html,
        key=key or content_key(title, html),
        **fields,
    )


def local(tag):
    return tag.rsplit("}", 1)[-1]


def child_text(element, name):
    """The text of the first child with this local name, whatever namespace
    the export version put it in."""
    for child in element:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return ""
