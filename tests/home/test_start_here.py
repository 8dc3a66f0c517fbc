"""The home page's "Start here": articles the therapist picks in the home
page's editor, shown in her order, only those readers may see, and nothing
at all when she picks none."""

import re

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StartHereArticle
from tests.factories import home_page, make_article, make_blog_index, make_superuser


def start_here(html):
    section = re.search(r'<section class="start-here".*?</section>', html, re.S)
    if section is None:
        return None
    return re.findall(r'article-summary-title"><a href="[^"]+">([^<]+)</a>', section[0])


class StartHereTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        make_blog_index()
        cls.first = make_article(title="Begin with this")
        cls.second = make_article(title="Then this")
        cls.draft = make_article(title="Not yet", publish=False)

    def pick(self, *articles):
        home = home_page()
        home.start_here_links = [
            StartHereArticle(article=article, sort_order=place)
            for place, article in enumerate(articles)
        ]
        home.save_revision().publish()

    def test_the_picks_show_in_her_order_and_only_live_ones(self):
        self.pick(self.second, self.draft, self.first)
        html = self.client.get("/").content.decode()
        self.assertEqual(start_here(html), ["Then this", "Begin with this"])
        # Above the latest articles.
        self.assertLess(html.index("start-here-heading"), html.index("latest-heading"))

    def test_no_picks_no_section(self):
        self.assertIsNone(start_here(self.client.get("/").content.decode()))

    def home_form(self, *picks, **fields):
        """The home page's editor form, with these articles picked."""
        home = home_page()
        self.client.force_login(make_superuser())
        return nested_form_data(
            {
                "title": home.title,
                "slug": home.slug,
                "heading": "",
                "intro": rich_text(""),
                "start_here_links": inline_formset(
                    [{"article": pick.pk} for pick in picks]
                ),
            }
            | fields
        )

    def test_the_editor_picks_and_orders_them(self):
        data = self.home_form(
            self.first, self.second, heading="Welcome", **{"action-publish": "1"}
        )
        home = home_page()
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[home.pk]), data
        )
        self.assertEqual(response.status_code, 302)
        saved = HomePage.objects.get().start_here_links.all()
        self.assertEqual(
            [link.article_id for link in saved], [self.first.pk, self.second.pk]
        )
        html = self.client.get("/").content.decode()
        self.assertEqual(start_here(html), ["Begin with this", "Then this"])
        self.assertIn("<h1>Welcome</h1>", html)

    def test_a_preview_shows_the_live_picks_in_the_form(self):
        data = self.home_form(self.second, self.draft)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[home_page().pk])
        self.assertTrue(self.client.post(url, data).json()["is_valid"])
        preview = self.client.get(url).content.decode()
        self.assertEqual(start_here(preview), ["Then this"])
