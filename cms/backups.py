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


# Models that moved between apps, by their old [app, model]: an archive made
# before a move names them, and their content types, by the old app. The
# shared models left home/ for base/ (base/migrations/0001), the vignette
# library left vignettes/ for blog/ (blog/migrations/0014). The getting-help
# settings' phone, email and booking link now live in the about-me
# (base/migrations/0002).
MOVES = {
    ("home", "aboutme"): "base",
    ("home", "gettinghelpsettings"): "base",
    ("home", "readernoticesettings"): "base",
    ("home", "sharingsettings"): "base",
    ("vignettes", "vignette"): "blog",
    ("vignettes", "vignetteindexpage"): "blog",
}
CONTACT_FIELDS = ("phone", "email", "booking_url")


def moved(natural_key):
    """The app a content type's natural key, [app, model], now names, or None
    when it did not move."""
    if isinstance(natural_key, list) and len(natural_key) == 2:
        return MOVES.get(tuple(natural_key))
    return None


def upgrade(objects):
    """An archive's objects (dumpdata's list) as this version names them."""
    contact = {}
    for obj in objects:
        app, _, model = obj["model"].partition(".")
        if app_now := moved([app, model]):
            obj["model"] = f"{app_now}.{model}"
        fields = obj["fields"]
        for name, value in fields.items():
            if name.endswith("content_type") and (app_now := moved(value)):
                value[0] = app_now
            if name == "permissions":
                for permission in value:
                    if app_now := moved(permission[1:]):
                        permission[1] = app_now
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
