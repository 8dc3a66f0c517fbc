from django.apps import AppConfig


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        # Imported once the models are loaded, as Django asks of ready().
        from blog import signals

        signals.connect()
