"""One page of a listing, the same way on every listing page."""

from urllib.parse import urlencode

from django.core.paginator import Paginator

ITEMS_PER_PAGE = 10
# The query parameters listings read. Every other one a reader arrives with
# (utm_*, fbclid) is left out of their links and of the caches' keys, so one
# reader's click id never reaches another reader's page.
LISTING_PARAMETERS = ("kind", "page", "q", "topic")


def requested_page(request):
    """The page number ?page= asks for, with junk (and 1) meaning the first:
    what caches key a listing on, so `?page=x1`, `?page=x2`... are one copy."""
    value = request.GET.get("page", "")
    return int(value) if value.isdecimal() and int(value) > 1 else 1


def paginate(request, items):
    """A page of a listing; a missing, junk or out-of-range ?page= shows the
    nearest real page rather than an error."""
    return Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))


def page_query(request, number):
    """The query string of page `number` of this listing: its filters, in
    the order given, and the page."""
    filters = [
        (name, value)
        for name, values in request.GET.lists()
        if name in LISTING_PARAMETERS and name != "page"
        for value in values
    ]
    return "?" + urlencode([*filters, ("page", number)])
