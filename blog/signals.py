from wagtail.search import index
from wagtail.signals import page_published


def reindex_with_topics(sender, instance, **kwargs):
    """Index a published article again once its topics are saved.

    Wagtail indexes a page as its row is saved, and the page's topics are saved
    just after it; without this a newly added topic is not searchable until the
    next publish.
    """
    index.insert_or_update_object(instance)


def connect():
    from blog.models import ArticlePage

    page_published.connect(reindex_with_topics, sender=ArticlePage)
