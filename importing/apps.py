from django.apps import AppConfig


class ImportingConfig(AppConfig):
    name = "importing"
    label = "importing"
    verbose_name = "Import"
