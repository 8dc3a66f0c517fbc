"""What a page tells search engines and link previews.

Every page type of the site mixes this in and overrides what it has of its
own, so the meta tag (base/templatetags/meta_tags.py) asks every page the
same questions and knows none of their types.
"""

from wagtail.rich_text import get_text_for_indexing

from base.text import first_sentences


class PageMeta:
    #: Shown as og:type; an article also gets article:* tags.
    is_article = False

    def meta_description(self):
        """The page's own description, else the start of its introduction;
        "" leaves the site's description to the tag."""
        if getattr(self, "search_description", ""):
            return self.search_description
        intro = get_text_for_indexing(getattr(self, "intro", "") or "")
        return first_sentences(intro) if intro else ""

    def sharing_image(self):
        """The picture a shared link shows, or None for the site's default."""
        return None

    def structured_data(self, meta):
        """Schema.org JSON-LD data for this page, or None. `meta` holds the
        page's canonical `url`, the site's `home_url` and `site_name`, the
        sharing `image_url` and the `request`."""
        return None
