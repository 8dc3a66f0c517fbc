from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    """How many times each article was read, per day, and nothing about who
    read it (README, "Readership counts")."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "readership"
    verbose_name = "Readership"
