# The sharing settings first made here are base's now (base/migrations/0001),
# which creates or takes over their table.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_reader_notices'),
    ]

    operations = []
