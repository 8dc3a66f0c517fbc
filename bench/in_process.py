"""The demo site inside the benchmark's own process, for the benchmarks that
drive Django directly (consultations.py, subscriptions.py): production
settings over a fresh SQLite in a throwaway VAR_DIR, mail to `email_url`,
migrated, static files collected and the demo loaded. Also the table each
writes to bench/results/."""

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def demo_site(name, email_url, **environment):
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "VAR_DIR": tempfile.mkdtemp(prefix=f"bench-{name}-"),
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "FIELD_ENCRYPTION_KEY": "YmVuY2gtb25seS1maWVsZC1lbmNyeXB0aW9uLWtleSE=",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_URL": email_url,
            "DEMO_ADMIN_PASSWORD": "bench-only-password",
            **environment,
        }
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("migrate", verbosity=0, **quiet)
    call_command("collectstatic", interactive=False, verbosity=0, **quiet)
    call_command("load_demo", **quiet)


def write_results(name, heading, description, rows):
    """bench/results/<name>.md: a heading, what was run, and the table."""
    lines = [
        f"## {heading}",
        "",
        description,
        "",
        "| measure | result |",
        "| --- | --- |",
        *(f"| {measure} | {value} |" for measure, value in rows),
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
