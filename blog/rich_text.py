from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from blog.page_links import pages_by_id


class LivePageLinkHandler(PageLinkHandler):
    """Internal page links that readers can follow, and only those.

    A link to a page that is unpublished or deleted keeps its words but loses
    its address (`<a>` without `href` is plain text to browsers and screen
    readers), so no reader lands on a 404 from one of the therapist's own
    "see my article" pointers. It comes back by itself once the page is live.
    """

    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = pages_by_id(ids)
        return [pages.get(id_) for id_ in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.localized.url)}">'
            if page is not None and page.live
            else "<a>"
            for page in cls.get_many(attrs_list)
        ]
