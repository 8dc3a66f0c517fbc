"""What a backup holds, shared by `manage.py backup` and `manage.py restore`.

An archive is a gzipped tar of `data.json` (dumpdata with natural keys) and
`media/` (original images and documents). Left out is what the site rebuilds
by itself: content types and permissions (recreated by migrate), image
renditions (made again on first view), the search and reference indexes
(rebuilt by restore), sessions, and the sign-in lockout records.
"""

from pathlib import Path

DATA_NAME = "data.json"
MEDIA_NAME = "media"
EXCLUDED_MODELS = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailimages.rendition",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "wagtailcore.uploadedfile",
    # The task queue's state, and the imports' history, whose uploaded
    # exports live outside the media the archive keeps.
    "django_tasks_database",
    "importing",
]
# Renditions live under images/ and are made again when a page is viewed.
RENDITIONS_FOLDER = "images"


def media_files(root):
    """Every media file worth keeping, relative to the media folder."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] != RENDITIONS_FOLDER
    )
