"""Running the watcher: alone (``lagebild watch``) or in one process with the web server (``serve --watch``),
which then owns the store's one writer and gives each request its own read cursor."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from lagebild.live.alerts import Alerts
from lagebild.live.sources import WatchConfig
from lagebild.live.watcher import Watcher, WatchStats
from lagebild.store import Store, alerts_path

log = logging.getLogger("lagebild.watch")


def _executor(workers: int | None):  # noqa: ANN202 - a LocalExecutor
    from lagebild.executors import LocalExecutor

    return LocalExecutor(workers)


def watch(
    store: Store,
    config: WatchConfig,
    *,
    workers: int | None = None,
    alerts_file: str | Path | None = None,
    once: bool = False,
    stop: threading.Event | None = None,
    on_stored: Callable[[list[str]], None] | None = None,
) -> WatchStats:
    """Watch the sources into ``store`` until ``stop`` is set (or SIGINT/SIGTERM), or poll each source once."""
    stop = stop or threading.Event()
    alerts = Alerts(config.alerts, alerts_file or alerts_path(store.path)) if config.alerts else None
    with _executor(workers) as executor:
        watcher = Watcher(config, store, executor=executor, alerts=alerts, on_stored=on_stored)
        try:
            if once:
                watcher.recover()
                watcher.poll_due()
            else:
                _stop_on_signals(stop)
                watcher.run(stop)
        finally:
            watcher.client.close()
    return watcher.stats


def serve_watching(
    store: Store,
    config: WatchConfig,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
    alerts_file: str | Path | None = None,
) -> None:
    """Serve the web UI and API while a watcher thread writes new articles into the same store."""
    import uvicorn

    from lagebild.web import create_app
    from lagebild.web.sources import OwnedStore

    alerts_file = Path(alerts_file) if alerts_file else alerts_path(store.path)
    stop = threading.Event()
    writer = store.writer()
    thread = threading.Thread(
        target=watch,
        args=(writer, config),
        kwargs={"workers": workers, "alerts_file": alerts_file, "stop": stop},
        name="lagebild-watcher",
        daemon=True,
    )
    app = create_app(store.path, OwnedStore(store), alerts_file=alerts_file)
    thread.start()
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        stop.set()
        thread.join(timeout=60)
        writer.close()


def _stop_on_signals(stop: threading.Event) -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
