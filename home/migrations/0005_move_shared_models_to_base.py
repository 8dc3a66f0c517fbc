# The about-me snippet and the settings move to the shared base app (base/),
# which every content app builds on. Their tables are renamed, not copied,
# and base/migrations/0001 takes them over, so every row, revision, audit
# log entry and permission stays as it was.

import wagtail.fields
from django.db import migrations

MOVED = ["aboutme", "gettinghelpsettings", "readernoticesettings", "sharingsettings"]


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_sharing_settings'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name, f"base_{name}") for name in MOVED
            ],
            state_operations=[
                migrations.RemoveField(
                    model_name='aboutme',
                    name='latest_revision',
                ),
                migrations.RemoveField(
                    model_name='aboutme',
                    name='live_revision',
                ),
                migrations.RemoveField(
                    model_name='aboutme',
                    name='photo',
                ),
                migrations.DeleteModel(
                    name='GettingHelpSettings',
                ),
                migrations.DeleteModel(
                    name='ReaderNoticeSettings',
                ),
                migrations.RemoveField(
                    model_name='sharingsettings',
                    name='default_image',
                ),
                migrations.DeleteModel(
                    name='AboutMe',
                ),
                migrations.DeleteModel(
                    name='SharingSettings',
                ),            ],
        ),
        migrations.AlterField(
            model_name='homepage',
            name='intro',
            field=wagtail.fields.RichTextField(blank=True, help_text='Optional words shown at the top of this page, above its list.'),
        ),
    ]
