"""Keep the search index, the vignette library and imported articles' old
addresses in step with the articles, and email a new one to subscribers.

Deleting an article needs no handler of its own: Wagtail unpublishes it
first, and its library entries would go with it anyway (on_delete).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.log_actions import log
from wagtail.models import PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from blog.library import Vignette, catalogue
from blog.models import ArticlePage
from blog.warnings import PUBLISHED_WITH_WARNINGS
from subscriptions.tasks import queue_mailing


def article_published(sender, instance, revision=None, **kwargs):
    """Index it again once its topics are saved (Wagtail indexes a page as its
    row is saved, just before its topics), and list its vignettes."""
    index.insert_or_update_object(instance)
    catalogue(instance)
    if instance.live and instance.acknowledged_warnings:
        # Her reading of the warnings, in the page's history with their text.
        log(
            instance=instance,
            action=PUBLISHED_WITH_WARNINGS,
            user=revision.user if revision else None,
            revision=revision,
            data={"warnings": instance.acknowledged_warnings},
        )
    # Wagtail also sends this when a publish is only scheduled, with both
    # times still empty: that is not the article going live.
    if instance.live and instance.first_published_at == instance.last_published_at:
        # Its first publication: an imported article's old address now
        # leads somewhere, and subscribers hear of it. Later ones leave the
        # therapist's redirects be, and are never emailed.
        instance.redirect_original_address()
        if instance.email_subscribers:
            email_subscribers(instance)


def email_subscribers(article):
    url = article.get_full_url()
    if url is None:  # not under any site: nowhere to send readers
        return
    queue_mailing(
        article,
        title=article.title,
        content_note=article.content_note,
        crisis_note=article.names_crisis,
        summary=article.summary_text,
        url=url,
        site_url=article.get_site().root_url,
        topic_ids=[topic.pk for topic in article.tags.all()],
        clinician_ids=[author.pk for author in article.author_list],
    )


def article_unpublished(sender, instance, **kwargs):
    """Also sent just before a live article is deleted, while its row still
    says live, so entries are dropped rather than rebuilt."""
    Vignette.objects.filter(article_id=instance.pk).delete()


def catalogue_under(page):
    """Re-catalogue every article at or below `page`: its place or privacy
    changed, and with it who may read them."""
    catalogue(
        *ArticlePage.objects.descendant_of(page, inclusive=True).prefetch_related(
            "tags"
        )
    )


def page_moved(sender, instance, **kwargs):
    catalogue_under(instance)


def privacy_added(sender, instance, **kwargs):
    catalogue_under(instance.page)


def privacy_removed(sender, instance, origin=None, **kwargs):
    """Only when the restriction itself was removed. When a page is deleted
    its restrictions go first, and re-cataloguing its articles then would
    list pages that are about to disappear."""
    if isinstance(origin, PageViewRestriction) or getattr(origin, "model", None) is (
        PageViewRestriction
    ):
        catalogue_under(instance.page)


def connect():
    page_published.connect(article_published, sender=ArticlePage)
    page_unpublished.connect(article_unpublished, sender=ArticlePage)
    post_page_move.connect(page_moved)
    post_save.connect(privacy_added, sender=PageViewRestriction)
    post_delete.connect(privacy_removed, sender=PageViewRestriction)
