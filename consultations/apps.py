from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Requests for a first consultation: the page readers fill in, and the
    requests, kept encrypted, that the therapist reads in the admin."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = "Consultation requests"
