"""What every reader of an export shares: its errors, and one post's HTML
made into an entry."""

import hashlib
import zipfile
import zlib
from email.utils import parsedate_to_datetime

from django.utils.dateparse import parse_date, parse_datetime

from importing.units import Entry, words

MAX_TITLE = 255  # Wagtail's page title
# A lying header, a bad checksum, a password, an unknown compression: the
# archive is not what it says.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError,
              NotImplementedError)  # fmt: skip


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


def member_bytes(archive, member, name):
    """One file of a zip whose total size is checked already, read no further
    than its header says: SourceError if the zip is damaged or lies."""
    try:
        with archive.open(member) as handle:
            raw = handle.read(member.file_size + 1)
    except ZIP_ERRORS as error:
        raise SourceError(
            f"{name}: {member.filename} inside the zip cannot be unpacked "
            f"({error}); the zip may be damaged, so nothing was imported"
        ) from None
    if len(raw) > member.file_size:
        raise SourceError(f"{name}: the zip's sizes are false; refused")
    return raw
