"""gunicorn's settings for `make serve` and the systemd unit; gunicorn reads
this file by itself (or from `-c`).

Sync workers suit a site whose pages come from the page cache or from a few
quick queries. Every value can be changed through the environment.

New code is deployed without a failed request (README, "Deploying new
code"): USR2 (`systemctl reload`) starts a second master from the code the
`current` folder now points to, sharing the listening socket; once it is
ready it takes over (when_ready below) and the old one finishes its requests
and leaves.
"""

import multiprocessing
import os
import signal

import environ
from gunicorn import systemd

env = environ.Env()

bind = f"{env.str('HOST', default='127.0.0.1')}:{env.str('PORT', default='8000')}"
workers = env.int("WEB_CONCURRENCY", default=multiprocessing.cpu_count() * 2 + 1)
# A slow client or a stuck request frees its worker after this long.
timeout = env.int("GUNICORN_TIMEOUT", default=30)
graceful_timeout = 30
keepalive = 5
# Django and Wagtail are loaded once, before the workers fork, so a worker
# that is replaced (after a crash or a timeout) starts at once rather than
# loading them while requests queue behind it. Workers are not restarted
# every N requests: each restart paused a worker for a second or more (a p99
# of 1.8 s under load).
preload_app = True
# Only a proxy on this machine may say a request came over HTTPS.
forwarded_allow_ips = env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1")
# One line a request to stdout; an empty GUNICORN_ACCESS_LOG turns it off.
accesslog = env.str("GUNICORN_ACCESS_LOG", default="-") or None
errorlog = "-"
wsgi_app = "cms.wsgi:application"
# No runtime control socket: nothing uses it, and two servers on one machine
# would share its path.
control_socket_disable = True

# The release this file was read through: `current/gunicorn.conf.py` is
# resolved when each master starts, so a master started by USR2 loads the
# release `current` points to now, and the old one keeps importing its own.
chdir = os.path.dirname(os.path.realpath(__file__))


def when_ready(server):
    """A master started by USR2 tells systemd it is now the service's main
    process (the unit allows it: NotifyAccess=all), then asks the master that
    started it to stop gracefully: its workers finish what they are serving
    while this master's workers, about to start, take the next requests from
    the same socket."""
    if server.master_pid:  # set only in a master started by USR2
        systemd.sd_notify(f"MAINPID={os.getpid()}", server.log)
        os.kill(server.master_pid, signal.SIGTERM)
