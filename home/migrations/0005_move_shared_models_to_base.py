# The about-me snippet and the settings moved to the shared base app (base/),
# which every content app builds on: base/migrations/0001 takes over their
# tables, renamed rather than copied, so every row, revision, audit log entry
# and permission stays as it was.

import wagtail.fields
from django.db import migrations

class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_sharing_settings'),
    ]

    operations = [
        migrations.AlterField(
            model_name='homepage',
            name='intro',
            field=wagtail.fields.RichTextField(blank=True, help_text='Optional words shown at the top of this page, above its list.'),
        ),
    ]
