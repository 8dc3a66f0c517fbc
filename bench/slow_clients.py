"""What twenty slow clients do to a reader, with deploy/nginx.conf in front of
gunicorn and without it.

Run by `make bench`, with the same site as tests/cms/test_nginx.py (production
settings, two sync workers, Debian's nginx on loopback). Twenty connections
send their request headers a byte every half second and never finish; a
reader then asks for the home page, through nginx and straight to gunicorn,
and waits up to WAIT_SECONDS. It writes bench/results/slow_clients.md.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cms.test_nginx import SlowClients, Visitor, proxied_site, timed_get  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SLOW_CLIENTS = 20
WAIT_SECONDS = int(os.environ.get("WAIT_SECONDS", "60"))
ROUNDS = 20


def waits(reader, rounds, timeout):
    return [timed_get(reader, "/", timeout=timeout) for _ in range(rounds)]


def shown(seconds):
    return "no answer" if seconds is None else f"{seconds * 1000:.1f} ms"


def measure(port, tls):
    reader = Visitor(port, "127.0.0.9", tls=tls)
    alone = statistics.median(waits(reader, ROUNDS, 10))
    slow = SlowClients(port, SLOW_CLIENTS, tls=tls)
    try:
        time.sleep(2)
        first = timed_get(reader, "/", timeout=WAIT_SECONDS)
        during = waits(reader, ROUNDS, 10) if first is not None else []
    finally:
        slow.close()
    return alone, first, statistics.median(during) if during else None


def main():
    with (
        tempfile.TemporaryDirectory(prefix="bench-slow-") as folder,
        proxied_site(Path(folder)) as ports,
    ):
        rows = [
            ("through nginx (HTTPS)", *measure(ports["https"], tls=True)),
            ("straight to gunicorn (HTTP)", *measure(ports["gunicorn"], tls=False)),
        ]
    lines = [
        "## Slow clients",
        "",
        f"{SLOW_CLIENTS} connections trickling their headers; the home page asked "
        f"for by a reader (median of {ROUNDS}, the first waited for up to "
        f"{WAIT_SECONDS} s). gunicorn: 2 sync workers, production settings. "
        "Each request opens its own connection, so through nginx each pays a "
        "TLS handshake.",
        "",
        "| path | alone | first, with slow clients | median, with slow clients |",
        "| --- | --- | --- | --- |",
        *(
            f"| {name} | {shown(alone)} | {shown(first)} | {shown(during)} |"
            for name, alone, first, during in rows
        ),
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "slow_clients.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
