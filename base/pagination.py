"""One page of a listing, the same way on every listing page."""

from django.core.paginator import Paginator

ITEMS_PER_PAGE = 10


def paginate(request, items):
    """A page of a listing; a missing, junk or out-of-range ?page= shows the
    nearest real page rather than an error."""
    return Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
