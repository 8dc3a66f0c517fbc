"""Fetching the pages that rich text links to ahead of rendering it.

Each rich text block expands its own links, so an article with a "see my
article" in five paragraphs would look up pages five times.
"""

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page

# Pages fetched ahead for the rich text being rendered, by id (see linked_pages).
_fetched = ContextVar("linked_pages", default=None)
PAGE_LINK = re.compile(r'<a\b[^>]*?linktype=\\?"page\\?"[^>]*>')
LINK_ID = re.compile(r'\bid=\\?"(\d+)\\?"')


@contextmanager
def linked_pages():
    """Within it, `fetch_links()` fetches the pages that bodies link to, all
    in one query, where each rich text block would otherwise fetch its own."""
    token = _fetched.set({})
    try:
        yield
    finally:
        _fetched.reset(token)


def pages_by_id(ids):
    """The pages with these ids (strings), by id: those fetched ahead, the
    rest in one query. An address needs only the tree's columns, not each
    page's own type. Within linked_pages() what is fetched (and what is
    missing, as None) is kept for the next rich text block."""
    known = _fetched.get()
    if known is None:
        known = {}
    missing = {id_ for id_ in ids if id_.isdecimal()} - known.keys()
    if missing:
        known.update(dict.fromkeys(missing))
        pages = Page.objects.filter(id__in=missing).defer_streamfields()
        known.update({str(page.pk): page for page in pages})
    return known


def fetch_links(*bodies):
    """Fetch the pages these bodies link to, for the rest of linked_pages()."""
    if _fetched.get() is None:
        return
    source = json.dumps([list(body.raw_data) for body in bodies])
    pages_by_id(
        {
            match.group(1)
            for tag in PAGE_LINK.findall(source)
            if (match := LINK_ID.search(tag))
        }
    )
