"""The fake Discord of `bench/discord.py`, in a process of its own: it sends and times.

Run as `python -m bench._discord_members` from the repository root. It serves the test
suite's loopback fake Discord (REST and gateway, `tests/fakes/discord_api.py`), prints its
URLs as one JSON line on stdout, then answers one JSON line per JSON line read on stdin:

- `{"op": "say", "token": T, "user": U, "subcommand": S, "options": {...}}`: dispatch one
  interaction from user U to the gateway session that identified with token T, wait for its
  callback, answer `{"body": <callback body>}`;
- `{"op": "rounds", "plan": [[T, S], ...], "users": [U, ...], "pause": P}`: for each
  entry, one interaction from each user, all at once, to T's session, each timed from just
  before its frame is written to the arrival of its callback POST (`time.perf_counter`,
  the monotonic clock, in this process); P seconds of quiet between bursts; answer
  `{"latencies": [[seconds, ...], ...]}`;
- `{"op": "freeze"}`: `gc.collect()` then `gc.freeze()` here too, answer `{}`.

End of input stops the fake. Keeping it out of the measured process means that process
runs only the discord.py client and what answers the interaction, as in production,
where Discord's gateway does not share our CPU.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from typing import Any

from tests.fakes import discord_api as fakes

CALLBACK = "/api/v10/interactions/"


class TimingFake(fakes.FakeDiscord):
    """The fake, plus: sessions known by their token, callbacks resolved by interaction id.

    Callbacks are not kept in `requests` (the base class rescans that list on every
    request, which would slow the fake down as rounds go by).
    """

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[str, asyncio.Future[Any]] = {}

    async def _on_frame(self, ws: Any, frame: dict[str, Any]) -> None:
        if frame.get("op") == 2:  # IDENTIFY: remember whose session this is
            ws.bench_token = frame["d"]["token"]
        await super()._on_frame(ws, frame)

    async def _note(self, recorded: Any) -> None:
        if recorded.method == "POST" and recorded.path.startswith(CALLBACK):
            future = self.waiting.pop(recorded.path.split("/")[4], None)
            if future is not None and not future.done():
                future.set_result(recorded)
            return
        await super()._note(recorded)

    def session(self, token: str) -> Any:
        """The open gateway session that identified with `token`."""
        for ws in self.sockets:
            if getattr(ws, "bench_token", None) == token and not ws.closed:
                return ws
        raise RuntimeError(f"no gateway session for {token!r}")

    def _expect(self, payload: dict[str, Any]) -> asyncio.Future[Any]:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.waiting[payload["id"]] = future
        return future

    def _frame(self, payload: dict[str, Any]) -> str:
        return json.dumps({"op": 0, "t": "INTERACTION_CREATE", "s": next(self._seq), "d": payload})

    async def say(self, token: str, user: str, subcommand: str, options: dict[str, str]) -> Any:
        """One interaction from `user`, answered: the callback's body."""
        payload = self.slash(subcommand, user=user, **options)
        future = self._expect(payload)
        await self.session(token).send_str(self._frame(payload))
        return (await asyncio.wait_for(future, 30.0)).body

    async def burst(self, token: str, subcommand: str, users: list[str]) -> list[float]:
        """One interaction per user, all at once; each one's seconds from dispatch to callback."""
        ws = self.session(token)
        payloads = [self.slash(subcommand, user=user) for user in users]
        frames = [self._frame(p) for p in payloads]  # serialised before the clock starts
        futures = [self._expect(p) for p in payloads]
        sent: list[float] = []
        for frame in frames:
            sent.append(time.perf_counter())
            await ws.send_str(frame)
        done = await asyncio.wait_for(asyncio.gather(*futures), 60.0)
        return [r.at - t for r, t in zip(done, sent, strict=True)]


async def _stdin() -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=2**24)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


def _answer(data: Any) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


async def _serve() -> None:
    fake = TimingFake()
    await fake.start()
    reader = await _stdin()
    _answer({"base_url": fake.base_url, "gateway_url": fake.gateway_url})
    try:
        while line := await reader.readline():
            order = json.loads(line)
            op = order["op"]
            if op == "say":
                body = await fake.say(
                    order["token"], order["user"], order["subcommand"], order["options"]
                )
                _answer({"body": body})
            elif op == "rounds":
                latencies = []
                for token, subcommand in order["plan"]:
                    latencies.append(await fake.burst(token, subcommand, order["users"]))
                    await asyncio.sleep(order["pause"])
                _answer({"latencies": latencies})
            elif op == "freeze":
                gc.collect()
                gc.freeze()
                _answer({})
            else:
                raise ValueError(f"unknown order {op!r}")
    finally:
        await fake.stop()


if __name__ == "__main__":
    asyncio.run(_serve())
