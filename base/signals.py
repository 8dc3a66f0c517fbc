from django.dispatch import Signal

# Sent by what changes content in bulk, without Wagtail's own signals (a
# restore, generated articles), so that the page cache (cms/) is cleared.
content_replaced = Signal()
