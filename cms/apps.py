from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: the plumbing every page passes through
    (the page cache and what clears it, security, the error pages)."""

    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from django.core.checks import register

        from cms import checks, signals

        signals.connect()
        register(checks.deprecated_environment)
        register(checks.email_configured, deploy=True)
