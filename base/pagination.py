"""One page of a listing, the same way on every listing page."""

from functools import cache
from urllib.parse import urlencode

from django.core.paginator import Paginator

from base.clinicians import language_choices, state_choices

ITEMS_PER_PAGE = 10
# The query parameters listings read. Every other one a reader arrives with
# (utm_*, fbclid) is left out of their links and of the caches' keys, so one
# reader's click id never reaches another reader's page.
LISTING_PARAMETERS = (
    "accepting",
    "author",
    "kind",
    "language",
    "online",
    "page",
    "q",
    "state",
    "topic",
)


def flag(value):
    return "1" if value == "1" else None


def known(choices, normal):
    """A value among `choices` once made `normal` ("ny" is "NY"), or
    "unknown" for every other: junk values all share one copy in the caches,
    which says nothing matched. The codes are gathered once, on first use."""

    @cache
    def codes():
        return frozenset(code for code, _ in choices())

    def bounded(value):
        value = normal(value)
        return value if value in codes() else "unknown"

    return bounded


# The team page's filters: one value each, from a fixed set.
BOUNDED = {
    "accepting": flag,
    "online": flag,
    "state": known(state_choices, str.upper),
    "language": known(language_choices, str.lower),
}


def listing_filters(request):
    """The filters a listing reads, in a fixed order: every value of a free
    one (?q=, ?topic=), the first value of a bounded one, made one of its
    known values. Empty values are left out."""
    pairs = []
    for name in LISTING_PARAMETERS:
        # An empty value is no filter: what a form's "Any" option sends.
        values = [value for value in request.GET.getlist(name) if value]
        if name == "page" or not values:
            continue
        if name not in BOUNDED:
            pairs.extend((name, value) for value in values)
        elif (value := BOUNDED[name](values[0])) is not None:
            pairs.append((name, value))
    return pairs


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
