"""The addresses a subscriber's emails link to, and the door every
subscription form sends through.

None of them sets a cookie or may be stored by a cache: reading pages carry
the short form, and a page that sets no cookie has no CSRF token to send.
These forms need none. Subscribing only sends a confirmation to the address
typed, which anyone can ask for anyway; confirming needs the link sent to
that address; and unsubscribing must work from a mail program with one POST
(RFC 8058).
"""

from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from base.models import SitePages
from subscriptions.models import Subscriber, asked_for


@csrf_exempt
@require_POST
def subscribe(request):
    """The short forms on articles and the blog post here."""
    page = subscribe_page(request)
    if page is None:
        raise Http404("This site takes no subscriptions.")
    return page.form_response(request)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET asks, with one button; POST subscribes. Mail filters open links
    to check them, and must not subscribe anyone by that."""
    try:
        subscriber, topic_slugs, clinician_slugs = Subscriber.for_confirmation_token(
            token
        )
    except signing.SignatureExpired:
        problem = "expired"
    except (signing.BadSignature, ValueError, KeyError, TypeError):
        problem = "damaged"
    except Subscriber.DoesNotExist:
        problem = "gone"
    else:
        if request.method == "POST":
            subscriber.confirm(topic_slugs, clinician_slugs)
            return render(
                request, "subscriptions/confirmed.html", {"subscriber": subscriber}
            )
        wants = asked_for(topic_slugs, clinician_slugs)
        return render(
            request,
            "subscriptions/confirm.html",
            {"subscriber": subscriber, "wants": wants},
        )
    return render(
        request,
        "subscriptions/confirm_problem.html",
        {"problem": problem, "subscribe_page": subscribe_page(request)},
        status=400 if problem == "damaged" else 410,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks, with one button; POST deletes the address. Mail filters
    open links to check them, and must not unsubscribe anyone by that."""
    try:
        subscriber = Subscriber.for_unsubscribe_token(token)
    except signing.BadSignature:
        return render(
            request,
            "subscriptions/confirm_problem.html",
            {"problem": "damaged", "subscribe_page": subscribe_page(request)},
            status=400,
        )
    if request.method == "POST":
        if subscriber is not None:
            subscriber.delete()
        return render(request, "subscriptions/unsubscribed.html")
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})


def subscribe_page(request):
    return SitePages.find(request, "subscribe")
