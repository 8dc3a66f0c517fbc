"""RSS and Atom feeds of the blog, and of each topic, with the full articles."""

from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import feedgenerator
from django.utils.html import escape
from wagtail.rich_text import get_text_for_indexing

from base.models import AboutMe
from base.text import join_words

FEED_LENGTH = 20


@dataclass
class FeedSource:
    blog: object
    topic: object = None
    author: object = None


URL_ATTRIBUTES = ("href", "src")


def absolute_html(html, base_url):
    """The HTML with every link, image and srcset made absolute, since a feed
    reader shows it away from the site, where "/blog/..." means nothing."""
    soup = BeautifulSoup(html, "html.parser")
    for attribute in URL_ATTRIBUTES:
        for tag in soup.find_all(attrs={attribute: True}):
            tag[attribute] = urljoin(base_url, tag[attribute])
    for tag in soup.find_all(srcset=True):
        candidates = (part.strip().split(" ", 1) for part in tag["srcset"].split(","))
        tag["srcset"] = ", ".join(
            " ".join([urljoin(base_url, url), *rest]) for url, *rest in candidates
        )
    return str(soup)


class ContentRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with each article's full HTML in <content:encoded>."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class ContentAtomFeed(feedgenerator.Atom1Feed):
    """Atom with each article's full HTML in <content type="html">."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class ArticleFeed(Feed):
    """The newest articles of a blog, or of one of its topics."""

    feed_type = ContentRssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, blog, topic=None, author=None):
        """What the feed lists: a blog's articles, or a topic's, or one
        clinician's (`author`, linked from their profile on the team)."""
        self.practice = AboutMe.get_default()
        self.author = author or self.practice
        return FeedSource(blog, topic, author)

    def title(self, obj):
        site = obj.blog.get_site()
        name = site.site_name if site and site.site_name else obj.blog.title
        narrower = obj.topic or obj.author
        return f"{name}: {narrower.name}" if narrower else name

    def link(self, obj):
        if obj.topic:
            return obj.blog.route_url(self.request, "topic", obj.topic.slug)
        if obj.author:
            # The feed lives at <profile>/feed/ or <profile>/feed/atom/.
            path = self.request.path.split("/feed/")[0] + "/"
            return self.request.build_absolute_uri(path)
        return obj.blog.get_full_url(self.request)

    def description(self, obj):
        if obj.topic:
            return f"Articles about {obj.topic.name}."
        if obj.author:
            return f"Articles by {obj.author.name}."
        return (
            get_text_for_indexing(obj.blog.intro) or f"Articles from {obj.blog.title}."
        )

    def feed_url(self, obj):
        return self.request.build_absolute_uri(self.request.path)

    def author_name(self, obj):
        return self.author.name if self.author else None

    def items(self, obj):
        articles = obj.blog.articles()
        if obj.topic:
            articles = articles.filter(tags=obj.topic)
        if obj.author:
            articles = articles.by(obj.author)
        stream_block = articles.model._meta.get_field("body").stream_block
        # Each author's bio lists their licences.
        articles = articles.prefetch_related("authors__clinician__licences")
        articles = list(articles[:FEED_LENGTH])
        # Each body would fetch its own about-me snippet and images; converted
        # together, the whole feed fetches each kind of block's rows once.
        bodies = stream_block.bulk_to_python([a.body.raw_data for a in articles])
        for article, body in zip(articles, bodies, strict=True):
            article.body = body
        # The bios chosen in the about-me parts, with their licences, in one
        # query.
        chosen = [
            block.value
            for body in bodies
            for block in body
            if block.block_type == "about_me" and block.value
        ]
        prefetch_related_objects(chosen, "licences")
        return articles

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        # RSS description and Atom summary are HTML: the summary is text.
        return escape(item.summary_text)

    def item_author_name(self, item):
        """Its authors where it names them, else the practice's therapist."""
        names = [author.name for author in item.author_list]
        return join_words(names) if names else self.author_name(None)

    def item_author_link(self, item):
        author = item.author_list[0] if item.author_list else self.author
        return (author and author.website) or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [tag.name for tag in item.topics]

    def item_extra_kwargs(self, item):
        html = render_to_string(
            "blog/includes/article_body.html",
            {"page": item, "contact": self.practice},
            request=self.request,
        )
        return {"content": absolute_html(html, self.item_link(item))}


class AtomArticleFeed(ArticleFeed):
    feed_type = ContentAtomFeed
    subtitle = ArticleFeed.description
