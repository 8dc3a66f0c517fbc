"""New code goes live without a failed request: the README's deploy steps,
run under load from `wrk`.

Two releases of the project sit side by side, as on the server
(`releases/<one>`, `releases/<two>`, with `current` pointing at the one
served). gunicorn runs as the systemd unit starts it (`-c
current/gunicorn.conf.py`, production settings); the deploy switches
`current`, collects static files, migrates, and sends the master USR2, which
is all `systemctl reload` does.
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from tests.servers import BIN, ROOT, free_port, manage

# It brings its own database, so `make test` runs it beside the PostgreSQL
# suite, the shorter of the two.
pytestmark = pytest.mark.deploy

WRK = shutil.which("wrk") or "/usr/bin/wrk"  # make test installs it
MARKER = "<!-- release two -->"


def release(folder, commit):
    """A copy of the project's own files, as a checkout of `commit` would
    give (its .git says which commit, as a detached checkout's does)."""
    files = (
        subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text(commit * 40 + "\n")
    return folder


def point(current, target):
    """Switch the `current` symlink at once, as `ln -sfn` does."""
    staged = current.with_name("current.new")
    staged.unlink(missing_ok=True)
    staged.symlink_to(target)
    os.replace(staged, current)


def answer(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
        return r.status, r.read().decode()


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(what)


def test_a_reload_puts_new_code_live_with_no_failed_request(tmp_path):
    one = release(tmp_path / "releases" / "one", "1")
    two = release(tmp_path / "releases" / "two", "2")
    base = two / "templates" / "base.html"
    base.write_text(base.read_text().replace("</head>", f"{MARKER}</head>", 1))
    current = tmp_path / "current"
    current.symlink_to(one)

    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "d" * 30 + "-deploy-test-key-0123456789abcdefghij",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "FIELD_ENCRYPTION_KEY": "ZGVwbG95LXRlc3Qtb25seS1maWVsZC1rZXktMDEyMzQ=",
        "VAR_DIR": str(tmp_path / "var"),
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "",
    }
    manage(env, "migrate", "--noinput", cwd=current)
    manage(env, "collectstatic", "--noinput", cwd=current)
    manage(env, "load_demo", cwd=current)
    log = tmp_path / "gunicorn.log"
    with open(log, "w") as output:
        master = subprocess.Popen(
            [BIN / "gunicorn", "-c", current / "gunicorn.conf.py"],
            cwd=current, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_until(lambda: answer(port, "/")[0] == 200, 60, log.read_text())
        assert MARKER not in answer(port, "/")[1]
        load = subprocess.Popen(
            [WRK, "-t2", "-c8", "-d10s", f"http://127.0.0.1:{port}/"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(2)

        # The README's deploy, while readers keep coming.
        point(current, two)
        manage(env, "collectstatic", "--noinput", cwd=current)
        manage(env, "migrate", "--noinput", cwd=current)
        master.send_signal(signal.SIGUSR2)

        wait_until(lambda: MARKER in answer(port, "/")[1], 60, log.read_text())
        # The old master finished its requests and left; the new one serves.
        wait_until(lambda: "Master has been promoted" in log.read_text(), 60, "")
        assert master.wait(timeout=30) == 0
        report, _ = load.communicate(timeout=60)
    finally:
        for pid in masters(log):  # the old one, and the one that took over
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        master.wait(timeout=30)

    served = int(re.search(r"(\d+) requests in", report).group(1))
    assert served > 100, report
    assert "Socket errors" not in report, report
    assert "Non-2xx or 3xx responses" not in report, report


def masters(log):
    """Pids of the masters gunicorn logged as listening."""
    return {
        int(pid) for pid in re.findall(r"Listening at: \S+ \((\d+)\)", log.read_text())
    }
