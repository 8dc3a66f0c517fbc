"""Every change a reader could see clears the page cache (cms/page_cache.py)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from base.models import AboutMe
from base.signals import content_replaced
from blog.series import Series, SeriesArticle
from cms.page_cache import content_changed


def page_changed(sender, instance, **kwargs):
    content_changed([instance])


def page_moved(sender, instance, url_path_before, **kwargs):
    # A CDN still holds the page, and what is under it, at the old address.
    content_changed([instance], old_url_path=url_path_before)


def other_change(sender, **kwargs):
    content_changed()


def snippet_changed(sender, instance, **kwargs):
    """Wagtail sends these for pages too, after page_published and
    page_unpublished, which have already made the change visible."""
    if not isinstance(instance, Page):
        content_changed()


def edited(sender, created=False, **kwargs):
    """A new topic or image shows nowhere until a page using it is published."""
    if not created:
        content_changed()


def connect():
    """Receivers for the models readers see, by sender: a receiver for every
    model would stop Django deleting rows in bulk anywhere else. A live page
    is unpublished before it is deleted, so deleting one sends
    page_unpublished; a draft was never seen."""
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed)
    post_page_move.connect(page_moved)
    content_replaced.connect(other_change)
    # Snippets (the about-me) are seen by readers once published.
    for signal in (published, unpublished):
        signal.connect(snippet_changed)
    post_delete.connect(other_change, sender=AboutMe)
    settings = [
        model
        for model in apps.get_models()
        if issubclass(model, BaseGenericSetting | BaseSiteSetting)
    ]
    # A series and its order show on each of its articles.
    for model in (*settings, Site, PageViewRestriction, Series, SeriesArticle):
        post_save.connect(other_change, sender=model)
        post_delete.connect(other_change, sender=model)
    for model in (Tag, get_image_model()):
        post_save.connect(edited, sender=model)
        post_delete.connect(other_change, sender=model)
