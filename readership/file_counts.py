"""A cache backend for counts alone, in a folder shared by every process on
one machine: the "counts" cache of a site without Redis (cms/settings).

Django's file cache rewrites a whole file to add one, without a lock
between processes: concurrent reads would be lost, and each costs a
quarter of a millisecond. Here a key is a file that an increment appends
one byte to, in one `write` with O_APPEND, which the kernel keeps whole
between processes. Its count is the file's size less what has been taken
out of it, kept beside it in a second file that only `decr` writes, under
a lock. A key that does not exist counts as 0 to `incr`: a count starts
with its first read.
"""

import fcntl
import hashlib
import os
from contextlib import contextmanager
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT


class FileCountsCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.folder = Path(location)
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return (
            self.folder / hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
        )

    @contextmanager
    def locked(self):
        with open(self.folder / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def taken(self, path):
        try:
            return int(path.with_suffix(".taken").read_text() or 0)
        except FileNotFoundError:
            return 0

    def count(self, path):
        """The count under `path`, or None when it has none."""
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return None
        return size - self.taken(path)

    def incr(self, key, delta=1, version=None):
        if delta < 0:
            return self.decr(key, -delta, version)
        descriptor = os.open(self.path(key, version), FLAGS, 0o600)
        try:
            os.write(descriptor, b"." * delta)
        finally:
            os.close(descriptor)
        return self.get(key, version=version)

    def decr(self, key, delta=1, version=None):
        path = self.path(key, version)
        with self.locked():
            value = self.count(path)
            if value is None:
                raise ValueError(f"Key '{key}' not found")
            # Only what was taken is written: bytes appended meanwhile stay.
            fresh = path.with_suffix(".new")
            fresh.write_text(str(self.taken(path) + delta))
            fresh.replace(path.with_suffix(".taken"))
            return value - delta

    def get(self, key, default=None, version=None):
        value = self.count(self.path(key, version))
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        path = self.path(key, version)
        with self.locked():
            path.write_bytes(b"." * int(value))
            path.with_suffix(".taken").unlink(missing_ok=True)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):
            return False
        self.set(key, value, version=version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.has_key(key, version=version)

    def delete(self, key, version=None):
        path = self.path(key, version)
        with self.locked():
            found = path.exists()
            path.unlink(missing_ok=True)
            path.with_suffix(".taken").unlink(missing_ok=True)
        return found

    def clear(self):
        with self.locked():
            for path in self.folder.iterdir():
                if path.name != ".lock":
                    path.unlink(missing_ok=True)
