"""The topics a reader may choose. Articles, and so their topics, belong to
a layer above this one: the blog registers a function for the
`subscription_topics` hook that returns them as a queryset of taggit tags."""

from taggit.models import Tag
from wagtail import hooks

HOOK = "subscription_topics"


def topic_choices():
    for topics in hooks.get_hooks(HOOK):
        return topics()
    return Tag.objects.none()
