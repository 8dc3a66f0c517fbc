"""The blog's admin: live-only page links, the unpublished-links report, and
the vignette rules held on every way an article can be published."""

import json

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Revision
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from blog import topic_admin
from blog.models import ArticlePage
from blog.reports import LinksToUnpublishedPagesView
from blog.rich_text import LivePageLinkHandler
from blog.series import Series
from blog.topics import topics_of
from blog.warnings import (
    ACKNOWLEDGE_LABEL,
    PUBLISHED_WITH_WARNINGS,
    unacknowledged,
    writing_warnings,
)
from subscriptions.topics import HOOK as SUBSCRIPTION_TOPICS
from vignettes.blocks import publish_problems


@hooks.register("register_rich_text_features", order=1)
def register_live_page_links(features):
    """After Wagtail's own registration, which it replaces."""
    features.register_link_type(LivePageLinkHandler)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/links-to-unpublished-pages/",
            LinksToUnpublishedPagesView.as_view(),
            name="links_to_unpublished_pages",
        ),
        path(
            "reports/links-to-unpublished-pages/results/",
            LinksToUnpublishedPagesView.as_view(results_only=True),
            name="links_to_unpublished_pages_results",
        ),
    ]


@hooks.register("register_admin_urls")
def register_topic_urls():
    return [
        path("topics/", topic_admin.topics_view, name="blog_topics"),
        path(
            "topics/<int:pk>/rename/", topic_admin.rename_view, name="blog_topic_rename"
        ),
        path("topics/<int:pk>/merge/", topic_admin.merge_view, name="blog_topic_merge"),
    ]


class TopicsMenuItem(MenuItem):
    def is_shown(self, request):
        return topic_admin.may_edit_topics(request.user)


@hooks.register("register_admin_menu_item")
def register_topics_menu_item():
    return TopicsMenuItem(
        "Topics", reverse("blog_topics"), name="topics", icon_name="tag", order=250
    )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        "Links to unpublished pages",
        reverse("links_to_unpublished_pages"),
        name="links-to-unpublished-pages",
        icon_name="warning",
        order=100,
    )


def held_back(pages):
    """The articles among `pages` that bulk publishing must not put live:
    those whose latest draft has a vignette without its kind, a true
    disclaimer or the de-identification tick, and those whose draft has
    warnings she did not read and accept for it in the editor.

    Reads every draft's stored content in one query, where rebuilding each
    page from its revision would cost two queries a page. (A draft's shared
    about-me block is read, once, when its text is checked.)
    """
    article_type = ContentType.objects.get_for_model(ArticlePage)
    articles = [page for page in pages if page.content_type_id == article_type.pk]
    drafts = Revision.objects.in_bulk([page.latest_revision_id for page in articles])
    unsafe, unread = [], []
    for page in articles:
        content = draft_content(page, drafts)
        raw_body = content["body"]
        if any(
            block["type"] == "vignette" and publish_problems(block["value"])
            for block in raw_body
        ):
            unsafe.append(page)
            continue
        body = ArticlePage.body.field.stream_block.to_python(raw_body)
        warnings = writing_warnings(body, content["content_notes"])
        if unacknowledged(warnings, content["acknowledged_warnings"]):
            unread.append(page)
    return unsafe, unread


def draft_content(page, drafts):
    """What bulk publishing would put live, as stored: the body's raw blocks,
    the content notes and the warnings she accepted."""
    revision = drafts.get(page.latest_revision_id)
    if revision is None:  # never saved through a revision: its own row
        page = page.specific
        return {
            "body": page.body.raw_data,
            "content_notes": page.content_notes,
            "acknowledged_warnings": page.acknowledged_warnings,
        }
    return {
        "body": json.loads(revision.content["body"]),
        "content_notes": revision.content.get("content_notes", []),
        "acknowledged_warnings": revision.content.get("acknowledged_warnings", []),
    }


@hooks.register("before_bulk_action")
def refuse_unsafe_bulk_publish(request, action_type, objects, action):
    """Bulk publishing skips the editor's validation; hold it to the same rule."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages += page.get_descendants().not_live()
    unsafe, unread = held_back(pages)
    if not (unsafe or unread):
        return None
    if unsafe:
        messages.error(
            request,
            "Nothing was published. These articles have a vignette that is not "
            "yet labelled, disclaimed and confirmed as de-identified: "
            + titles(unsafe)
            + ". Open each one in the editor to finish it.",
        )
    if unread:
        messages.error(
            request,
            "Nothing was published. These articles have warnings you have not "
            "read for this version: "
            + titles(unread)
            + ". Open each one in the editor, read them and publish it there.",
        )
    return redirect(action.next_url)


def titles(pages):
    return ", ".join(f"“{page.get_admin_display_title()}”" for page in pages)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_on_publish(request, page):
    """The editor shows the identifier and safe-messaging warnings while she
    works; a publish leaves the editor, so they come along as messages."""
    if "action-publish" not in request.POST or not isinstance(page, ArticlePage):
        return
    for warning in page.acknowledged_warnings:  # found by the form's check
        messages.warning(request, warning)


@hooks.register(SUBSCRIPTION_TOPICS)
def article_topics():
    """What readers may subscribe to: the topics of live, public articles."""
    return topics_of(ArticlePage.objects.live().public())


class SeriesViewSet(SnippetViewSet):
    """Articles to read in order; each shows "Part 2 of 3 in <series>"."""

    model = Series
    icon = "list-ol"
    menu_label = "Series"
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["title", "slug"]


register_snippet(SeriesViewSet)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(PUBLISHED_WITH_WARNINGS)
    class PublishedWithWarnings(LogFormatter):
        label = "Publish after reading the warnings"

        def format_message(self, log_entry):
            warnings = log_entry.data.get("warnings", [])
            return f"{ACKNOWLEDGE_LABEL}: " + " ".join(warnings)
