from django.apps import AppConfig
from django.db.models.signals import post_save


class ConsultationsConfig(AppConfig):
    """Requests for a first consultation: the page readers fill in, and the
    requests, kept encrypted, that the therapist reads in the admin."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = "Consultation requests"

    def ready(self):
        # Imported once the models are loaded, as Django asks of ready().
        from consultations import tasks
        from consultations.models import ConsultationRequest

        post_save.connect(tasks.request_stored, sender=ConsultationRequest)
