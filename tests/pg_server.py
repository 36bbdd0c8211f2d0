"""A throwaway PostgreSQL server for the store tests and the store benchmark.

Uses the binaries Debian's `postgresql` package installs (/usr/lib/postgresql/<major>/bin, or
pg_ctl on PATH). PostgreSQL refuses to run as root, so as root (CI, `make test`) the server runs
as the `postgres` system user the package creates. The cluster lives in a fresh temporary
directory, listens on 127.0.0.1 on a free port and its own socket directory, trusts local
connections, and is removed on exit.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

NO_POSTGRES = (
    "no PostgreSQL server binaries: install Debian's postgresql "
    "(apt-get install -y postgresql; `make postgres` does it as root)"
)


def find_bindir() -> Path | None:
    """The directory with initdb, pg_ctl and postgres, newest major version first."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new, empty database; its SQLAlchemy URL."""
        import psycopg

        dsn = f"host={self.host} port={self.port} user={self.user} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _runner() -> list[str]:
    # As root: run the server's tools as the unprivileged `postgres` user.
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("postgres")  # KeyError when the package did not create the user
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def postgres_server(*, durable: bool = False) -> Iterator[PostgresServer]:
    """Start a server; stop and delete it on exit. `durable=False` turns fsync off, which makes
    tests faster and changes nothing they check; the benchmark keeps the defaults."""
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError(NO_POSTGRES)
    runner = _runner()
    root = Path(tempfile.mkdtemp(prefix="supplybrief-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if runner:
        owner = pwd.getpwnam("postgres")
        for path in (root, sockets):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets}"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    run = [*runner]
    try:
        subprocess.run(
            [*run, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [*run, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
             str(root / "server.log"), "-w", "-t", "60", "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        try:
            yield PostgresServer("127.0.0.1", port, "postgres")
        finally:
            subprocess.run(
                [*run, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)
