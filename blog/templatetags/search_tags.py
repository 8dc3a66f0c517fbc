import re

from django import template
from django.utils.html import escape, format_html_join

register = template.Library()


@register.filter
def highlight(text, terms):
    """The text, escaped, with each word that starts with a search term marked,
    so "anxious" is marked for a search on "anxi"."""
    words = sorted({re.escape(term) for term in terms if len(term) > 1}, key=len)
    if not words:
        return escape(text)
    pattern = re.compile(rf"\b(?:{'|'.join(reversed(words))})\w*", re.IGNORECASE)
    pieces, start = [], 0
    for match in pattern.finditer(text):
        pieces.append((text[start : match.start()], match.group()))
        start = match.end()
    return format_html_join("", "{}<mark>{}</mark>", pieces) + escape(text[start:])
