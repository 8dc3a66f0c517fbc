"""The therapist in the page editor, for WagtailPageTestCase classes."""

from wagtail.test.utils import WagtailPageTestCase

from tests.factories import make_about_me, make_blog_index, make_superuser


class EditorTestCase(WagtailPageTestCase):
    """Signed in, with her blog, and her bio where `with_about_me` asks:
    built once a class, each test in its own transaction."""

    with_about_me = False

    @classmethod
    def setUpTestData(cls):
        cls.user = make_superuser()
        if cls.with_about_me:
            cls.about_me = make_about_me()
        cls.blog = make_blog_index()

    def setUp(self):
        self.client.force_login(self.user)
