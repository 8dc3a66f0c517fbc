"""Logging filters."""

import logging
import time

INTERVAL_SECONDS = 60


class OncePerMinute(logging.Filter):
    """One record a minute per logger and message: a cache that is down
    fails on every request, and one line says as much as thousands."""

    def __init__(self, name=""):
        super().__init__(name)
        self.last_seen = {}

    def filter(self, record):
        key = (record.name, record.msg)
        now = time.monotonic()
        if now - self.last_seen.get(key, -INTERVAL_SECONDS) < INTERVAL_SECONDS:
            return False
        self.last_seen[key] = now
        return True
