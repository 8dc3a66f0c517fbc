"""Topics in the admin (/admin/topics/): each with its article count,
renamed or merged into another. Imports bring near-duplicates ("Getting
Started", "Starting therapy"); merging moves every article, every subscriber
and the vignette library to the topic kept, redirects the old topic's
address (and its feed) there, and clears the caches by deleting the old
topic."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from blog.library import Vignette
from blog.models import ArticlePage, ArticlePageTag, BlogIndexPage
from subscriptions.models import Subscriber

PERMISSION = "taggit.change_tag"


def may_edit_topics(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def article_topics():
    """The articles' topics (never images' or documents' tags), with counts."""
    return (
        Tag.objects.filter(blog_articlepagetag_items__isnull=False)
        .annotate(article_count=Count("blog_articlepagetag_items", distinct=True))
        .order_by("name")
    )


class RenameForm(forms.Form):
    name = forms.CharField(max_length=100, label="New name")

    def __init__(self, *args, topic, **kwargs):
        super().__init__(*args, **kwargs)
        self.topic = topic

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        slug = slugify(name)
        if not slug:
            raise forms.ValidationError("Use letters or numbers in the name.")
        clash = Tag.objects.exclude(pk=self.topic.pk).filter(name__iexact=name).first()
        clash = clash or Tag.objects.exclude(pk=self.topic.pk).filter(slug=slug).first()
        if clash:
            raise forms.ValidationError(
                f"There is a topic called “{clash.name}” already: merge into it "
                "instead."
            )
        return name


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Tag.objects.none(), label="Merge into")

    def __init__(self, *args, topic, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = article_topics().exclude(pk=topic.pk)


def redirect_topic(old_slug, new_slug):
    """Each blog's old topic address, and its feed, now leads to the new."""
    for blog in BlogIndexPage.objects.live():
        site_id, _root, path = blog.get_url_parts() or (None, None, None)
        if path is None:
            continue
        for route in ("topics/{}/", "topics/{}/feed/"):
            old_path = Redirect.normalise_path(path + route.format(old_slug))
            Redirect.objects.filter(old_path=old_path, site=None).delete()
            Redirect.add_redirect(
                old_path, redirect_to=blog, page_route_path=route.format(new_slug)
            )


def rename_topic(topic, name):
    with transaction.atomic():
        old_slug = topic.slug
        topic.name, topic.slug = name, slugify(name)
        topic.save()  # cms/signals.py clears the caches
        if topic.slug != old_slug:
            redirect_topic(old_slug, topic.slug)


def merge_topics(source, target):
    """Every article, subscriber and library vignette of `source` moves to
    `target`, drafts' revisions included; then `source` is deleted."""
    with transaction.atomic():
        moved = move_rows(ArticlePageTag.objects, "content_object", source, target)
        move_rows(Subscriber.topics.through.objects, "subscriber", source, target)
        move_rows(Vignette.topics.through.objects, "vignette", source, target)
        move_in_revisions(source, target)
        redirect_topic(source.slug, target.slug)
        source.delete()  # cms/signals.py clears the caches
    return moved


def move_rows(rows, owner, source, target):
    """Point the rows that tag something with `source` at `target`, in two
    queries, dropping those whose owner has `target` already; how many
    owners moved."""
    have = rows.filter(tag=target).values(owner)
    rows.filter(tag=source, **{f"{owner}__in": have}).delete()
    return rows.filter(tag=source).update(tag=target)


def move_in_revisions(source, target):
    """Drafts keep their topics in their latest revisions: point those at
    the topic kept, so publishing a draft later cannot bring the old one
    back."""
    revisions = Revision.objects.filter(
        pk__in=ArticlePage.objects.values("latest_revision_id")
    )
    for revision in revisions.iterator():
        items = revision.content.get("tagged_items") or []
        if not any(item.get("tag") == source.pk for item in items):
            continue
        seen, kept = set(), []
        for item in items:
            tag = target.pk if item.get("tag") == source.pk else item.get("tag")
            if tag not in seen:
                seen.add(tag)
                kept.append({**item, "tag": tag})
        revision.content["tagged_items"] = kept
        revision.save(update_fields=["content"])


def topics_view(request):
    if not may_edit_topics(request.user):
        raise PermissionDenied
    # One query for the list: each row's merge choices are the other rows.
    return TemplateResponse(
        request, "blog/admin/topics.html", {"topics": list(article_topics())}
    )


def rename_view(request, pk):
    if not may_edit_topics(request.user) or request.method != "POST":
        raise PermissionDenied
    topic = get_object_or_404(Tag, pk=pk)
    form = RenameForm(request.POST, topic=topic)
    if form.is_valid():
        old = topic.name
        rename_topic(topic, form.cleaned_data["name"])
        messages.success(request, f"“{old}” is now called “{topic.name}”.")
    else:
        messages.error(request, " ".join(form.errors["name"]))
    return redirect(reverse("blog_topics"))


def merge_view(request, pk):
    if not may_edit_topics(request.user) or request.method != "POST":
        raise PermissionDenied
    topic = get_object_or_404(Tag, pk=pk)
    form = MergeForm(request.POST, topic=topic)
    if not form.is_valid():
        messages.error(request, "Choose the topic to merge into.")
        return redirect(reverse("blog_topics"))
    target = form.cleaned_data["into"]
    name = topic.name
    count = merge_topics(topic, target)
    messages.success(
        request,
        f"“{name}” is merged into “{target.name}”: {count} article"
        f"{'' if count == 1 else 's'} moved, and its address now leads there.",
    )
    return redirect(reverse("blog_topics"))
