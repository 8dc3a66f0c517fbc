"""One article sent to 10,000 confirmed subscribers by the real worker.

Run by `make bench`. In a fresh SQLite database with production settings and
the demo loaded, it times BENCH_PUBLISHES (5) article publications through
the page editor with no subscribers, then adds BENCH_SUBSCRIBERS (10,000)
confirmed ones and times as many again: the publish request only queues the
email. It then runs `manage.py db_worker --batch` in its own process, with
an aiosmtpd server on loopback as the mail server, until one article has
gone to everyone, and reads the worker's peak memory (VmHWM) as it runs. It writes
bench/results/subscriptions.md.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from in_process import ROOT, demo_site, write_results

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
PUBLISHES = int(os.environ.get("BENCH_PUBLISHES", "5"))
BATCH_SIZE = os.environ.get("EMAIL_BATCH_SIZE", "200")


class Counter:
    """Counts what arrives, by recipient, without keeping the messages."""

    def __init__(self):
        self.recipients = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted"


def main():
    sys.path.insert(0, str(ROOT))
    from tests.servers import free_port

    counter, port = Counter(), free_port()
    smtp = Controller(counter, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        demo_site(
            "subscriptions",
            f"smtp://127.0.0.1:{port}",
            EMAIL_BATCH_SIZE=BATCH_SIZE,
            EMAIL_BATCH_INTERVAL_SECONDS="0",
        )
        rows = run(counter)
    finally:
        smtp.stop()
    write_results(
        "subscriptions",
        "Subscribers",
        f"One article sent to {SUBSCRIBERS:,} confirmed subscribers by the "
        f"worker (production settings, SQLite, EMAIL_BATCH_SIZE={BATCH_SIZE}, "
        "no pause between batches) through an SMTP server on loopback; and the "
        f"page editor's publish request, {PUBLISHES} times each, without and "
        "with those subscribers.",
        rows,
    )


def run(counter):

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone
    from wagtail.test.utils.form_data import rich_text

    from base.crypto import fingerprints, seal
    from blog.models import BlogIndexPage
    from subscriptions.models import Mailing, Subscriber
    from tests.forms import article_form, vignette_form

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    blog = BlogIndexPage.objects.get()
    add = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    about_pk = blog.get_children().specific().first().body[-1].value.pk

    def publish(n):
        body = [
            ("intro", rich_text("<p>An idea worth explaining.</p>")),
            ("vignette", vignette_form()),
            ("conclusion", rich_text("<p>What it comes to.</p>")),
            ("getting_help", {"text": rich_text("<p>Let us talk.</p>")}),
            ("about_me", about_pk),
        ]
        data = article_form(
            body,
            title=f"Bench article {n}",
            slug=f"bench-article-{n}",
            email_subscribers="on",
        )
        data["action-publish"] = "1"
        started = time.perf_counter()
        response = client.post(add, data)
        assert response.status_code == 302, response.status_code
        return time.perf_counter() - started

    publish("warm-up")
    without = [publish(f"without-{n}") for n in range(PUBLISHES)]

    now = timezone.now()
    started = time.perf_counter()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                sealed=seal({"email": f"reader{n}@example.org"}),
                fingerprint=fingerprints(f"reader{n}@example.org")[0],
                confirmed_at=now,
            )
            for n in range(SUBSCRIBERS)
        ),
        batch_size=1000,
    )
    seeding = time.perf_counter() - started
    with_subscribers = [publish(f"with-{n}") for n in range(PUBLISHES)]
    # One article is sent; the others' emails are dropped before the worker
    # starts, so it sends exactly one.
    sent = Mailing.objects.get(title="Bench article with-0")
    Mailing.objects.exclude(pk=sent.pk).delete()

    started = time.perf_counter()
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "background",
         "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT, env=os.environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    peak = 0
    while worker.poll() is None:
        peak = max(peak, high_water_mark(worker.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    assert worker.returncode == 0, worker.stderr.read().decode()
    delivered = len(counter.recipients)
    unique = len(set(counter.recipients))
    sent.refresh_from_db()
    counts = sent.counts()
    return [
        ("subscribers", f"{SUBSCRIBERS:,} (sealed and stored in {seeding:.1f} s)"),
        ("emails received by the SMTP server", f"{delivered:,}"),
        ("addresses that got it twice", f"{delivered - unique}"),
        ("recorded as sent / failed", f"{counts['sent']:,} / {counts['failed']}"),
        ("article email status", sent.status),
        ("worker: time to send all", f"{elapsed:.1f} s ({delivered / elapsed:.0f}/s)"),
        ("worker: peak memory (RSS)", f"{peak / 1024:.0f} MB"),
        (
            "publish request, no subscribers (median, slowest)",
            f"{ms(statistics.median(without))}, {ms(max(without))}",
        ),
        (
            f"publish request, {SUBSCRIBERS:,} subscribers (median, slowest)",
            f"{ms(statistics.median(with_subscribers))}, {ms(max(with_subscribers))}",
        ),
    ]


def high_water_mark(pid):
    """The process's peak resident memory so far, in kB (Linux's VmHWM)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # it has just exited
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    main()
