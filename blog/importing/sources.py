"""Read the files the therapist gives: a Blogger export, a WordPress export,
Markdown or scraped plain text."""

import hashlib
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import markdown
import yaml
from defusedxml import ElementTree
from django.utils.dateparse import parse_date, parse_datetime

from blog.importing import markup, plaintext
from blog.importing.units import Entry, words

MAX_BYTES = 50 * 1024 * 1024
MAX_TITLE = 255  # Wagtail's page title
FORMATS = ("auto", "blogger", "wordpress", "markdown", "text")
ATOM = "{http://www.w3.org/2005/Atom}"
BLOGGER_KIND = "http://schemas.google.com/g/2005#kind"
BLOGGER_LABEL = "http://www.blogger.com/atom/ns#"
APP = "{http://purl.org/atom/app#}"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
TITLE_LINE = re.compile(r"\A\s*TITLE:\s*(.+?)\s*(?:\n|$)", re.I)


class SourceError(Exception):
    """A file that cannot be read at all, said in one line."""


class EntryError(Exception):
    """One article of a file that cannot be read; the others still can."""


def read(path, fmt="auto", title=None, include_drafts=False):
    """Entries of one file, the entries it failed on, and what it skipped."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"{path}: {size // 2**20} MB is over the 50 MB limit")
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{path}: not UTF-8 text") from None
    fmt = detect(path, text) if fmt == "auto" else fmt
    if fmt in ("blogger", "wordpress"):
        try:
            root = ElementTree.fromstring(raw)
        except ElementTree.ParseError as error:
            raise SourceError(f"{path}: the XML is not well-formed ({error})") from None
        return (read_blogger if fmt == "blogger" else read_wordpress)(
            path, root, include_drafts
        )
    if fmt == "markdown":
        return [read_markdown(path, text)], [], Counter()
    if fmt == "text":
        return [read_text(path, text, title)], [], Counter()
    raise SourceError(
        f"{path}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
    )


def detect(path, text):
    head = text.lstrip()[:2000]
    if head.startswith("<"):
        if "<feed" in head and ("blogger" in head.lower() or ATOM[1:-1] in head):
            return "blogger"
        if "<rss" in head and "wordpress.org/export" in head:
            return "wordpress"
        raise SourceError(
            f"{path}: XML that is neither a Blogger nor a WordPress export"
        )
    if path.suffix.lower() in (".md", ".markdown") or FRONT_MATTER.match(text):
        return "markdown"
    return "text"


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
        return (
            parse_date(value[:10])
            or datetime.strptime(value, "%a, %d %b %Y %H:%M:%S %z").date()
        )
    except ValueError:
        return None


def html_entry(source, title, html, **fields):
    title = " ".join((title or "").split())
    if not title:
        raise EntryError("it has no title")
    if len(title) > MAX_TITLE:
        raise EntryError(f"its title is over {MAX_TITLE} characters")
    units = markup.units_from_html(html or "")
    if not units:
        raise EntryError("it has no text")
    url = fields.get("original_url", "")
    return Entry(
        source=source,
        title=title,
        units=units,
        key=url or content_key(title, html),
        **fields,
    )


def collect(items):
    """Entries, failures and skipped counts from an export's items, each
    given as (source, why it is skipped or None, the entry's fields)."""
    entries, failures, skipped = [], [], Counter()
    for source, skip, fields in items:
        if skip:
            skipped[skip] += 1
            continue
        try:
            entries.append(html_entry(source, **fields))
        except EntryError as error:
            failures.append((source, str(error)))
    return entries, failures, skipped


def read_blogger(path, root, include_drafts):
    if root.tag != f"{ATOM}feed":
        raise SourceError(f"{path}: not a Blogger export (no Atom <feed>)")
    return collect(blogger_items(path, root, include_drafts))


def blogger_items(path, root, include_drafts):
    for number, item in enumerate(root.findall(f"{ATOM}entry"), 1):
        source = f"{path.name}, entry {number}"
        kind = blogger_kind(item)
        draft = item.find(f"{APP}control/{APP}draft")
        status = child_text(item, "status").upper()
        is_draft = (draft is not None and draft.text == "yes") or status == "DRAFT"
        if kind != "post":
            yield source, kind, None
        elif is_draft and not include_drafts:
            yield source, "draft", None
        else:
            yield (
                source,
                None,
                {
                    "title": child_text(item, "title"),
                    "html": child_text(item, "content"),
                    "date": to_date(child_text(item, "published")),
                    "tags": [
                        c.get("term")
                        for c in item.findall(f"{ATOM}category")
                        if c.get("scheme") in (BLOGGER_LABEL, None) and c.get("term")
                    ],
                    "original_url": next(
                        (
                            link.get("href")
                            for link in item.findall(f"{ATOM}link")
                            if link.get("rel") == "alternate" and link.get("href")
                        ),
                        "",
                    ),
                },
            )


def blogger_kind(item):
    """post, comment, settings, template or page, in either export format."""
    for category in item.findall(f"{ATOM}category"):
        if category.get("scheme") == BLOGGER_KIND:
            return category.get("term", "").rsplit("#", 1)[-1] or "unknown"
    return child_text(item, "type").lower() or "unknown"


def local(tag):
    return tag.rsplit("}", 1)[-1]


def child_text(element, name):
    """The text of the first child with this local name, whatever namespace
    the export version put it in."""
    for child in element:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def read_wordpress(path, root, include_drafts):
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise SourceError(f"{path}: not a WordPress export (no <rss><channel>)")
    return collect(wordpress_items(path, channel, include_drafts))


def wordpress_items(path, channel, include_drafts):
    for number, item in enumerate(channel.findall("item"), 1):
        source = f"{path.name}, item {number}"
        post_type = child_text(item, "post_type") or "post"
        status = child_text(item, "status") or "publish"
        if post_type != "post":
            yield source, post_type, None
        elif status != "publish" and not include_drafts:
            yield source, status, None
        else:
            yield (
                source,
                None,
                {
                    "title": child_text(item, "title"),
                    "html": child_text(item, "encoded"),
                    "date": to_date(child_text(item, "post_date"))
                    or to_date(child_text(item, "pubDate")),
                    "tags": list(
                        dict.fromkeys(
                            " ".join((c.text or "").split())
                            for c in item.findall("category")
                            if c.get("domain") in ("category", "post_tag")
                            and (c.text or "").strip()
                        )
                    ),
                    "original_url": child_text(item, "link"),
                },
            )


def read_markdown(path, text):
    meta = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as error:
            raise SourceError(
                f"{path}: the front matter is not valid YAML ({error})"
            ) from None
        if not isinstance(meta, dict):
            raise SourceError(f"{path}: the front matter is not a list of fields")
        text = text[match.end() :]
    html = markdown.markdown(text)
    title = " ".join(str(meta.get("title") or "").split())
    units = markup.units_from_html(html)
    if not title and units and units[0].kind == "heading":
        title = units.pop(0).text
    elif units and units[0].kind == "heading" and words(units[0].text) == words(title):
        units.pop(0)
    if not units:
        raise SourceError(f"{path}: there is no article text")
    title = title or path.stem.replace("-", " ").replace("_", " ").capitalize()
    if len(title) > MAX_TITLE:
        raise SourceError(f"{path}: the title is over {MAX_TITLE} characters")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split(",")
    return Entry(
        source=path.name,
        title=title,
        units=units,
        date=to_date(meta.get("date")),
        tags=[str(tag).strip() for tag in tags if str(tag).strip()],
        key=content_key(title, text),
    )


def read_text(path, text, title=None):
    match = TITLE_LINE.match(text)
    if match:
        title = title or match.group(1)
        text = text[match.end() :]
    body = plaintext.tidy(text)
    if not body:
        raise SourceError(f"{path}: there is no article text")
    title = plaintext.tidy(title) if title else plaintext.infer_title(body)
    if len(title) > MAX_TITLE:
        raise SourceError(f"{path}: the title is over {MAX_TITLE} characters")
    return Entry(
        source=path.name,
        title=plaintext.capitalise(title),
        units=plaintext.split(body, title),
        key=content_key(title, text),
        lower_case=text == text.lower(),
    )
