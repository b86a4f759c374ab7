"""A real Hundi server on 127.0.0.1 for tests that speak HTTP to it.

The server runs uvicorn in a thread with its own event loop and its own
database engine, over the same database as the test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from hundi.app import create_app
from hundi.settings import Settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    settings: Settings
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_server(settings: Settings, frontend_dist: Path | None = None) -> LiveServer:
    port = int(settings.public_base_url.rsplit(":", 1)[1].rstrip("/"))
    options = {"frontend_dist": frontend_dist} if frontend_dist is not None else {}
    app = create_app(settings, **options)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"hundi-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the test server on port {port} did not start")
        time.sleep(0.02)
    return LiveServer(settings.public_base_url, settings, server, thread)


@pytest.fixture
def live_settings(settings: Settings) -> Settings:
    port = free_port()
    return settings.model_copy(update={"public_base_url": f"http://127.0.0.1:{port}"})


@pytest.fixture
def live_server(live_settings: Settings) -> Iterator[LiveServer]:
    server = start_server(live_settings)
    yield server
    server.stop()
