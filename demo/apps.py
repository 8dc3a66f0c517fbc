from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo practice's content and `load_demo`; no models of its own."""

    name = "demo"
    verbose_name = "Demo content"
