from django.apps import AppConfig


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        # Imported once the models are loaded, as Django asks of ready().
        from django.db.models.signals import post_migrate, post_save

        from blog import roles, signals
        from blog.models import BlogIndexPage

        signals.connect()
        post_migrate.connect(roles.ensure_roles)
        post_save.connect(roles.blog_created, sender=BlogIndexPage)
