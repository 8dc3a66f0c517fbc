"""Exports of the hosted platforms: Ghost's JSON (alone or zipped with its
content/images), Substack's zip and Medium's zip. Each gives its posts as
entries; drafts, pages, address lists and the like are counted under
"Left out" and never read into the database."""

import csv
import io
import json
import re
from collections import Counter
from pathlib import PurePosixPath

from bs4 import BeautifulSoup

from importing.entries import (
    EntryError,
    SourceError,
    html_entry,
    member_bytes,
    to_date,
)
from importing.pictures import ZIP, Picture
from importing.report import ADDRESS_LIST

# Ghost writes its own address as __GHOST_URL__; an address that can never
# be a real site stands in for it, so its links and pictures stay
# recognisable (links between posts resolve; pictures come from the zip).
GHOST_URL = "__GHOST_URL__"
GHOST_ORIGIN = "https://ghost-site.invalid"
GHOST_TABLES = {"posts", "tags", "posts_tags", "posts_meta", "posts_authors"}
GHOST_KINDS = {
    "settings": "setting",
    "comments": "comment",
    "newsletters": "newsletter",
    "snippets": "snippet",
    "post_revisions": "revision",
    "mobiledoc_revisions": "revision",
}
# Lists of people (readers, members, staff): never read, whatever they hold.
PEOPLE = re.compile(
    r"email|subscriber|member|\.opens\.|\.delivers\.|users|followers|audience",
    re.I,
)


def zip_kind(members):
    """The reader for a platform's zip, from what it holds, or None."""
    names = [PurePosixPath(m.filename) for m in members]
    if any(n.name == "posts.csv" for n in names):
        return read_substack
    if any(n.suffix == ".json" for n in names):
        return read_ghost_zip
    if any(n.suffix == ".html" and "posts" in n.parts for n in names):
        return read_medium
    return None


def read_member(archive, member, name):
    return member_bytes(archive, member, name).decode("utf-8-sig", errors="replace")


def left_out(member, skipped):
    """Count a file of the zip that is not a post, without reading it."""
    path = PurePosixPath(member.filename)
    if PEOPLE.search(path.name):
        skipped[ADDRESS_LIST] += 1
    elif not any(part.startswith((".", "__MACOSX")) for part in path.parts):
        folder = path.parts[-2] if len(path.parts) > 1 else "file"
        skipped[f"{folder} file" if folder != "posts" else "other file"] += 1


# Ghost ---------------------------------------------------------------------


def read_ghost_zip(archive, members, name, include_drafts, path):
    exports = [
        m
        for m in members
        if PurePosixPath(m.filename).suffix == ".json" and not PEOPLE.search(m.filename)
    ]
    if not exports:
        raise SourceError(f"{name}: the zip holds no Ghost export (.json)")
    images = {
        m.filename.split("content/images/", 1)[1]: m.filename
        for m in members
        if "content/images/" in m.filename
    }
    entries, failures, skipped = [], [], Counter()
    for member in members:
        if member not in exports and "content/images/" not in member.filename:
            left_out(member, skipped)
    for export in exports:
        found = read_ghost(
            member_bytes(archive, export, name), name, include_drafts, images, path
        )
        entries += found[0]
        failures += found[1]
        skipped += found[2]
    return entries, failures, skipped


def ghost_tables(data):
    """The tables of a Ghost export: {"db": [{"data": {...}}]}, or the
    "data" object alone."""
    if isinstance(data, dict) and isinstance(data.get("db"), list) and data["db"]:
        data = data["db"][0]
    tables = data.get("data") if isinstance(data, dict) else None
    if not isinstance(tables, dict) or not isinstance(tables.get("posts"), list):
        return None
    return tables


def read_ghost(raw, name, include_drafts, images=None, archive=""):
    """Ghost's JSON export: its published posts, their tags (not #internal
    ones), excerpts and featured pictures with alt text and caption."""
    try:
        tables = ghost_tables(json.loads(raw))
    except (ValueError, RecursionError):
        raise SourceError(f"{name}: not readable JSON") from None
    if tables is None:
        raise SourceError(f"{name}: JSON that is not a Ghost export (no posts)")
    tags = {t.get("id"): t for t in tables.get("tags") or [] if isinstance(t, dict)}
    tags_of = {}
    for link in sorted(
        (row for row in tables.get("posts_tags") or [] if isinstance(row, dict)),
        key=lambda row: row.get("sort_order") or 0,
    ):
        tag = tags.get(link.get("tag_id"))
        if tag and tag.get("visibility", "public") == "public":
            tag_name = str(tag.get("name") or "").strip()
            if tag_name and not tag_name.startswith("#"):
                tags_of.setdefault(link.get("post_id"), []).append(tag_name)
    meta = {
        row.get("post_id"): row
        for row in tables.get("posts_meta") or []
        if isinstance(row, dict)
    }
    skipped = Counter()
    for table, rows in tables.items():
        if table not in GHOST_TABLES and isinstance(rows, list) and rows:
            if PEOPLE.search(table):
                skipped[ADDRESS_LIST] += 1
            else:
                skipped[GHOST_KINDS.get(table, "other Ghost record")] += len(rows)
    entries, failures = [], []
    for number, post in enumerate(tables["posts"], 1):
        if not isinstance(post, dict):
            continue
        where = f"{PurePosixPath(name).name}, post {number}"
        kind = post.get("type") or "post"
        status = post.get("status") or "published"
        if kind != "post":
            skipped[kind] += 1
            continue
        if status != "published" and not (include_drafts and status == "draft"):
            skipped["email-only post" if status == "sent" else status] += 1
            continue
        extra = meta.get(post.get("id")) or {}
        slug = post.get("slug") or ""
        try:
            entry = html_entry(
                where,
                title=post.get("title"),
                html=ghost_address(post.get("html") or "", images),
                date=to_date(post.get("published_at") or post.get("created_at")),
                tags=tags_of.get(post.get("id"), []),
                summary=" ".join(str(post.get("custom_excerpt") or "").split()),
                key=f"ghost:{post.get('uuid') or post.get('id') or slug}",
                aliases=[f"{GHOST_ORIGIN}/{slug}/"] if slug else [],
                featured=ghost_picture(post, extra, images),
                archive=archive,
            )
        except EntryError as error:
            failures.append((where, str(error)))
            continue
        entry.base_url = f"{GHOST_ORIGIN}/"
        entries.append(entry)
    return entries, failures, skipped


def ghost_address(text, images):
    """Ghost's stand-in for its address made absolute; its own pictures
    read from the zip when it holds them."""
    text = text.replace(GHOST_URL, GHOST_ORIGIN)
    if images:
        text = re.sub(
            rf"{re.escape(GHOST_ORIGIN)}/content/images/([^\"'\s)]+)",
            lambda m: ZIP + images[m.group(1)] if m.group(1) in images else m.group(),
            text,
        )
    return text


def ghost_picture(post, meta, images):
    src = post.get("feature_image")
    if not src:
        return None
    caption = BeautifulSoup(meta.get("feature_image_caption") or "", "html.parser")
    return Picture(
        src=ghost_address(src, images),
        alt=" ".join(str(meta.get("feature_image_alt") or "").split()),
        caption=" ".join(caption.get_text(" ").split()),
    )


# Substack ------------------------------------------------------------------

SUBSTACK_POST = re.compile(r"https?://([^/\s\"']+)/p/([\w-]+)")


def read_substack(archive, members, name, include_drafts, path):
    """posts.csv and posts/<id>.html. The zip's email_list.csv and every
    per-post list of readers are counted and never opened."""
    by_name = {m.filename: m for m in members}
    index = next(m for m in members if PurePosixPath(m.filename).name == "posts.csv")
    rows = list(csv.DictReader(io.StringIO(read_member(archive, index, name))))
    skipped, entries, failures, posts = Counter(), [], [], {}
    wanted = {index.filename}
    for row in rows:
        post_id = (row.get("post_id") or "").strip()
        html_name = next(
            (n for n in by_name if PurePosixPath(n).name == f"{post_id}.html"), None
        )
        if html_name:
            wanted.add(html_name)
        published = (row.get("is_published") or "").strip().lower() == "true"
        kind = (row.get("type") or "newsletter").strip().lower()
        if kind not in ("newsletter", "podcast", ""):
            skipped[kind] += 1
        elif not published and not include_drafts:
            skipped["draft"] += 1
        elif html_name is None:
            failures.append((f"{name}, {post_id}", "its HTML file is not in the zip"))
        else:
            posts[post_id] = (row, read_member(archive, by_name[html_name], name))
    for member in members:
        if member.filename not in wanted:
            left_out(member, skipped)
    host = publication_host(posts)
    for post_id, (row, html) in posts.items():
        slug = post_id.split(".", 1)[-1]
        where = f"{PurePosixPath(name).name}, {post_id}"
        try:
            entries.append(
                html_entry(
                    where,
                    title=row.get("title"),
                    html=html,
                    date=to_date(row.get("post_date")),
                    summary=" ".join((row.get("subtitle") or "").split()),
                    original_url=f"https://{host}/p/{slug}" if host else "",
                    key=f"substack:{post_id.split('.', 1)[0]}",
                    archive=path,
                )
            )
        except EntryError as error:
            failures.append((where, str(error)))
    return entries, failures, skipped


def publication_host(posts):
    """The publication's own address, which the export never states: the
    host its posts use to link to each other, else the host most of its
    /p/ links go to."""
    slugs = {post_id.split(".", 1)[-1] for post_id in posts}
    links = [
        match.groups()
        for _, html in posts.values()
        for match in SUBSTACK_POST.finditer(html)
    ]
    own = [host for host, slug in links if slug in slugs]
    if own:
        return own[0]
    counts = Counter(host for host, _ in links)
    return counts.most_common(1)[0][0] if counts else ""


# Medium --------------------------------------------------------------------


def read_medium(archive, members, name, include_drafts, path):
    """posts/*.html, each a whole page: its title (h1.p-name), subtitle,
    body (section.e-content), date and canonical address. Drafts
    (draft_*.html) and the account's other folders are left out."""
    entries, failures, skipped = [], [], Counter()
    for member in sorted(members, key=lambda m: m.filename):
        inner = PurePosixPath(member.filename)
        if inner.suffix != ".html" or "posts" not in inner.parts:
            left_out(member, skipped)
            continue
        if inner.name.startswith("draft_") and not include_drafts:
            skipped["draft"] += 1
            continue
        where = f"{PurePosixPath(name).name}, {inner.name}"
        try:
            entries.append(medium_entry(where, read_member(archive, member, name)))
        except EntryError as error:
            failures.append((where, str(error)))
    return entries, failures, skipped


def medium_entry(where, page):
    soup = BeautifulSoup(page, "html.parser")
    title = soup.find(class_="p-name") or soup.find("title")
    body = soup.find(class_="e-content")
    if body is None:
        raise EntryError("it is not a Medium post (no body)")
    subtitle = soup.find(class_="p-summary")
    canonical = soup.find("a", class_="p-canonical")
    published = soup.find("time", class_="dt-published")
    # The body repeats the title and subtitle as its first lines.
    for repeat in body.find_all(class_=("graf--title", "graf--subtitle")):
        repeat.decompose()
    return html_entry(
        where,
        title=title.get_text(" ", strip=True) if title else "",
        html=body.decode_contents(),
        date=to_date(published.get("datetime")) if published else None,
        summary=subtitle.get_text(" ", strip=True) if subtitle else "",
        original_url=canonical.get("href", "") if canonical else "",
    )
