"""Sent when an address asks to subscribe (SubscribePage.accept), so the
page need not import the sending: the tasks module, which sends the
confirmation, imports the models."""

from django.dispatch import Signal

# Sent with subscriber, topic_slugs (the topics chosen) and site_url.
confirmation_asked = Signal()
