from django.apps import AppConfig


class ImportingConfig(AppConfig):
    name = "blog.importing"
    label = "importing"
    verbose_name = "Import"
