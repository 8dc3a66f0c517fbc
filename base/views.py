"""The Good Faith Estimate notice: a page of its own, set in the practice's
notices rather than written as a page, so that it cannot be lost or half kept."""

from django.http import Http404
from django.shortcuts import render

from base.models import AboutMe, PracticeNotices, SitePages


def good_faith_estimate(request):
    notices = PracticeNotices.load_for(request)
    if notices is None or not notices.good_faith_estimate_shown:
        raise Http404("The Good Faith Estimate notice is not shown on this site.")
    return render(
        request,
        "base/good_faith_estimate.html",
        {
            "meta_title": "Your right to a Good Faith Estimate",
            "meta_description": notices.good_faith_summary(),
            "notices": notices,
            "about": AboutMe.get_default(),
            "consultation_url": SitePages.url(request, "consultation"),
        },
    )
