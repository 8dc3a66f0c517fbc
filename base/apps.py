from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_save


class BaseConfig(AppConfig):
    """What every page type builds on: the index page, the about-me snippet,
    the practice's settings, the shared blocks and the text helpers. It
    imports no content app (README, "Layout")."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "base"
    verbose_name = "Practice"

    def ready(self):
        # Imported once the models are loaded, as Django asks of ready().
        from base import cache, site_pages

        request_started.connect(cache.request_began)
        request_finished.connect(cache.request_ended)
        post_save.connect(site_pages.fill_site_page)
