from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler


class LivePageLinkHandler(PageLinkHandler):
    """Internal page links that readers can follow, and only those.

    A link to a page that is unpublished or deleted keeps its words but loses
    its address (`<a>` without `href` is plain text to browsers and screen
    readers), so no reader lands on a 404 from one of the therapist's own
    "see my article" pointers. It comes back by itself once the page is live.
    Pages are fetched by Wagtail's own `get_many`.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.localized.url)}">'
            if page is not None and page.live
            else "<a>"
            for page in cls.get_many(attrs_list)
        ]
