from urllib.parse import urljoin

from django import template
from django.utils import translation
from wagtail.models import Site
from wagtail.rich_text import get_text_for_indexing

from base.models import AboutMe, SharingSettings
from base.text import first_sentences
from blog.models import ArticlePage, BlogIndexPage
from home import structured_data
from home.models import HomePage, StandardPage

register = template.Library()

SHARE_IMAGE = "fill-1200x630"


def page_description(page, sharing):
    """The page's own description, else its summary or the start of its
    introduction, else the site's."""
    if page is not None:
        if page.search_description:
            return page.search_description
        if isinstance(page, ArticlePage):
            return page.summary_text
        intro = getattr(page, "intro", "")
        if intro and get_text_for_indexing(intro):
            return first_sentences(get_text_for_indexing(intro))
    return sharing.description


def canonical_url(request, root_url):
    """This page's address on the site's own domain, keeping only a listing's
    page number: ?topic=, ?q= and tracking parameters make no new page."""
    url = root_url + request.path
    number = request.GET.get("page", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if number.isdecimal() and int(number) > 1:
        return f"{url}?page={int(number)}"
    return url


def find_blog(context, site):
    """The blog whose feeds this page advertises, fetched only where the page
    has not already got it."""
    page = context.get("page")
    if isinstance(page, BlogIndexPage):
        return page
    if context.get("blog"):
        return context["blog"]
    return BlogIndexPage.for_site(site)


def feeds(context, site):
    blog = find_blog(context, site)
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
    is_article = isinstance(page, ArticlePage)
    image = page.image if is_article and page.image else sharing.default_image
    rendition = image.get_rendition(SHARE_IMAGE) if image else None
    image_url = urljoin(root_url, rendition.url) if rendition else None
    url = canonical_url(request, root_url)
    meta = {
        "title": context.get("meta_title") or (page and (page.seo_title or page.title)),
        "description": context.get("meta_description")
        or page_description(page, sharing),
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
    if is_article:
        about = (
            next(
                (b.value for b in page.body if b.block_type == "about_me" and b.value),
                None,
            )
            or AboutMe.get_default()
        )
        meta["json_ld"] = structured_data.as_script(
            structured_data.blog_posting(page, url, about, root_url + "/", image_url)
        )
    elif isinstance(page, StandardPage) and page.questions:
        meta["json_ld"] = structured_data.as_script(
            structured_data.faq_page(page.questions, url)
        )
    elif isinstance(page, HomePage) and context.get("about_me"):
        about = context["about_me"]
        photo = about.photo.get_rendition("fill-400x400") if about.photo else None
        meta["json_ld"] = structured_data.as_script(
            structured_data.practice(
                about,
                meta["site_name"],
                root_url + "/",
                urljoin(root_url, photo.url) if photo else image_url,
            )
        )
    return meta
