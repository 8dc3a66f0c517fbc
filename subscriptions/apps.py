from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Readers who asked to be emailed new articles: the form, the double
    opt-in, each article's sending from the worker, and the admin's view."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = "Subscribers"

    def ready(self):
        # Imported once the models are loaded, as Django asks of ready().
        from subscriptions import tasks
        from subscriptions.signals import confirmation_asked

        confirmation_asked.connect(tasks.confirmation_due)
