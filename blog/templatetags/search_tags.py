import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, terms):
    """The text, escaped, with each word that starts with a search term marked,
    so "anxious" is marked for a search on "anxi"."""
    words = sorted({re.escape(term) for term in terms if len(term) > 1}, key=len)
    if not words:
        return escape(text)
    pattern = re.compile(rf"\b(?:{'|'.join(reversed(words))})\w*", re.IGNORECASE)
    marked, start = [], 0
    for match in pattern.finditer(text):
        marked += [escape(text[start : match.start()]), "<mark>"]
        marked += [escape(match.group()), "</mark>"]
        start = match.end()
    marked.append(escape(text[start:]))
    return mark_safe("".join(marked))
