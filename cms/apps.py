from django.apps import AppConfig
from django.core.checks import register
from django.core.signals import request_finished, request_started


class CmsConfig(AppConfig):
    """The project package as an app: the plumbing every page passes through
    (the page cache and what clears it, security, the error pages)."""

    name = "cms"
    verbose_name = "Site"

    def ready(self):
        # Imported once the models are loaded, as Django asks of ready().
        from cms import checks, redis_breaker, signals

        signals.connect()
        request_started.connect(redis_breaker.request_began)
        request_finished.connect(redis_breaker.request_ended)
        register(checks.deprecated_environment)
        register(checks.email_configured, deploy=True)
