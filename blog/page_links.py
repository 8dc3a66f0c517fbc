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


def fetched_pages():
    return _fetched.get() or {}


def fetch_links(*bodies):
    fetched = _fetched.get()
    if fetched is None:
        return
    source = json.dumps([list(body.raw_data) for body in bodies])
    ids = {
        match.group(1)
        for tag in PAGE_LINK.findall(source)
        if (match := LINK_ID.search(tag))
    } - fetched.keys()
    if ids:
        pages = Page.objects.filter(id__in=ids).defer_streamfields()
        fetched.update({str(page.pk): page for page in pages})
