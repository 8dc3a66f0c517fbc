"""The page cache: readers get stored pages, and every change an editor makes
is on the very next request, on every page that shows it."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from base.models import (
    AboutMe,
    GettingHelpSettings,
    SharingSettings,
)
from blog.models import BlogIndexPage
from tests.factories import (
    article_body,
    home_page,
    make_about_me,
    make_article,
    make_blog_index,
    make_superuser,
    make_vignette_library,
)
from tests.forms import about_me_form, article_form, post_notices
from tests.servers import free_port
from tests.subscriptions.test_subscriptions import make_subscribe_page

pytestmark = pytest.mark.django_db

BODY = [("intro", rich_text("<p>Grief comes in waves, and each one passes.</p>"))]
# Pages that list articles by title, then every listing.
ARTICLE_LISTINGS = ["/", "/blog/", "/blog/topics/grief/", "/blog/feed/"]
LISTINGS = [*ARTICLE_LISTINGS, "/blog/topics/"]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Both layers on, as in production: every "shows at once" test below
    also proves the fragments were cleared."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def editor():
    editor = Client()
    editor.force_login(make_superuser())
    return editor


@pytest.fixture
def article(blog):
    about_me = make_about_me()
    make_vignette_library()
    return make_article(
        title="Sitting with grief", tags=["Grief"], body=article_body(about_me)
    )


def warm(reader, *urls):
    """Fetch each page twice, so the second comes from the cache."""
    for url in urls:
        reader.get(url)
        response = reader.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "hit", url


def text(reader, url):
    response = reader.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_readers_get_a_stored_page_that_browsers_check_back_on(reader, article):
    first = reader.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    second = reader.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=600"
    for url in [*LISTINGS, "/blog/feed/atom/", "/vignettes/", "/sitemap.xml"]:
        warm(reader, url)


def test_editors_search_posts_and_previews_bypass_it(reader, editor, article):
    warm(reader, article.url)
    response = editor.get(article.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert 'id="wagtail-userbar' in response.content.decode()
    for _ in range(2):
        search = reader.get("/search/?q=grief")
        assert "X-Page-Cache" not in search
        assert reader.post(article.url).get("X-Page-Cache") is None
    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200 and "X-Page-Cache" not in preview


def test_the_cache_can_be_switched_off(reader, article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    reader.get(article.url)
    assert "X-Page-Cache" not in reader.get(article.url)


def test_a_new_article_shows_at_once_in_every_listing(reader, editor, article):
    warm(reader, *LISTINGS, "/sitemap.xml", article.url)
    blog = BlogIndexPage.objects.get()
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk]),
        article_form(BODY, title="Grief at the holidays", tags="Grief")
        | {"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    for url in ARTICLE_LISTINGS:
        assert "Grief at the holidays" in text(reader, url), url
    assert "/blog/why-we-go-quiet/" in text(reader, "/sitemap-pages.xml")
    # The topic list counts it, and the article on the same topic points to it.
    assert "2 articles" in text(reader, "/blog/topics/")
    related = text(reader, article.url).split("Related articles", 1)[1]
    assert "Grief at the holidays" in related


def test_an_edit_shows_at_once_on_the_article_and_its_listings(reader, editor, article):
    warm(reader, article.url, *LISTINGS)
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form(BODY, title="Sitting with loss", slug=article.slug, tags="Grief")
        | {"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    for url in [article.url, *ARTICLE_LISTINGS]:
        html = text(reader, url)
        assert "Sitting with loss" in html and "Sitting with grief" not in html, url


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_an_unpublished_or_deleted_article_is_gone_at_once(
    reader, editor, article, action
):
    warm(reader, article.url, *LISTINGS, "/sitemap.xml")
    assert article.url in text(reader, "/sitemap-pages.xml")
    response = editor.post(reverse(f"wagtailadmin_pages:{action}", args=[article.pk]))
    assert response.status_code == 302
    assert reader.get(article.url).status_code == 404
    for url in ["/", "/blog/", "/blog/feed/"]:
        assert "Sitting with grief" not in text(reader, url), url
    assert article.url not in text(reader, "/sitemap-pages.xml")
    # Its only topic has no article left.
    assert reader.get("/blog/topics/grief/").status_code == 404


def test_a_moved_article_answers_at_its_new_address_at_once(reader, editor, article):
    archive = BlogIndexPage(title="Archive", slug="archive")
    home_page().add_child(instance=archive)
    archive.save_revision().publish()
    old_url = article.url
    warm(reader, old_url, "/blog/", "/archive/")
    response = editor.post(
        reverse("wagtailadmin_pages:move_confirm", args=[article.pk, archive.pk])
    )
    assert response.status_code == 302
    new_url = f"/archive/{article.slug}/"
    # Wagtail keeps the old address working with a permanent redirect.
    moved = reader.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, new_url)
    assert "Sitting with grief" not in text(reader, "/blog/")
    assert "Sitting with grief" in text(reader, "/archive/")
    assert "Sitting with grief" in text(reader, new_url)


def test_making_an_article_private_hides_it_at_once(reader, editor, article):
    warm(reader, article.url, "/blog/")
    response = editor.post(
        reverse("wagtailadmin_pages:set_privacy", args=[article.pk]),
        {"restriction_type": "login"},
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=article).exists()
    assert reader.get(article.url).status_code == 302  # to the login page
    assert "Sitting with grief" not in text(reader, "/blog/")


def test_an_about_me_edit_shows_at_once_on_every_article(reader, editor, article):
    warm(reader, article.url)
    about_me = AboutMe.objects.get()
    response = editor.post(
        reverse("wagtailsnippets_base_aboutme:edit", args=[about_me.pk]),
        about_me_form(about_me, bio=rich_text("<p>Now seeing couples too.</p>"))
        | {"action-publish": "1"},
    )
    assert response.status_code == 302
    assert "Now seeing couples too." in text(reader, article.url)


def test_a_getting_help_edit_shows_at_once_on_every_article(reader, editor, article):
    warm(reader, article.url)
    setting = GettingHelpSettings.load()
    response = editor.post(
        reverse(
            "wagtailsettings:edit", args=["base", "gettinghelpsettings", setting.pk]
        ),
        nested_form_data(
            {
                "heading": "Talking to someone",
                "offer": rich_text("<p>Call for a free first chat.</p>"),
                "booking_label": "Book a call",
            }
        ),
    )
    assert response.status_code == 302
    html = text(reader, article.url)
    assert "Talking to someone" in html and "Call for a free first chat." in html


def test_a_notice_edit_shows_at_once_on_every_page(reader, editor, article):
    warm(reader, article.url, *LISTINGS, "/vignettes/")
    response = post_notices(editor, "<p>In the UK, call Samaritans on 116 123.</p>")
    assert response.status_code == 302
    for url in [article.url, "/", "/blog/", "/blog/topics/grief/", "/vignettes/"]:
        assert "Samaritans on 116 123" in text(reader, url), url


def test_a_sharing_settings_edit_shows_at_once(reader, editor, article):
    warm(reader, "/")
    pk = SharingSettings.load().pk
    response = editor.post(
        reverse("wagtailsettings:edit", args=["base", "sharingsettings", pk]),
        {"description": "Gentle articles about therapy.", "default_image": ""},
    )
    assert response.status_code == 302
    assert "Gentle articles about therapy." in text(reader, "/")


def test_a_menu_change_shows_at_once(reader, editor, article):
    warm(reader, "/")
    blog = BlogIndexPage.objects.get()
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[blog.pk]),
        nested_form_data(
            {
                "title": "Writing",
                "slug": "blog",
                "intro": rich_text(""),
                "show_in_menus": "on",
            }
        )
        | {"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    nav = text(reader, "/").split("<nav", 1)[1].split("</nav>", 1)[0]
    assert "Writing" in nav


class RecordingBackend(BaseBackend):
    """A CDN that notes each batch of addresses it is told to purge."""

    batches = []

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        self.batches.append(set(urls))


@pytest.fixture
def cdn(settings):
    """A configured CDN, and the batches it has been told to purge."""
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.batches.clear()
    return RecordingBackend.batches


ROOT = "http://localhost"


def test_a_cdn_is_purged_of_the_article_and_every_listing(
    editor, article, cdn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailadmin_pages:unpublish", args=[article.pk])
        )
    assert response.status_code == 302
    purged = set().union(*cdn)
    assert {
        f"{ROOT}{article.url}",
        f"{ROOT}/",
        f"{ROOT}/blog/",
        f"{ROOT}/blog/topics/",
        f"{ROOT}/blog/topics/grief/",
        f"{ROOT}/blog/feed/",
        f"{ROOT}/sitemap.xml",
        f"{ROOT}/sitemap-pages.xml",
    } <= purged


@pytest.mark.django_db(transaction=True)
def test_a_cdn_that_cannot_be_purged_is_named_to_the_editor(migrated_site, settings):
    """Readers of a CDN that kept the old copy would still see it: the
    editor is told which pages, on the page she is on."""
    make_blog_index()
    unpublished = make_article(title="Pulled back", body=article_body(make_about_me()))
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{free_port()}",  # nothing listens
        }
    }
    editor = Client()
    editor.force_login(make_superuser())
    response = editor.post(
        reverse("wagtailadmin_pages:unpublish", args=[unpublished.pk])
    )
    assert response.status_code == 302
    (warning,) = [
        str(m) for m in get_messages(response.wsgi_request) if "CDN" in str(m)
    ]
    assert f"{ROOT}{unpublished.url}" in warning
    assert "for up to 10 minutes" in warning


def test_deleting_the_blog_purges_the_cdn_once(
    editor, article, cdn, django_capture_on_commit_callbacks
):
    """Each article deleted with the blog is unpublished, one signal each; the
    whole site is still swept once, with the addresses they had."""
    others = [make_article(tags=["Sleep"]) for _ in range(3)]
    blog = BlogIndexPage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("wagtailadmin_pages:delete", args=[blog.pk]))
    assert response.status_code == 302
    sweeps = [batch for batch in cdn if f"{ROOT}/sitemap.xml" in batch]
    assert len(sweeps) == 1
    (sweep,) = sweeps
    assert {f"{ROOT}{page.url}" for page in [article, *others]} <= sweep
    assert {f"{ROOT}/blog/topics/grief/", f"{ROOT}/blog/topics/sleep/"} <= sweep


def test_a_moved_article_is_purged_at_its_old_address(
    editor, article, cdn, django_capture_on_commit_callbacks
):
    archive = BlogIndexPage(title="Archive", slug="archive")
    home_page().add_child(instance=archive)
    archive.save_revision().publish()
    old_url = f"{ROOT}{article.url}"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailadmin_pages:move_confirm", args=[article.pk, archive.pk])
        )
    assert response.status_code == 302
    purged = set().union(*cdn)
    assert {old_url, f"{ROOT}/archive/{article.slug}/", f"{ROOT}/blog/"} <= purged


def test_tracking_parameters_and_cookies_are_hits_on_the_stored_page(reader, article):
    """Only the parameters a page reads make another copy: ?utm_source=,
    ?fbclid= and junk, and any cookie a reader sends, are served the one
    already stored."""
    warm(reader, article.url)
    for query in ("?utm_source=1", "?utm_source=2&utm_medium=mail", "?fbclid=x1"):
        response = reader.get(article.url + query)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit", query
    junk = Client(HTTP_COOKIE="_ga=GA1.2.3; theme=dark")
    assert junk.get(article.url)["X-Page-Cache"] == "hit"


def test_the_parameters_a_page_reads_are_kept_apart(reader, article):
    for _ in range(12):
        make_article(tags=["Grief"])
    warm(reader, "/blog/")
    second = reader.get("/blog/?page=2&utm_source=news")
    assert second["X-Page-Cache"] == "miss"
    assert "Page 2 of 2" in second.content.decode()
    # The same page with its parameters in another order is the same copy.
    assert reader.get("/blog/?utm_campaign=x&page=2")["X-Page-Cache"] == "hit"
    assert "Page 1 of 2" in reader.get("/blog/").content.decode()


def test_a_request_with_a_session_is_never_served_a_stored_page(
    reader, editor, article
):
    warm(reader, article.url)
    response = editor.get(article.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_deploy_never_reads_what_older_code_stored(reader, article, settings):
    """Every key carries CACHE_VERSION (each checkout's commit): a
    stored page from the previous version is never served by the new one."""
    warm(reader, article.url)
    settings.CACHES = {
        alias: config | {"VERSION": "next-deploy"}
        for alias, config in settings.CACHES.items()
    }
    assert reader.get(article.url)["X-Page-Cache"] == "miss"
    assert reader.get(article.url)["X-Page-Cache"] == "hit"


def test_an_article_change_purges_the_listings_not_every_article(
    editor, article, cdn, django_capture_on_commit_callbacks
):
    """Wagtail purges the article; the site adds the pages that list it, and
    leaves the CDN's copies of unrelated articles alone."""
    with django_capture_on_commit_callbacks(execute=True):
        other = make_article(title="On sleep", tags=["Sleep"])
    cdn.clear()  # its own publish purged it
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    purged = set().union(*cdn)
    assert {f"{ROOT}/", f"{ROOT}/blog/", f"{ROOT}/vignettes/"} <= purged
    assert f"{ROOT}{other.url}" not in purged


def test_an_about_me_edit_purges_every_page(
    editor, article, cdn, django_capture_on_commit_callbacks
):
    other = make_article(title="On sleep", tags=["Sleep"])
    cdn.clear()  # its own publish purged it
    about_me = AboutMe.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailsnippets_base_aboutme:edit", args=[about_me.pk]),
            about_me_form(about_me, location="Troy, New York")
            | {"action-publish": "1"},
        )
    assert response.status_code == 302
    purged = set().union(*cdn)
    assert {f"{ROOT}{article.url}", f"{ROOT}{other.url}", f"{ROOT}/"} <= purged


def test_a_stored_page_costs_one_query(reader, article, django_assert_num_queries):
    """A hit is answered before the session, the user or the page is looked
    up: besides the cache, only the content's generation is read."""
    warm(reader, article.url, "/blog/")
    urls = (article.url, "/blog/", article.url + "?utm_source=mail")
    with django_assert_num_queries(len(urls)) as queries:
        for url in urls:
            assert reader.get(url)["X-Page-Cache"] == "hit"
    assert all("base_contentgeneration" in q["sql"] for q in queries.captured_queries)


def test_junk_page_numbers_are_the_first_page_stored_once(reader, article):
    warm(reader, "/blog/")
    for query in ("?page=1", "?page=x1", "?page=x2", "?page=%C2%B2"):
        assert reader.get("/blog/" + query)["X-Page-Cache"] == "hit", query


def test_a_readers_tracking_parameters_never_reach_another_readers_links(
    reader, article
):
    """A click id in the first reader's address is not kept in the stored
    page's (or fragment's) links for the next reader."""
    for _ in range(12):
        make_article(tags=["Grief"])
    for url in ("/blog/?fbclid=reader-one", "/blog/topics/grief/?utm_source=x"):
        first = reader.get(url).content.decode()
        again = reader.get(url.split("?")[0]).content.decode()
        for html in (first, again):
            assert 'href="?page=2" rel="next"' in html, url
            assert "fbclid" not in html and "utm_source" not in html


def test_with_the_page_cache_off_the_fragments_still_show_a_change_at_once(
    reader, editor, article, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    for url in (article.url, "/", "/blog/topics/grief/"):
        reader.get(url)
    about_me = AboutMe.objects.get()
    editor.post(
        reverse("wagtailsnippets_base_aboutme:edit", args=[about_me.pk]),
        about_me_form(about_me, bio=rich_text("<p>Now seeing teenagers.</p>"))
        | {"action-publish": "1"},
    )
    editor.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["blog", "articlepage", BlogIndexPage.objects.get().pk],
        ),
        article_form(BODY, title="Grief at work", tags="Grief")
        | {"action-publish": "action-publish"},
    )
    assert "Now seeing teenagers." in text(reader, article.url)
    assert "Grief at work" in text(reader, "/")
    topic = text(reader, "/blog/topics/grief/")
    assert "Grief at work" in topic and "2 articles" in topic


def test_reader_pages_do_not_vary_on_cookie_and_an_editors_page_stays_private(
    reader, editor, article
):
    """A CDN in front keeps one copy of a reader's page, whatever cookies
    the reader carries (a consultation form's CSRF cookie, say); only the
    editor's page, with its userbar, is hers alone."""
    make_subscribe_page()
    reader.cookies["csrftoken"] = "k" * 32  # as the consultation form sets it
    pages = ["/", "/blog/", article.url, "/blog/topics/grief/", "/vignettes/"]
    pages.append("/subscribe/")
    for url in pages:
        for response in (reader.get(url), reader.get(url)):
            assert response.status_code == 200, url
            assert "Cookie" not in response.get("Vary", ""), url
            assert "public" in response["Cache-Control"], url
            assert "userbar" not in response.text, url
    page = editor.get(article.url)
    assert "private" in page["Cache-Control"]
    assert "w-userbar" in page.text
