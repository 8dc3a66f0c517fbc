from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from blog.models import ArticlePage
from vignettes.blocks import publish_problems
from vignettes.identifiers import identifier_warnings


def lacks_safeguards(page):
    """Whether publishing this page's latest draft would put a vignette live
    without its kind, disclaimer or de-identification confirmation."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        return False
    revision = page.get_latest_revision()
    article = revision.as_object() if revision else page
    return any(
        publish_problems(block.value)
        for block in article.body
        if block.block_type == "vignette"
    )


@hooks.register("before_bulk_action")
def refuse_unsafe_bulk_publish(request, action_type, objects, action):
    """Bulk publishing skips the editor's validation; hold it to the same rule."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages += page.get_descendants().not_live()
    titles = [
        page.get_admin_display_title() for page in pages if lacks_safeguards(page)
    ]
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
