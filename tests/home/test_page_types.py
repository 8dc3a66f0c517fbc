"""Each page type: where it may live, that it renders, edits and previews."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.library import VignetteIndexPage
from blog.models import ArticlePage, BlogIndexPage
from consultations.models import ConsultationPage
from home.models import HomePage, StandardPage
from home.team import TeamPage
from subscriptions.models import SubscribePage
from tests.editor import EditorTestCase
from tests.factories import (
    make_article,
    make_blog_index,
    make_vignette_library,
)


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_blog_library_and_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                BlogIndexPage,
                VignetteIndexPage,
                StandardPage,
                ConsultationPage,
                SubscribePage,
                TeamPage,
            },
        )

    def test_vignette_library_sits_under_home_once_and_has_no_children(self):
        self.assertAllowedParentPageTypes(VignetteIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(VignetteIndexPage, set())
        make_vignette_library()
        self.assertFalse(VignetteIndexPage.can_create_at(HomePage.objects.get()))

    def test_blog_index_sits_under_home_and_holds_articles(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {ArticlePage})

    def test_article_sits_only_in_a_blog_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_only_one_home_page_and_one_blog_per_home(self):
        home = HomePage.objects.get()
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertTrue(BlogIndexPage.can_create_at(home))
        make_blog_index()
        home.refresh_from_db()
        self.assertFalse(BlogIndexPage.can_create_at(home))


class PagesRenderEditPreviewTests(EditorTestCase):
    with_about_me = True

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = make_article(parent=cls.blog)

    def test_home_blog_index_and_library_render_edit_and_preview(self):
        # Articles are edited with a posted body in test_article_admin, since
        # their StreamField cannot be scraped from the editor's HTML.
        self.assertPageIsRenderable(self.article)
        for page in (HomePage.objects.get(), self.blog, make_vignette_library()):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page)
                self.assertPageIsPreviewable(page)
