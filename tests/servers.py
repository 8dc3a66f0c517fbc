"""The site as a server of its own, for tests that run it under gunicorn:
a fresh Python with only the environment a server would have."""

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, cwd=ROOT):
    """`manage.py` (this checkout's, or the one in `cwd`) with `env` as its
    whole environment."""
    subprocess.run(
        [BIN / "python", "manage.py", *args],
        cwd=cwd, env=env, check=True, capture_output=True, timeout=300,
    )  # fmt: skip


def gunicorn(env):
    """gunicorn as `make serve` starts it (gunicorn.conf.py), its errors kept."""
    return subprocess.Popen(
        [BIN / "gunicorn"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
