"""Project plumbing that wraps requests."""

from django.db import connection, transaction

from base.forms import PLACEHOLDER, stamp
from cms.security import is_admin


class FreshFormTokensMiddleware:
    """Gives each page sent its own start time for the readers' forms on it
    (base/forms.py), whether the page was rendered now or stored: it sits
    outside the page cache, so stored copies keep the placeholder."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and PLACEHOLDER in response.content
        ):
            response.content = stamp(response.content)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


class AdminWritesInOneTransactionMiddleware:
    """On SQLite, an editor's save or publish is one transaction.

    SQLite lets one writer in at a time. While the import worker commits
    article after article, each of the dozens of separate writes a publish
    makes would wait its turn again; in one transaction it waits once.
    PostgreSQL locks rows, not the database, so it is left as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            connection.vendor == "sqlite"
            and request.method == "POST"
            and is_admin(request)
        ):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)  # as if the error were raised
        return response
