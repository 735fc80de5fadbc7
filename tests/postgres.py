"""A throwaway PostgreSQL server for the test session.

Tests run on SQLite and PostgreSQL because production uses PostgreSQL (row locking,
aware timestamps) and SQLite hides differences. Starting a private cluster keeps the
suite self-contained: no shared server, no credentials, nothing left behind.

Environment:
- ``FOLLOWUP_TEST_POSTGRES_URL``: use this server instead of starting one.
- ``FOLLOWUP_PG_BIN``: the directory holding ``initdb`` and ``pg_ctl``.
- ``FOLLOWUP_REQUIRE_POSTGRES=1``: fail instead of skipping when PostgreSQL is unavailable
  (CI sets it, so a broken setup cannot pass silently as "skipped").
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

ENV_URL = "FOLLOWUP_TEST_POSTGRES_URL"
ENV_BIN = "FOLLOWUP_PG_BIN"
ENV_REQUIRE = "FOLLOWUP_REQUIRE_POSTGRES"

_DB_PREFIX = "followup_test_"
_TIMEOUT_S = 60


class PostgresUnavailableError(RuntimeError):
    """PostgreSQL was required (``FOLLOWUP_REQUIRE_POSTGRES=1``) but could not be used."""


class _StartError(Exception):
    """Internal: why a server could not be found or started (becomes a skip reason)."""


def postgres_required() -> bool:
    """Whether a missing PostgreSQL must fail the run instead of skipping tests."""
    return os.environ.get(ENV_REQUIRE, "").strip().lower() in {"1", "true", "yes"}


@dataclass
class PostgresServer:
    """A reachable server plus the means to hand out isolated, empty databases.

    ``url`` points at the maintenance database (``postgres``); tests should not use it
    directly but call :meth:`create_database`, so each test starts from nothing.
    """

    url: URL
    _data_dir: Path | None = None
    _pg_ctl: list[str] = field(default_factory=list)
    _admin: psycopg.Connection[Any] | None = None
    _stopped: bool = False

    def _admin_connection(self) -> psycopg.Connection[Any]:
        # One autocommit connection for the whole session: CREATE/DROP DATABASE cannot
        # run in a transaction, and reconnecting for every test costs time.
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(**_connect_args(self.url), autocommit=True)
        return self._admin

    def create_database(self) -> str:
        """Create a fresh, empty database and return its SQLAlchemy URL."""
        name = f"{_DB_PREFIX}{uuid.uuid4().hex}"
        # template0 is always pristine, even on an external server whose template1
        # someone has filled.
        self._admin_connection().execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name))
        )
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        """Drop a database made by :meth:`create_database`, even if connections linger."""
        name = make_url(url).database
        if not name or not name.startswith(_DB_PREFIX):
            raise ValueError(f"refusing to drop a database this helper did not create: {name!r}")
        # WITH (FORCE) ends connections a test forgot to close (e.g. an undisposed engine).
        self._admin_connection().execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    @property
    def restartable(self) -> bool:
        """Whether this helper started the cluster, and so may restart it (fault drills)."""
        return self._data_dir is not None and not self._stopped

    def restart(self) -> None:
        """Restart the private cluster, as an operator would: every session is cut off.

        Fast mode ends sessions and checkpoints, so committed work survives even with
        `synchronous_commit=off`; the server comes back on the same port and options.
        """
        if self._data_dir is None or self._stopped:
            raise RuntimeError("only a running cluster started by this helper can restart")
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        log = self._data_dir / "server.log"
        wait = ["-w", "-t", str(_TIMEOUT_S)]
        _run(
            [
                *self._pg_ctl,
                "-D",
                str(self._data_dir),
                "-l",
                str(log),
                *wait,
                "-m",
                "fast",
                "restart",
            ],
            cwd=self._data_dir,
            what="pg_ctl restart",
            log=log,
        )

    def stop(self) -> None:
        """Stop the private cluster (if we started one) and delete its files. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        if self._admin is not None:
            self._admin.close()
        if self._data_dir is not None:
            # Immediate shutdown: the data is disposable, so skip the checkpoint.
            subprocess.run(
                [*self._pg_ctl, "-D", str(self._data_dir), "-m", "immediate", "stop"],
                capture_output=True,
                cwd=self._data_dir,
                timeout=_TIMEOUT_S,
                check=False,
            )
            shutil.rmtree(self._data_dir, ignore_errors=True)


def start_postgres() -> PostgresServer | str:
    """Return a running server, or a human-readable reason why there is none.

    The reason is meant for ``pytest.skip``. When PostgreSQL is required, raise
    :class:`PostgresUnavailableError` instead so the run fails loudly.
    """
    try:
        external = os.environ.get(ENV_URL, "").strip()
        server = _use_external(external) if external else _start_cluster()
    except _StartError as exc:
        reason = str(exc)
        if postgres_required():
            raise PostgresUnavailableError(f"{ENV_REQUIRE}=1 but {reason}") from exc
        return reason
    atexit.register(server.stop)  # safety net if the session is torn down abruptly
    return server


def _use_external(raw_url: str) -> PostgresServer:
    url = make_url(raw_url)
    if url.get_backend_name() != "postgresql":
        raise _StartError(f"{ENV_URL} is not a PostgreSQL URL: {url!r}")
    # SQLAlchemy 2.1 maps postgresql:// to psycopg 3, but say so explicitly.
    url = url.set(drivername="postgresql+psycopg")
    server = PostgresServer(url=url)
    _check_connection(server)
    return server


def _start_cluster() -> PostgresServer:
    bindir = _find_bindir()
    as_postgres = _run_as_prefix()
    data_dir = Path(tempfile.mkdtemp(prefix="followup-pg-"))
    try:
        if as_postgres:
            # initdb refuses to run as root; the directory must belong to its user.
            user = pwd.getpwnam("postgres")
            os.chown(data_dir, user.pw_uid, user.pw_gid)
        data_dir.chmod(0o700)
        _run(
            [
                *as_postgres,
                str(bindir / "initdb"),
                "-D",
                str(data_dir),
                "-U",
                "test",
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            cwd=data_dir,
            what="initdb",
        )
        pg_ctl = [*as_postgres, str(bindir / "pg_ctl")]
        port = _start_server(pg_ctl, data_dir)
    except BaseException:
        shutil.rmtree(data_dir, ignore_errors=True)
        raise
    url = URL.create(
        "postgresql+psycopg",
        username="test",
        host="127.0.0.1",
        port=port,
        database="postgres",
    )
    server = PostgresServer(url=url, _data_dir=data_dir, _pg_ctl=pg_ctl)
    try:
        _check_connection(server)
    except BaseException:
        server.stop()
        raise
    return server


def _start_server(pg_ctl: list[str], data_dir: Path) -> int:
    """Start the cluster on a free port; retry if another process grabbed it first."""
    last_error: _StartError | None = None
    for _ in range(3):
        port = _free_port()
        options = (
            f"-k {data_dir} -p {port} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        try:
            # -l matters: without it the server inherits our pipes and run() never returns.
            _run(
                [
                    *pg_ctl,
                    "-D",
                    str(data_dir),
                    "-l",
                    str(data_dir / "server.log"),
                    "-w",
                    "-t",
                    str(_TIMEOUT_S),
                    "-o",
                    options,
                    "start",
                ],
                cwd=data_dir,
                what="pg_ctl start",
                log=data_dir / "server.log",
            )
        except _StartError as exc:
            last_error = exc
            continue
        return port
    assert last_error is not None
    raise last_error


def _find_bindir() -> Path:
    """Locate initdb: ``FOLLOWUP_PG_BIN``, Debian's newest version, pg_config, then PATH."""
    override = os.environ.get(ENV_BIN, "").strip()
    if override:
        if (Path(override) / "initdb").is_file():
            return Path(override)
        raise _StartError(f"{ENV_BIN}={override} has no initdb")
    candidates = sorted(
        (Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda bindir: _version_key(bindir.parent.name),
        reverse=True,
    )
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run(
            [pg_config, "--bindir"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(Path(out.stdout.strip()))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise _StartError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin,"
        f" pg_config --bindir or PATH; install the 'postgresql' package or set {ENV_BIN}"
    )


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else -1 for part in name.split("."))


def _run_as_prefix() -> list[str]:
    """Command prefix that runs server tools as ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise _StartError("running as root and there is no 'postgres' user for initdb") from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise _StartError("running as root and 'runuser' is missing (needed to run initdb)")
    return [runuser, "-u", "postgres", "--"]


def _run(cmd: list[str], *, cwd: Path, what: str, log: Path | None = None) -> None:
    # cwd is the data dir so the postgres user is not left in an unreadable directory.
    try:
        result = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=_TIMEOUT_S + 10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _StartError(f"{what} failed: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        if log is not None and log.is_file():
            detail += "\n" + "\n".join(log.read_text(errors="replace").splitlines()[-10:])
        raise _StartError(f"{what} failed (exit {result.returncode}): {detail}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _connect_args(url: URL) -> dict[str, Any]:
    args: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
    args.update({key: value for key, value in url.query.items() if isinstance(value, str)})
    args.setdefault("connect_timeout", 10)
    return args


def _check_connection(server: PostgresServer) -> None:
    try:
        server._admin_connection().execute("SELECT 1")
    except psycopg.Error as exc:
        raise _StartError(f"cannot connect to PostgreSQL at {server.url!r}: {exc}") from exc
