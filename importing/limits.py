"""Bounds on reading one post, so no file can hold the worker (or a
preview's request) for long: its size, and the time its Markdown or HTML
takes to parse. Forty kilobytes of nested brackets took Python-Markdown
49 s; a list nested two thousand deep, 48 s and then a RecursionError."""

import signal
import threading
from contextlib import contextmanager

MAX_POST_CHARS = 2_000_000  # far over any real post, pictures aside
POST_SECONDS = 5


class PostRefused(Exception):
    """One post that is too large or too costly to read, said in words."""


@contextmanager
def bounded(text):
    """Parse one post's `text` inside this block, or refuse it with a reason.

    The time limit is a timer signal, so it holds where signals can be
    caught: the import worker, and gunicorn's sync workers. Elsewhere (a
    threaded development server) the size limit still holds.
    """
    if len(text) > MAX_POST_CHARS:
        raise PostRefused(
            f"it is {len(text) / 1e6:.1f} million characters long, over the "
            f"{MAX_POST_CHARS / 1e6:.0f} million a post may have"
        )
    timed = threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, POST_SECONDS)
    try:
        yield
    except RecursionError:
        raise PostRefused("its formatting is nested too deeply to read") from None
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def expire(_signum, _frame):
    raise PostRefused(
        f"its formatting took over {POST_SECONDS} seconds to read, far longer "
        "than any real post; simplify it (nested brackets or lists) and try again"
    )
