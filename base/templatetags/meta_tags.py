from urllib.parse import urljoin

from django import template
from django.utils import translation
from wagtail.models import Site

from base import structured_data
from base.meta import PageMeta
from base.models import SharingSettings, SitePages

register = template.Library()

SHARE_IMAGE = "fill-1200x630"


def canonical_url(request, root_url):
    """This page's address on the site's own domain, keeping only a listing's
    page number: ?topic=, ?q= and tracking parameters make no new page."""
    url = root_url + request.path
    number = request.GET.get("page", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if number.isdecimal() and int(number) > 1:
        return f"{url}?page={int(number)}"
    return url


def the_blog(context):
    """The site's blog, looked up only where the page is not the blog and
    has not got it already (the home page has)."""
    page = context.get("page")
    if page is not None and "blog" in getattr(page, "site_pages", ()):
        return page
    return context.get("blog") or SitePages.find(context["request"], "blog")


def feeds(context, site):
    """The blog's feeds, and a topic's on the blog's topic pages."""
    blog = the_blog(context)
    if blog is None:
        return []
    links = [
        ("application/rss+xml", f"{blog.title} (RSS)", "feed", []),
        ("application/atom+xml", f"{blog.title} (Atom)", "atom_feed", []),
    ]
    topic = context.get("topic")
    if topic is not None and context.get("page") == blog:
        links.append(
            ("application/rss+xml", f"{topic.name} (RSS)", "topic_feed", [topic.slug])
        )
    request = context["request"]
    return [
        (kind, title, blog.route_url(request, name, *args))
        for kind, title, name, args in links
    ]


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Description, canonical address, link-preview cards, feed links and
    structured data for the page being rendered."""
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/")[:-1]
    sharing = SharingSettings.load(request_or_site=request)
    # A page of another app (Wagtail's own root, say) has nothing of its own.
    own = page if isinstance(page, PageMeta) else PageMeta()
    is_article = own.is_article
    image = own.sharing_image() or sharing.default_image
    rendition = image.get_rendition(SHARE_IMAGE) if image else None
    image_url = urljoin(root_url, rendition.url) if rendition else None
    url = canonical_url(request, root_url)
    meta = {
        "title": context.get("meta_title") or (page and (page.seo_title or page.title)),
        "description": context.get("meta_description")
        or (page is not None and own.meta_description())
        or sharing.description,
        "url": url,
        "site_name": site.site_name if site else "",
        "locale": translation.to_locale(translation.get_language()),
        "image": rendition,
        "image_url": image_url,
        "image_alt": image.default_alt_text if image else "",
        "noindex": context.get("noindex", False),
        "is_article": is_article,
        "article": page if is_article else None,
        "feeds": feeds(context, site),
    }
    # A routable page's own view (a clinician's profile) may give its own.
    data = context.get("structured_data", own.structured_data)(
        {
            "url": url,
            "home_url": root_url + "/",
            "site_name": meta["site_name"],
            "image_url": image_url,
            "request": request,
        }
    )
    if data:
        meta["json_ld"] = structured_data.as_script(data)
    return meta
