"""Read the files the therapist gives: Blogger, WordPress and Squarespace
exports, RSS and Atom feeds, Markdown or scraped plain text, and zips of
them; the hosted platforms' own exports are read in platforms.py."""

import re
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import markdown
import yaml
from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException, ElementTree
from django.conf import settings

from importing import markup, plaintext, platforms
from importing.entries import (
    MAX_TITLE,
    EntryError,
    SourceError,
    child_text,
    content_key,
    html_entry,
    local,
    member_bytes,
    to_date,
)
from importing.limits import PostRefused, bounded
from importing.pictures import Picture
from importing.repair import Repaired
from importing.units import Entry, words

FORMATS = ("auto", "blogger", "wordpress", "feed", "ghost", "markdown", "text", "zip")
MAX_SUMMARY = 1000
ATOM = "{http://www.w3.org/2005/Atom}"
BLOGGER_KIND = "http://schemas.google.com/g/2005#kind"
BLOGGER_LABEL = "http://www.blogger.com/atom/ns#"
APP = "{http://purl.org/atom/app#}"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
TITLE_LINE = re.compile(r"\A\s*TITLE:\s*(.+?)\s*(?:\n|$)", re.I)
TEXT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}
# A zip of Markdown or text files: no more files than a blog has posts, and
# none that unpacks to far more than it takes (a zip bomb).
MAX_ZIP_FILES = 10_000
MAX_ZIP_RATIO = 100
HEAD = 4096
# Front matter is a few fields; its YAML may not name anchors or aliases,
# which let 429 bytes expand to gigabytes.
MAX_FRONT_MATTER = 64 * 1024


def max_bytes():
    return settings.IMPORT_MAX_UPLOAD_MB * 2**20


def read(path, fmt="auto", title=None, include_drafts=False, name=None):
    """Entries of one file, the entries it failed on, and what it skipped.

    Exports are read as a stream: the articles' text is kept, never the
    whole document tree, so a large export fits in little memory.
    """
    path = Path(path)
    name = name or str(path)
    if not path.is_file():
        raise SourceError(f"{name}: no such file")
    size = path.stat().st_size
    if size > max_bytes():
        raise SourceError(
            f"{name}: {size / 2**20:.0f} MB is over the "
            f"{settings.IMPORT_MAX_UPLOAD_MB} MB limit"
        )
    with path.open("rb") as handle:
        head = handle.read(HEAD)
    if not head.strip():
        raise SourceError(f"{name}: the file is empty")
    if fmt == "zip" or (fmt == "auto" and head.startswith(b"PK\x03\x04")):
        return read_zip(path, name, include_drafts)
    if b"\x00" in head:
        raise SourceError(
            f"{name}: not an export or a text file (it holds binary data)"
        )
    fmt = (
        detect(name, head.decode("utf-8-sig", errors="replace"))
        if fmt == "auto"
        else fmt
    )
    if fmt in ("blogger", "wordpress", "feed"):
        return read_xml(path, name, fmt, include_drafts)
    if fmt == "ghost":
        return platforms.read_ghost(path.read_bytes(), name, include_drafts)
    if fmt in ("markdown", "text"):
        return read_plain(name, path.read_bytes(), fmt, title)
    raise SourceError(
        f"{name}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
    )


def read_plain(name, raw, fmt, title=None):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{name}: not UTF-8 text") from None
    if not text.strip():
        raise SourceError(f"{name}: the file is empty")
    reader = read_markdown if fmt == "markdown" else read_text
    try:
        with bounded(text):
            return [reader(name, text, title)], [], Counter()
    except PostRefused as error:
        raise SourceError(f"{name}: refused, since {error}") from None


def detect(name, head):
    head = head.lstrip()
    if head.startswith("<"):
        if "<feed" in head and "blogger" in head.lower():
            return "blogger"
        if "<rss" in head and "wordpress.org/export" in head:
            return "wordpress"  # WordPress's own, or Squarespace's
        if "<rss" in head or ("<feed" in head and ATOM[1:-1] in head):
            return "feed"
        raise SourceError(
            f"{name}: XML that is not a blog export or an RSS or Atom feed"
        )
    if head.startswith("{"):
        return "ghost"
    if PurePosixPath(name).suffix.lower() in (".md", ".markdown") or FRONT_MATTER.match(
        head
    ):
        return "markdown"
    return "text"


def read_zip(path, name, include_drafts):
    """The Markdown and text files of a zip, refused whole if any name leaves
    the archive or it unpacks to more than the limit."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise SourceError(f"{name}: not a readable zip file") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_ZIP_FILES:
            raise SourceError(
                f"{name}: the zip holds {len(members)} files, over {MAX_ZIP_FILES}"
            )
        for member in members:
            inner = PurePosixPath(member.filename.replace("\\", "/"))
            if inner.is_absolute() or ".." in inner.parts or ":" in member.filename:
                raise SourceError(
                    f"{name}: the zip holds {member.filename!r}, a path outside "
                    "its own folder; nothing was imported"
                )
        unpacked = sum(m.file_size for m in members)
        packed = sum(m.compress_size for m in members) or 1
        if unpacked > max_bytes() or unpacked > MAX_ZIP_RATIO * packed + 2**20:
            raise SourceError(
                f"{name}: the zip unpacks to {unpacked / 2**20:.0f} MB, far more "
                "than it holds; refused as unsafe"
            )
        platform = platforms.zip_kind(members)
        if platform:
            return platform(archive, members, name, include_drafts, str(path))
        entries, failures, skipped = [], [], Counter()
        for member in sorted(members, key=lambda m: m.filename):
            inner = PurePosixPath(member.filename)
            fmt = TEXT_SUFFIXES.get(inner.suffix.lower())
            if fmt is None or any(p.startswith((".", "__MACOSX")) for p in inner.parts):
                skipped["non-text file"] += 1
                continue
            raw = member_bytes(archive, member, name)
            try:
                found, _, _ = read_plain(f"{name}/{inner}", raw, fmt)
            except SourceError as error:
                failures.append((f"{name}/{inner}", str(error).split(": ", 1)[-1]))
            else:
                entries += found
        if not entries and not failures:
            raise SourceError(f"{name}: the zip holds no Markdown or text files")
        return entries, failures, skipped


def read_xml(path, name, fmt, include_drafts):
    """Blogger's Atom, WordPress's (and Squarespace's) RSS, or any RSS or
    Atom feed, one article at a time. DTDs and entities are refused: exports
    never declare them, and entity bombs do. A WordPress-format file that is
    not well-formed (Squarespace's often are not) is read again, mended."""
    try:
        return read_xml_from(str(path), name, fmt, include_drafts)
    except SourceError as error:
        if fmt != "wordpress" or "not well-formed" not in str(error):
            raise
    source = Repaired(path)
    try:
        return read_xml_from(source, name, fmt, include_drafts)
    finally:
        source.close()


ROOTS = {
    "blogger": ({f"{ATOM}feed"}, "Blogger export (no Atom <feed>)"),
    "wordpress": ({"rss"}, "WordPress export (no <rss><channel>)"),
    "feed": ({"rss", f"{ATOM}feed"}, "RSS or Atom feed"),
}


def read_xml_from(source, name, fmt, include_drafts):
    entries, failures, skipped = [], [], Counter()
    featured, attachments = {}, {}  # WordPress: entry -> attachment id -> URL
    names = {}  # WordPress: an author's login -> the name readers saw
    number, depth, site = 0, 0, ""
    try:
        events = ElementTree.iterparse(source, events=("start", "end"), forbid_dtd=True)
        _, root = next(events)
        roots, what = ROOTS[fmt]
        if root.tag not in roots:
            raise SourceError(f"{name}: not a {what}")
        atom = root.tag == f"{ATOM}feed"
        item_tag = f"{ATOM}entry" if atom else "item"
        reader = {"blogger": blogger_item, "wordpress": wordpress_item}.get(
            fmt, atom_item if atom else feed_item
        )
        for event, element in events:
            if element.tag == item_tag:
                depth += 1 if event == "start" else -1
            if event != "end":
                continue
            if not depth and local(element.tag) == "author" and fmt == "wordpress":
                login = child_text(element, "author_login")
                names[login] = child_text(element, "author_display_name") or login
            if not depth and not site and local(element.tag) == "link":
                # The blog's own address: what its relative links start from.
                site = (element.text or element.get("href") or "").strip()
            if element.tag != item_tag:
                continue
            number += 1
            label = "entry" if atom else "item"
            where = f"{PurePosixPath(name).name}, {label} {number}"
            skip, fields, extra = reader(element, include_drafts)
            skipped.update(extra)
            if fields is None and skip == "attachment":
                post_id, url = (
                    child_text(element, "post_id"),
                    child_text(element, "attachment_url"),
                )
                attachments[post_id] = url
            element.clear()
            if skip:
                skipped[skip] += 1
                continue
            thumbnail = fields.pop("thumbnail_id", "")
            try:
                entry = html_entry(where, **fields)
            except EntryError as error:
                failures.append((where, str(error)))
                continue
            entries.append(entry)
            if thumbnail:
                featured[entry] = thumbnail
    except DefusedXmlException:
        raise SourceError(
            f"{name}: the file declares a DTD or XML entities, which exports "
            "never do; refused as unsafe"
        ) from None
    except ElementTree.ParseError as error:
        raise SourceError(f"{name}: the XML is not well-formed ({error})") from None
    except StopIteration:
        raise SourceError(f"{name}: the file is empty") from None
    for entry in entries:
        entry.authors = [names.get(login, login) for login in entry.authors]
        entry.base_url = site if site.startswith(("http://", "https://")) else ""
        if entry.original_url and entry.base_url:
            entry.original_url = urljoin(entry.base_url, entry.original_url)
        if not entry.original_url.startswith(("http://", "https://")):
            entry.original_url = ""  # a relative address with nothing to join
        if url := attachments.get(featured.get(entry, "")):
            entry.featured = Picture(src=url)
    return entries, failures, skipped


def feed_item(item, include_drafts):
    """An RSS 2.0 item: the full text from content:encoded, else its
    description; a picture in its enclosure or media tags is its own."""
    encoded = child_text(item, "encoded")
    description = child_text(item, "description")
    return (
        None,
        {
            "title": child_text(item, "title"),
            "html": encoded or description,
            "summary": plain_summary(description) if encoded else "",
            "authors": feed_authors(item),
            "date": to_date(child_text(item, "pubDate"))
            or to_date(child_text(item, "date")),
            "tags": list(
                dict.fromkeys(
                    " ".join((c.text or "").split())
                    for c in item
                    if local(c.tag) == "category" and (c.text or "").strip()
                )
            ),
            "original_url": child_text(item, "link"),
            "featured": feed_picture(item),
        },
        (),
    )


def atom_item(item, include_drafts):
    """An Atom entry of a feed (not Blogger's export): its content, else
    its summary."""
    content = item.find(f"{ATOM}content")
    summary = child_text(item, "summary")
    return (
        None,
        {
            "title": child_text(item, "title"),
            "html": atom_html(content) if content is not None else summary,
            "summary": plain_summary(summary) if content is not None else "",
            "authors": atom_authors(item),
            "date": to_date(child_text(item, "published"))
            or to_date(child_text(item, "updated")),
            "tags": [
                c.get("term") for c in item.findall(f"{ATOM}category") if c.get("term")
            ],
            "original_url": next(
                (
                    link.get("href")
                    for link in item.findall(f"{ATOM}link")
                    if link.get("rel", "alternate") == "alternate" and link.get("href")
                ),
                "",
            ),
            "featured": feed_picture(item),
        },
        (),
    )


# What Blogger and feeds put where a post names nobody.
NOBODY = {"", "unknown", "admin", "noreply@blogger.com"}


def atom_authors(item):
    """An Atom entry's authors by name (Blogger's and a feed's)."""
    names = (child_text(author, "name") for author in item.findall(f"{ATOM}author"))
    return [name for name in names if name.casefold() not in NOBODY]


def feed_authors(item):
    """An RSS item's dc:creator, else its author ("x@y.org (Name)")."""
    names = [
        (child.text or "").strip()
        for child in item
        if local(child.tag) in ("creator", "author")
    ]
    names = [re.sub(r"^\S+@\S+\s*\((.*)\)$", r"\1", name) for name in names]
    return [name for name in dict.fromkeys(names) if name.casefold() not in NOBODY]


def atom_html(content):
    """An Atom content element's HTML: its text, or for type="xhtml" the
    markup inside its <div>."""
    if content.get("type") != "xhtml":
        return content.text or ""
    for element in content.iter():
        element.tag = local(element.tag)  # XHTML's namespace, not its markup
    inner = list(content)
    if len(inner) == 1 and inner[0].tag == "div":
        inner = [inner[0].text or "", *inner[0]]
    return "".join(
        part if isinstance(part, str) else ElementTree.tostring(part, "unicode")
        for part in inner
    )


def feed_picture(item):
    """A feed item's own picture: an image enclosure, media:content or
    media:thumbnail (how Wix's feed gives a post's cover)."""
    for child in item:
        kind = child.get("type") or child.get("medium") or ""
        url = child.get("url") or ""
        if local(child.tag) in ("enclosure", "content") and url and "image" in kind:
            return Picture(src=url)
        if local(child.tag) == "thumbnail" and url:
            return Picture(src=url)
    return None


def plain_summary(html):
    """An excerpt's words, without its markup or a trailing "read more"."""
    text = " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())
    return text.removesuffix("[…]").removesuffix("...").strip()[:MAX_SUMMARY]


def load_units(entry):
    """The entry's units, read from its HTML when it is written."""
    if entry.units is None:
        try:
            with bounded(entry.html):
                entry.units, entry.dropped = markup.units_from_html(entry.html)
        except PostRefused as error:
            raise EntryError(f"refused, since {error}") from None
        if not entry.units:
            raise EntryError("it has no text")
    return entry.units


def blogger_item(item, include_drafts):
    """(why it is skipped or None, the entry's fields, other things skipped)."""
    kind = blogger_kind(item)
    draft = item.find(f"{APP}control/{APP}draft")
    status = child_text(item, "status").upper()
    is_draft = (draft is not None and draft.text == "yes") or status == "DRAFT"
    if kind != "post":
        return kind, None, ()
    if is_draft and not include_drafts:
        return "draft", None, ()
    return (
        None,
        {
            "title": child_text(item, "title"),
            "html": child_text(item, "content"),
            "authors": atom_authors(item),
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
        (),
    )


def blogger_kind(item):
    """post, comment, settings, template or page, in either export format."""
    for category in item.findall(f"{ATOM}category"):
        if category.get("scheme") == BLOGGER_KIND:
            return category.get("term", "").rsplit("#", 1)[-1] or "unknown"
    return child_text(item, "type").lower() or "unknown"


def wordpress_item(item, include_drafts):
    """As blogger_item; a post's comments are counted as skipped."""
    comments = sum(local(child.tag) == "comment" for child in item)
    extra = {"comment": comments} if comments else {}
    post_type = child_text(item, "post_type") or "post"
    status = child_text(item, "status") or "publish"
    if post_type != "post":
        return post_type, None, extra  # attachments are read for their URL
    if status != "publish" and not include_drafts:
        return status, None, extra
    return (
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
            "summary": plain_summary(excerpt(item)),
            "thumbnail_id": post_meta(item, "_thumbnail_id"),
            # The author's login; named from the export's wp:author list.
            "authors": [child_text(item, "creator")]
            if child_text(item, "creator")
            else [],
        },
        extra,
    )


def excerpt(item):
    """WordPress's excerpt:encoded (the second `encoded` child)."""
    for child in item:
        if local(child.tag) == "encoded" and "excerpt" in child.tag:
            return child.text or ""
    return ""


def post_meta(item, key):
    for meta in item:
        if local(meta.tag) == "postmeta" and child_text(meta, "meta_key") == key:
            return child_text(meta, "meta_value")
    return ""


def read_markdown(name, text, title=None):
    meta = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = front_matter(name, match.group(1))
        except yaml.YAMLError as error:
            raise SourceError(
                f"{name}: the front matter is not valid YAML ({error})"
            ) from None
        if not isinstance(meta, dict):
            raise SourceError(f"{name}: the front matter is not a list of fields")
        text = text[match.end() :]
    html = markdown.markdown(text)
    title = " ".join(str(meta.get("title") or title or "").split())
    units, dropped = markup.units_from_html(html)
    if not title and units and units[0].kind == "heading":
        title = units.pop(0).text
    elif units and units[0].kind == "heading" and words(units[0].text) == words(title):
        units.pop(0)
    if not units:
        raise SourceError(f"{name}: there is no article text")
    stem = PurePosixPath(name).stem
    title = title or stem.replace("-", " ").replace("_", " ").capitalize()
    if len(title) > MAX_TITLE:
        raise SourceError(f"{name}: the title is over {MAX_TITLE} characters")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split(",")
    return Entry(
        source=PurePosixPath(name).name,
        title=title,
        units=units,
        dropped=dropped,
        date=to_date(meta.get("date")),
        tags=[str(tag).strip() for tag in tags if str(tag).strip()],
        key=content_key(title, text),
    )


def front_matter(name, source):
    """A Markdown file's fields: plain YAML, with no anchors or aliases."""
    if len(source) > MAX_FRONT_MATTER:
        raise SourceError(
            f"{name}: the front matter is over {MAX_FRONT_MATTER // 1024} KB; "
            "it should hold a few fields"
        )
    for token in yaml.scan(source, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
            raise SourceError(
                f"{name}: the front matter uses YAML anchors or aliases (& or *), "
                "which front matter never needs; refused as unsafe"
            )
    return yaml.safe_load(source) or {}


def read_text(name, text, title=None):
    match = TITLE_LINE.match(text)
    if match:
        title = title or match.group(1)
        text = text[match.end() :]
    body = plaintext.tidy(text)
    if not body:
        raise SourceError(f"{name}: there is no article text")
    title = plaintext.tidy(title) if title else plaintext.infer_title(body)
    if len(title) > MAX_TITLE:
        raise SourceError(f"{name}: the title is over {MAX_TITLE} characters")
    return Entry(
        source=PurePosixPath(name).name,
        title=plaintext.capitalise(title),
        units=plaintext.split(body, title),
        key=content_key(title, text),
        lower_case=text == text.lower(),
    )
