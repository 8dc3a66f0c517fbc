"""How a page says it was read: a mark on its response, which the page
cache keeps with the stored copy. The readership app counts the marks
(readership/counting.py); the page types that are read set them."""

ATTRIBUTE = "page_read"


def mark_read(response, page):
    setattr(response, ATTRIBUTE, page.pk)
    return response


def page_read(response):
    """The id of the page the response is a read of, or None."""
    return getattr(response, ATTRIBUTE, None)
