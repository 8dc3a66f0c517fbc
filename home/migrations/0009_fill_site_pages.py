"""Fill each site's SitePages (base/migrations/0005) with the pages that were
found by type, and the privacy page that was found by its slug, before the
setting existed. Run from home, the layer above every app those pages are
of."""

from django.db import migrations

ONE_OF_A_KIND = {
    "blog_page": ("blog", "BlogIndexPage"),
    "subscribe_page": ("subscriptions", "SubscribePage"),
    "consultation_page": ("consultations", "ConsultationPage"),
}


def fill_site_pages(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    SitePages = apps.get_model("base", "SitePages")
    StandardPage = apps.get_model("home", "StandardPage")
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        under_root = {"path__startswith": root.path, "live": True}
        pages, _ = SitePages.objects.get_or_create(site=site)
        for field, (app, model) in ONE_OF_A_KIND.items():
            if getattr(pages, f"{field}_id") is None:
                page = (
                    apps.get_model(app, model)
                    .objects.filter(**under_root)
                    .order_by("path")
                    .first()
                )
                setattr(pages, f"{field}_id", page.pk if page else None)
        if pages.privacy_page_id is None:
            privacy = StandardPage.objects.filter(
                **under_root, depth=root.depth + 1, slug="privacy"
            ).first()
            pages.privacy_page_id = privacy.pk if privacy else None
        pages.save()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_start_here"),
        ("base", "0005_site_pages"),
        ("blog", "0014_vignette_library"),
        ("consultations", "0003_notification_state"),
        ("subscriptions", "0002_crisis_note"),
    ]

    operations = [migrations.RunPython(fill_site_pages, migrations.RunPython.noop)]
