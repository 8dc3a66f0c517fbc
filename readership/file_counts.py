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
from contextlib import contextmanager, suppress

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT
TAKEN = ".taken"


class FileCountsCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.folder = os.fspath(location)
        os.makedirs(self.folder, exist_ok=True)

    def path(self, key, version=None):
        """The key's file. Plain strings and os calls, not pathlib: an
        increment is on a reader's request, and costs a few microseconds."""
        key = self.make_key(key, version=version)
        name = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
        return os.path.join(self.folder, name)

    @contextmanager
    def locked(self):
        with open(os.path.join(self.folder, ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    @staticmethod
    def taken(path):
        try:
            with open(path + TAKEN, "rb") as file:
                return int(file.read() or 0)
        except FileNotFoundError:
            return 0

    def count(self, path):
        """The count under `path`, or None when it has none."""
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            return None
        return size - self.taken(path)

    def incr(self, key, delta=1, version=None):
        if delta < 0:
            return self.decr(key, -delta, version)
        path = self.path(key, version)
        descriptor = os.open(path, FLAGS, 0o600)
        try:
            os.write(descriptor, b"." * delta)
            size = os.fstat(descriptor).st_size
        finally:
            os.close(descriptor)
        return size - self.taken(path)

    def decr(self, key, delta=1, version=None):
        path = self.path(key, version)
        with self.locked():
            value = self.count(path)
            if value is None:
                raise ValueError(f"Key '{key}' not found")
            # Only what was taken is written: bytes appended meanwhile stay.
            with open(path + ".new", "w") as file:
                file.write(str(self.taken(path) + delta))
            os.replace(path + ".new", path + TAKEN)
            return value - delta

    def get(self, key, default=None, version=None):
        value = self.count(self.path(key, version))
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        path = self.path(key, version)
        with self.locked():
            with open(path, "wb") as file:
                file.write(b"." * int(value))
            self.remove(path + TAKEN)

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
            found = os.path.exists(path)
            self.remove(path)
            self.remove(path + TAKEN)
        return found

    def clear(self):
        with self.locked():
            for name in os.listdir(self.folder):
                if name != ".lock":
                    self.remove(os.path.join(self.folder, name))

    @staticmethod
    def remove(path):
        with suppress(FileNotFoundError):
            os.remove(path)
