"""Plain factory functions: each builds real rows with sensible defaults."""

import itertools
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from base.models import AboutMe
from blog.library import VignetteIndexPage
from blog.models import ArticlePage, ArticleRelatedPage, BlogIndexPage

_counter = itertools.count(1)
# An article's blocks when its introduction runs on under a heading of its own,
# as generated and imported articles do.
SECTIONED_BODY = [
    "intro",
    "heading",
    "paragraph",
    "vignette",
    "conclusion",
    "getting_help",
    "about_me",
]


def make_superuser(username="editor", password="a-long-test-password"):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.com", password
    )


def make_about_me(**kwargs):
    fields = {
        "name": "Robin Alder",
        "credentials": "LMHC",
        "bio": "<p>I help adults untangle old patterns.</p>",
        "specialties": "Grief\nAnxiety",
        "modalities": "Person-centred therapy",
        "location": "Albany, New York",
        "phone": "(518) 555-0199",
        "email": "robin@example.com",
        "website": "https://example.com/robin/",
        "booking_url": "https://example.com/robin/book/",
    } | kwargs
    about_me = AboutMe(**fields, live=False)
    about_me.save()
    about_me.save_revision().publish()
    about_me.refresh_from_db()
    return about_me


def make_image(title="Quiet room"):
    return Image.objects.create(title=title, file=get_test_image_file())


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def make_blog_index():
    blog = BlogIndexPage.objects.filter(slug="blog").first()
    if blog is None:
        blog = BlogIndexPage(title="Blog", slug="blog")
        home_page().add_child(instance=blog)
        blog.save_revision().publish()
    return blog


def make_vignette_library():
    library = VignetteIndexPage.objects.first()
    if library is None:
        library = VignetteIndexPage(title="Vignettes", slug="vignettes")
        home_page().add_child(instance=library)
        library.save_revision().publish()
    return library


def vignette_value(**kwargs):
    return {
        "kind": "fictional",
        "title": "Iris and the borrowed umbrella",
        "disclaimer": "Iris is invented for this article.",
        "people": ["Iris"],
        "deidentified": True,
        "body": [("paragraph", "<p>Iris kept apologising for being early.</p>")],
    } | kwargs


def article_body(about_me=None, **parts):
    """The five-part shape every article shares."""
    body = [
        ("intro", parts.get("intro", "<p>An idea worth explaining.</p>")),
        ("vignette", vignette_value()),
        ("conclusion", parts.get("conclusion", "<p>What we learned.</p>")),
        ("getting_help", {"text": parts.get("getting_help", "")}),
    ]
    if about_me is not None:
        body.append(("about_me", about_me))
    return body


def make_articles(count, start=date(2026, 1, 1), **kwargs):
    """`count` articles titled "Dated 0" (oldest) upwards, a day apart."""
    return [
        make_article(title=f"Dated {i}", date=start + timedelta(days=i), **kwargs)
        for i in range(count)
    ]


def make_article(parent=None, tags=(), related=(), publish=True, **kwargs):
    """An ArticlePage under the blog index, published through a revision the
    way the editor does it."""
    n = next(_counter)
    fields = {
        "title": f"Article {n}",
        "slug": f"article-{n}",
        "summary": f"Summary of article {n}.",
        "body": article_body(),
    } | kwargs
    page = ArticlePage(**fields, live=False)
    (parent or make_blog_index()).add_child(instance=page)
    page.tags.set(list(tags))
    # In the editor's order, as the admin's inline form saves it.
    page.related_links = [
        ArticleRelatedPage(page=other, sort_order=place)
        for place, other in enumerate(related)
    ]
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
