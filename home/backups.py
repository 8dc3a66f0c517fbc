"""What a backup holds, shared by `manage.py backup` and `manage.py restore`.

An archive is a gzipped tar of `data.json` (dumpdata with natural keys) and
`media/` (images and documents, with their renditions: made again, they could
take other file names, and pages would then differ from the ones backed up).
Left out is what the site rebuilds by itself: content types and permissions
(recreated by migrate), the search and reference indexes (rebuilt by
restore), sessions, and the sign-in lockout records.
"""

from pathlib import Path

DATA_NAME = "data.json"
MEDIA_NAME = "media"
EXCLUDED_MODELS = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "wagtailcore.uploadedfile",
    # The task queue's state, and the imports' history, whose uploaded
    # exports live outside the media the archive keeps.
    "django_tasks_database",
    "importing",
    # The hourly request limit's hashed addresses, gone within the hour.
    "base.recentsubmission",
    # The cache's generation: a restore raises the one already there.
    "base.contentgeneration",
]


def media_files(root):
    """Every media file, relative to the media folder."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(path.relative_to(root) for path in root.rglob("*") if path.is_file())


# Models that moved from home/ to base/ (home/migrations/0005): an archive
# made before the move names them, and their content types, under home. The
# getting-help settings' phone, email and booking link now live in the
# about-me (base/migrations/0002).
MOVED_TO_BASE = {
    "aboutme",
    "gettinghelpsettings",
    "readernoticesettings",
    "sharingsettings",
}
CONTACT_FIELDS = ("phone", "email", "booking_url")


def moved(natural_key):
    """Whether a content type's natural key, [app, model], names a model that
    moved."""
    return isinstance(natural_key, list) and natural_key in (
        ["home", model] for model in MOVED_TO_BASE
    )


def upgrade(objects):
    """An archive's objects (dumpdata's list) as this version names them."""
    contact = {}
    for obj in objects:
        app, _, model = obj["model"].partition(".")
        if moved([app, model]):
            obj["model"] = f"base.{model}"
        fields = obj["fields"]
        for name, value in fields.items():
            if name.endswith("content_type") and moved(value):
                value[0] = "base"
            if name == "permissions":
                for permission in value:
                    if moved(permission[1:]):
                        permission[1] = "base"
        if obj["model"] == "base.gettinghelpsettings":
            for name in CONTACT_FIELDS:
                if value := fields.pop(name, ""):
                    contact.setdefault(name, value)
    # The about-me, and its revisions (the editor opens the latest), take the
    # contact details it lacked.
    about_me = ["base", "aboutme"]
    for obj in objects:
        fields = obj["fields"]
        if obj["model"] == "base.aboutme":
            target = fields
        elif fields.get("content_type") == about_me and "content" in fields:
            target = fields["content"]
        else:
            continue
        for name, value in contact.items():
            target[name] = target.get(name) or value
    return objects
