"""Bring a post's pictures into Wagtail's image library: fetched from the
old blog by the worker, or read from the export's zip. The same file is one
image however often it is imported: images are matched by content hash."""

import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from importing.entries import SourceError, member_bytes
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
        self.images = {}  # address -> the Image it is
        self.refused = {}  # address -> why it was not brought
        self.archives = {}

    def bring(self, picture, archive=""):
        if picture.src in self.refused:
            raise FetchRefused(self.refused[picture.src])
        if picture.src not in self.images:
            try:
                data = self.read(picture, archive)
                extension = image_format(data)
            except FetchRefused as refused:
                self.refused[picture.src] = str(refused)
                raise
            self.images[picture.src] = self.store(data, extension, picture)
        return self.images[picture.src]

    def read(self, picture, archive):
        if not picture.src.startswith(ZIP):
            return fetch(picture.src)
        if not archive:
            raise FetchRefused("it was in the export's zip, which is not here")
        zipped = self.archives.get(archive)
        if zipped is None:
            zipped = self.archives[archive] = zipfile.ZipFile(archive)
        try:
            info = zipped.getinfo(picture.src.removeprefix(ZIP))
        except KeyError:
            raise FetchRefused("the export's zip lacks it (not found)") from None
        if info.file_size > max_bytes():
            raise FetchRefused(f"it is {info.file_size / 2**20:.1f} MB (too large)")
        try:
            return member_bytes(zipped, info, "the export")
        except SourceError as error:
            raise FetchRefused(str(error).removeprefix("the export: ")) from None

    def store(self, data, extension, picture):
        """The image holding these bytes: the library's own when it has them."""
        Image = get_image_model()
        digest = hash_filelike(BytesIO(data))  # as Wagtail hashes an upload
        existing = Image.objects.filter(file_hash=digest).order_by("pk").first()
        if existing is not None:
            return existing
        stem = slugify(PurePosixPath(picture.name).stem)[:60] or "picture"
        title = picture.alt or picture.caption or PurePosixPath(picture.name).stem
        return Image.objects.create(
            title=" ".join(title.split())[:MAX_TITLE] or "Imported picture",
            file=ImageFile(BytesIO(data), name=f"{stem}.{extension}"),
            file_size=len(data),
            file_hash=digest,
            uploaded_by_user=self.user,
        )

    def close(self):
        for zipped in self.archives.values():
            zipped.close()
        self.archives.clear()
