"""Taking over another app's models in a migration, for databases of any age.

A database made before a move holds the models' tables under the old app's
name: they are renamed, and their content types relabelled, so every row,
revision, audit log entry and permission keeps pointing at them. A database
made after it never had them: they are created. Called from RunPython, after
a state-only CreateModel of each model.
"""


def take_over(apps, schema_editor, app_label, model_names, old_label):
    """Rename `old_label`'s tables of `model_names` to `app_label`'s where they
    exist, else create them. Returns whether they existed."""
    existing = set(schema_editor.connection.introspection.table_names())
    found = f"{old_label}_{model_names[0]}" in existing
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in model_names:
        model = apps.get_model(app_label, name)
        if not found:
            schema_editor.create_model(model)
            continue
        old_table = f"{old_label}_{name}"
        schema_editor.alter_db_table(model, old_table, model._meta.db_table)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                schema_editor.alter_db_table(
                    through, f"{old_table}_{field.name}", through._meta.db_table
                )
        ContentType.objects.filter(app_label=old_label, model=name).update(
            app_label=app_label
        )
    return found
