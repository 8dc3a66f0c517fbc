import json

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Revision

from blog.models import ArticlePage
from vignettes.blocks import publish_problems
from vignettes.identifiers import identifier_warnings


def unsafe_articles(pages):
    """The articles among `pages` whose latest draft would put a vignette live
    without its kind, disclaimer or de-identification confirmation.

    Reads each draft's stored body as it is, one query for all of them, where
    rebuilding each page from its revision would cost two queries a page.
    """
    article_type = ContentType.objects.get_for_model(ArticlePage)
    articles = [page for page in pages if page.content_type_id == article_type.pk]
    drafts = Revision.objects.in_bulk([page.latest_revision_id for page in articles])
    return [
        page
        for page in articles
        if any(
            block["type"] == "vignette" and publish_problems(block["value"])
            for block in draft_body(page, drafts)
        )
    ]


def draft_body(page, drafts):
    """The body bulk publishing would put live, as stored."""
    revision = drafts.get(page.latest_revision_id)
    if revision is None:  # never saved through a revision: its own row
        return page.specific.body.raw_data
    return json.loads(revision.content["body"])


@hooks.register("before_bulk_action")
def refuse_unsafe_bulk_publish(request, action_type, objects, action):
    """Bulk publishing skips the editor's validation; hold it to the same rule."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages += page.get_descendants().not_live()
    titles = [page.get_admin_display_title() for page in unsafe_articles(pages)]
    if not titles:
        return None
    messages.error(
        request,
        "Nothing was published. These articles have a vignette that is not yet "
        "labelled, disclaimed and confirmed as de-identified: "
        + ", ".join(f"“{title}”" for title in titles)
        + ". Open each one in the editor to finish it.",
    )
    return redirect(action.next_url)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_identifiers_on_publish(request, page):
    """The editor shows the warnings while she works; a publish leaves the
    editor, so they come along as a message."""
    if "action-publish" not in request.POST or not isinstance(page, ArticlePage):
        return
    for warning in identifier_warnings(page.body):
        messages.warning(request, warning)
