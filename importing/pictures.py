"""Bring a post's pictures into Wagtail's image library: fetched from the
old blog by the worker, or read from the export's zip. The same file is one
image however often it is imported: images are matched by content hash."""

import hashlib
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model

from importing.fetching import FetchRefused, fetch, image_format, max_bytes

MAX_TITLE = 255  # Wagtail's image title
ZIP = "zip:"  # a picture's address inside the export's own zip


@dataclass
class Picture:
    """A picture as a post shows it: where it is, its alt text and caption."""

    src: str
    alt: str = ""
    caption: str = ""

    @property
    def name(self):
        """A short name for the report: the file's name."""
        path = self.src.removeprefix(ZIP)
        return unquote(PurePosixPath(urlsplit(path).path).name) or path[:80]


def absolute(src, base):
    """The picture's full address; a zip's own files keep theirs."""
    if src.startswith(ZIP) or not base:
        return src
    return urljoin(base, src)


class Pictures:
    """One import's pictures: each address fetched once, each file stored
    once. `bring` answers an image, or raises FetchRefused with why not."""

    def __init__(self, user=None):
        self.user = user
        self.found = {}  # address -> image id, or the reason it failed
        self.archives = {}

    def bring(self, picture, archive=""):
        known = self.found.get(picture.src)
        if isinstance(known, str):
            raise FetchRefused(known)
        Image = get_image_model()
        if known is not None:
            return Image.objects.get(pk=known)
        try:
            data = self.read(picture, archive)
            extension = image_format(data)
        except FetchRefused as refused:
            self.found[picture.src] = str(refused)
            raise
        image = self.store(data, extension, picture)
        self.found[picture.src] = image.pk
        return image

    def read(self, picture, archive):
        if not picture.src.startswith(ZIP):
            return fetch(picture.src)
        member = picture.src.removeprefix(ZIP)
        if not archive:
            raise FetchRefused("it was in the export's zip, which is not here")
        zipped = self.archives.get(archive)
        if zipped is None:
            zipped = self.archives[archive] = zipfile.ZipFile(archive)
        try:
            info = zipped.getinfo(member)
        except KeyError:
            raise FetchRefused("the export's zip lacks it (not found)") from None
        if info.file_size > max_bytes():
            raise FetchRefused(f"it is {info.file_size / 2**20:.1f} MB (too large)")
        with zipped.open(info) as handle:
            return handle.read(max_bytes() + 1)[: max_bytes()]

    def store(self, data, extension, picture):
        """The image holding these bytes: the library's own when it has them."""
        Image = get_image_model()
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        existing = Image.objects.filter(file_hash=digest).order_by("pk").first()
        if existing is not None:
            return existing
        stem = slugify(PurePosixPath(picture.name).stem)[:60] or "picture"
        title = picture.alt or picture.caption or PurePosixPath(picture.name).stem
        with transaction.atomic():
            image = Image(
                title=" ".join(title.split())[:MAX_TITLE] or "Imported picture",
                file=ImageFile(BytesIO(data), name=f"{stem}.{extension}"),
                file_size=len(data),
                file_hash=digest,
                uploaded_by_user=self.user,
            )
            image.save()
        return image

    def close(self):
        for zipped in self.archives.values():
            zipped.close()
        self.archives.clear()
