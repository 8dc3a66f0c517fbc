"""`import_articles` as the import tests run it, and what they read back."""

import io
import re
from pathlib import Path

from django.core.management import call_command

from blog.models import ArticlePage

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"


def run(*args):
    """The command's report, as the terminal shows it."""
    out = io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def total(output, label):
    """A count from the report's totals."""
    (count,) = re.findall(rf"^  {label} +(\d+)$", output, re.M)
    return int(count)


def draft(title):
    """The imported article as its latest draft."""
    return ArticlePage.objects.get(title=title).get_latest_revision_as_object()
