"""The phone, email and booking link were typed twice, in the about-me and in
the getting-help settings. They now live in the about-me alone: any the
about-me lacked are copied from the settings (into its live row and its
latest revision, which the editor opens), then the settings' copies go."""

from django.db import migrations

CONTACT = {"phone": "phone", "email": "email", "booking_url": "booking_url"}


def copy_contact_details(apps, schema_editor):
    GettingHelpSettings = apps.get_model("base", "GettingHelpSettings")
    AboutMe = apps.get_model("base", "AboutMe")
    Revision = apps.get_model("wagtailcore", "Revision")
    settings = GettingHelpSettings.objects.first()
    if settings is None:
        return
    for about in AboutMe.objects.all():
        missing = {
            field: getattr(settings, field)
            for field in CONTACT
            if getattr(settings, field) and not getattr(about, field)
        }
        if not missing:
            continue
        AboutMe.objects.filter(pk=about.pk).update(**missing)
        if about.latest_revision_id:
            revision = Revision.objects.get(pk=about.latest_revision_id)
            for field, value in missing.items():
                if not revision.content.get(field):
                    revision.content[field] = value
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("base", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(copy_contact_details, migrations.RunPython.noop),
        migrations.RemoveField(model_name="gettinghelpsettings", name="phone"),
        migrations.RemoveField(model_name="gettinghelpsettings", name="email"),
        migrations.RemoveField(model_name="gettinghelpsettings", name="booking_url"),
    ]
