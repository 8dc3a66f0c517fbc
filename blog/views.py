"""Search: the one reader-facing view that is not a page."""

import re
import unicodedata

from django.db import connection
from django.shortcuts import render
from wagtail.models import Site

from base.models import SitePages
from blog.models import ArticlePage, paginate, topics_of

MAX_QUERY_LENGTH = 200
# SQLite's full-text backend ranks each match with a query of its own: past a
# few hundred matches that takes seconds, so more are listed newest first.
# PostgreSQL ranks any number in one query.
MAX_RANKED_ON_SQLITE = 200


def clean_query(query):
    """The words of a query, without what the search backends choke on: SQLite
    full-text search fails on a stray double quote, PostgreSQL on a NUL byte,
    and no reader means a control character."""
    kept = (
        char
        for char in query
        if char != '"' and not unicodedata.category(char).startswith("C")
    )
    return " ".join("".join(kept).split())


def search(request):
    """Articles matching ?q=, best match first (newest first when very many
    match on SQLite), optionally within ?topic=.

    Only reads: no search statistics are kept, so a search never writes.
    """
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    topic_slug = request.GET.get("topic", "")
    site = Site.find_for_request(request)
    articles = ArticlePage.objects.live().public()
    if site is not None:
        articles = articles.descendant_of(site.root_page)
    blog = SitePages.find(request, "blog")
    topics = blog.topics() if blog is not None else topics_of(articles)
    # Raw values never reach the database: the topic is matched in Python.
    topic = next((tag for tag in topics if tag.slug == topic_slug), None)
    context = {
        "meta_title": f"Search: {query}" if query else "Search",
        "meta_description": "Search the articles on this blog.",
        "noindex": True,
        "query": query,
        "topics": topics,
        "selected_topic": topic,
        "blog": blog,
        "max_length": MAX_QUERY_LENGTH,
    }
    if len(raw_query) > MAX_QUERY_LENGTH:
        context["problem"] = (
            f"Your search is {len(raw_query)} characters long. Please use "
            f"{MAX_QUERY_LENGTH} characters or fewer: a few words work best."
        )
    elif topic_slug and topic is None:
        context["problem"] = "No article has that topic. Choose one from the list."
    elif query:
        if topic is not None:
            articles = articles.filter(tags=topic)
        # The backend accepts only simple filters on indexed fields: the
        # public, topic-filtered articles go in as a subquery of ids.
        candidates = ArticlePage.objects.filter(
            id__in=articles.values("id")
        ).prefetch_related("tags")
        results = candidates.search(query)
        if connection.vendor == "sqlite":
            newest = candidates.order_by("-date", "-first_published_at", "-id").search(
                query, order_by_relevance=False
            )
            if newest.count() > MAX_RANKED_ON_SQLITE:
                results = newest
                context["newest_first"] = True
        context["results"] = paginate(request, results)
        context["terms"] = re.findall(r"\w+", query)
    return render(request, "blog/search.html", context)
