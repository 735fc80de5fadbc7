"""Running in production: health and metrics over HTTP, signals, one SQLite deliverer.

Every process (`web`, `discord`, `worker`, `run`) can answer `/healthz` (JSON; 200 when
healthy, 503 when not, so a load balancer or orchestrator can act on it: the database, the
scheduler, and each platform connection the process keeps, like `"discord": "connected"`
or `"disconnected"` while it retries) and `/metrics`
(Prometheus text). The web process serves them beside Slack on `$PORT`; the others on
`FOLLOWUP_METRICS_PORT` when it is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import gc
import logging
import os
import signal
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import IO, Any

from aiohttp import web
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError as AlembicError
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from adapters.reconnect import Link
from bot.app import Core
from bot.metrics import CONTENT_TYPE, METRICS
from bot.scheduling.trigger import DeliveryTrigger
from bot.storage.migrate import alembic_config

log = logging.getLogger(__name__)

DATABASE_TIMEOUT = 5.0  # seconds a health check waits for `SELECT 1`


class Health:
    """What `/healthz` reports: the database, the scheduler and platform links this process runs."""

    def __init__(
        self, core: Core, trigger: DeliveryTrigger | None = None, links: Iterable[Link] = ()
    ) -> None:
        self.core = core
        self.trigger = trigger
        self.links = tuple(links)

    async def check(self) -> tuple[bool, dict[str, Any]]:
        """Whether this process is healthy, and the details as JSON-ready values."""
        database = await self._database()
        body: dict[str, Any] = {"database": database}
        healthy = database == "ok"
        trigger = self.trigger
        if trigger is None:
            body["scheduler"] = "not run by this process"
        else:
            alive = trigger.alive
            healthy = healthy and alive
            body["scheduler"] = "ok" if alive else "stopped or stuck"
            last = trigger.last_tick
            body["last_delivery_tick"] = last.isoformat() if last else None
        for link in self.links:
            body[link.platform.lower()] = "connected" if link.connected else "disconnected"
            healthy = healthy and link.connected
        body["status"] = "ok" if healthy else "failing"
        return healthy, body

    async def _database(self) -> str:
        def ping() -> None:
            with self.core.deps.db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))

        try:
            await asyncio.wait_for(asyncio.to_thread(ping), DATABASE_TIMEOUT)
        except TimeoutError:
            return "unreachable: no answer in 5 s"
        except Exception as error:  # any driver error means the same thing here
            return f"unreachable: {error.__class__.__name__}"
        return "ok"


def routes(health: Health) -> list[web.RouteDef]:
    """`GET /healthz` and `GET /metrics`, to mount on any aiohttp app."""

    async def healthz(_request: web.Request) -> web.Response:
        healthy, body = await health.check()
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(_request: web.Request) -> web.Response:
        payload = await asyncio.to_thread(METRICS.render)  # the backlog gauge reads the DB
        response = web.Response(body=payload)
        response.headers["Content-Type"] = CONTENT_TYPE
        return response

    return [web.get("/healthz", healthz), web.get("/metrics", metrics)]


class OpsServer:
    """`/healthz` and `/metrics` on a port of their own, with any `extra` routes beside them.

    The worker and discord processes serve them alone; `web` without Slack over HTTP adds
    the calendar feeds.
    """

    def __init__(
        self,
        health: Health,
        port: int,
        host: str = "0.0.0.0",  # noqa: S104
        extra: Iterable[web.RouteDef] = (),
    ) -> None:
        self.health = health
        self.port = port
        self.host = host
        self.extra = tuple(extra)
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen on the port."""
        app = web.Application()
        app.add_routes([*routes(self.health), *self.extra])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        log.info("health and metrics served", extra={"port": self.port})

    async def stop(self) -> None:
        """Stop listening (idempotent)."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()


@contextlib.asynccontextmanager
async def stop_signals() -> AsyncIterator[asyncio.Event]:
    """An event set on SIGTERM (platform restarts, deploys) or SIGINT (Ctrl-C)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    wanted = (signal.SIGTERM, signal.SIGINT)
    for sig in wanted:
        loop.add_signal_handler(sig, _on_signal, stop, sig)
    try:
        yield stop
    finally:
        for sig in wanted:
            loop.remove_signal_handler(sig)


def _on_signal(stop: asyncio.Event, sig: signal.Signals) -> None:
    if not stop.is_set():
        log.info("shutting down", extra={"signal": sig.name})
    stop.set()


class DeliveryLocked(Exception):
    """Another process already delivers from this SQLite file."""


class DeliveryLock:
    """An OS lock on a file beside the SQLite database: one delivering process per file.

    SQLite takes one writer at a time, so two deliverers on one file only wait on each
    other; PostgreSQL's row locks are what make several workers useful. The lock is an
    `flock`, so the kernel frees it when the process dies, even by SIGKILL: no stale lock.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".delivery.lock")
        self._file: IO[str] | None = None

    @classmethod
    def for_url(cls, url: str) -> DeliveryLock | None:
        """The lock for a SQLite file URL; None for PostgreSQL and in-memory SQLite."""
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
            return None
        return cls(Path(parsed.database or "").resolve())

    def acquire(self) -> None:
        """Take the lock or raise `DeliveryLocked` with a message saying what to do."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise DeliveryLocked(
                f"Another delivery process{who} is already running on the SQLite database "
                f"{self.database} (it holds {self.path}). SQLite allows one delivery process "
                "per database file: stop the other one (`followup run` and `followup worker` "
                "both deliver), or move to PostgreSQL "
                "(FOLLOWUP_DATABASE_URL=postgresql+psycopg://...) to run several workers."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Let another delivery process start (also happens when this one exits)."""
        handle, self._file = self._file, None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()


def schema_is_behind(engine: Engine) -> bool:
    """Whether the database lacks migrations this code needs (`followup migrate` not run).

    A database ahead of us (a revision we do not know: newer code migrated it, and we are
    an old process restarting mid-deploy, or a rollback) is not behind: migrations add,
    so old code keeps working on a newer schema.
    """
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    script = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    if current == set(script.get_heads()):
        return False
    for revision in current:
        try:
            script.get_revision(revision)
        except AlembicError:
            return False  # unknown to us: newer than this code
    return True


def freeze_startup_heap() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight.

    The core, SQLAlchemy, discord.py, Bolt and slack_sdk leave a large heap of objects that
    live as long as the process; without this, each full collection walks all of them and
    stalls the event loop for about 100 ms, holding up every answer in flight (measured in
    bench/slack.py). `gc.freeze()` is the standard remedy for long-lived servers; every
    process calls it once it has started (`followup run|web|discord|worker`).
    """
    gc.collect()
    gc.freeze()
