"""A one-of-a-kind page takes its place among the site's pages by itself."""

from base.models import SitePages


def one_of_a_kind(model):
    return model.max_count == 1 or model.max_count_per_parent == 1


def fill_site_page(sender, instance, **kwargs):
    """The first live blog, subscribe or consultation page saved on a site
    fills its empty place in SitePages, so a new site needs no setting
    chosen; a place already filled is the therapist's choice and stays."""
    roles = getattr(sender, "site_pages", ())
    if not roles or not instance.live or not one_of_a_kind(sender):
        return
    site = instance.get_site()
    if site is None:
        return
    pages = SitePages.for_site(site)
    empty = [f"{role}_page" for role in roles if not getattr(pages, f"{role}_page_id")]
    if empty:
        for field in empty:
            setattr(pages, field, instance)
        pages.save(update_fields=empty)
