"""Databases of a test's own, which it can stop and start: a server, or a
worker, runs on one, and the suite's own database is never touched."""

import glob
import os
import shutil
import subprocess

from tests.servers import free_port


class SQLiteDatabase:
    """A file the server opens per request; "down" swaps in something SQLite
    cannot open (a folder: even root cannot read that as a database)."""

    def __init__(self, folder):
        self.path = folder / "site.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def stop(self):
        self.path.rename(self.path.with_suffix(".away"))
        self.path.mkdir()

    def start(self):
        self.path.rmdir()
        self.path.with_suffix(".away").rename(self.path)

    def close(self):
        pass


class PostgresCluster:
    """A PostgreSQL cluster of the test's own on a free port."""

    def __init__(self, folder):
        (self.bin,) = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1:]
        self.data = folder / "cluster"
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0)
        folder.chmod(0o755)
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres")
        self.pg(["initdb", "-D", self.data, "-A", "trust", "-U", "postgres"])
        self.start()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def pg(self, command):
        subprocess.run(
            [*self.as_postgres, f"{self.bin}/{command[0]}", *map(str, command[1:])],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self):
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self.pg(["pg_ctl", "-D", self.data, "-w", "-o", options, "-l",
                 self.data / "log", "start"])  # fmt: skip

    def stop(self):
        self.pg(["pg_ctl", "-D", self.data, "-w", "-m", "fast", "stop"])

    def close(self):
        subprocess.run(
            [*self.as_postgres, f"{self.bin}/pg_ctl", "-D", str(self.data),
             "-m", "immediate", "stop"], capture_output=True,
        )  # fmt: skip


def process_env(database, folder, **settings):
    """The whole environment of a site process (a server, a worker) on
    `database`, with its files in `folder`. A connection per request: an
    SQLite file made unreadable is then an outage (a kept connection would
    go on reading the file it has open)."""
    return {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": database.url,
        "VAR_DIR": str(folder),
        "MEDIA_ROOT": str(folder / "media"),
        "CONN_MAX_AGE": "0",
        **settings,
    }
