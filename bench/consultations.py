"""Consultation requests in a row: every one stored and notified, and the
hourly limit holding.

Run by `make bench`. In a fresh SQLite database with production settings and
the demo loaded, it posts BENCH_REQUESTS (100) valid requests to
/consultation/ in this process (each from its own address, with a start time
older than the 3 s minimum), runs the real worker until the queue is empty
with an aiosmtpd server on loopback as the mail server, then posts six
requests from one address. It writes bench/results/consultations.md.
"""

import os
import statistics
import sys
import time

from in_process import ROOT, demo_site, write_results

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))


def main():
    sys.path.insert(0, str(ROOT))
    from tests.smtp import SMTPServer

    with SMTPServer() as smtp:
        demo_site("consultations", f"smtp://127.0.0.1:{smtp.port}")
        rows = run(smtp)
    write_results(
        "consultations",
        "Consultation requests",
        f"{REQUESTS} requests posted in a row to /consultation/ (production "
        "settings, SQLite, in process), then the worker sends the "
        "notifications to an SMTP server on loopback.",
        rows,
    )


def run(smtp):
    import io

    from django.core import signing
    from django.core.management import call_command
    from django.test import Client

    from consultations.forms import SALT
    from consultations.models import ConsultationRequest

    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    client = Client()

    def post(address, n):
        token = signing.dumps(
            {"at": time.time() - 10, "nonce": f"bench-{n}"}, salt=SALT
        )
        return client.post(
            "/consultation/",
            {"name": f"Reader {n}", "email": f"reader{n}@example.org", "phone": "",
             "contact_times": "Evenings", "appointment": "either", "notes": "",
             "website": "", "started": token},
            REMOTE_ADDR=address,
        )  # fmt: skip

    timings, statuses = [], []
    for n in range(REQUESTS):
        started = time.perf_counter()
        statuses.append(post(f"10.1.{n // 250}.{n % 250 + 1}", n).status_code)
        timings.append(time.perf_counter() - started)
    stored = ConsultationRequest.objects.count()
    started = time.perf_counter()
    call_command("db_worker", "--backend", "background", "--batch",
                 "--no-startup-delay", "--no-reload", verbosity=0, **quiet)  # fmt: skip
    worker = time.perf_counter() - started
    notified = len(smtp.mailbox.messages)
    limit = [post("10.9.9.9", REQUESTS + n).status_code for n in range(6)]
    timings.sort()
    return [
        (
            "answered with the thank-you redirect",
            f"{statuses.count(302)} of {REQUESTS}",
        ),
        ("stored", f"{stored} of {REQUESTS}"),
        ("notified", f"{notified} of {REQUESTS}"),
        ("post, median", f"{statistics.median(timings) * 1000:.1f} ms"),
        ("post, slowest", f"{timings[-1] * 1000:.1f} ms"),
        ("worker, all notifications", f"{worker:.1f} s"),
        ("six from one address", ", ".join(map(str, limit))),
    ]


if __name__ == "__main__":
    main()
