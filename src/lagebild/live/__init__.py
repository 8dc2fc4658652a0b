"""Live coverage: a watcher that polls feeds and sitemaps politely into the store, and alerts on new events."""

from lagebild.live.alerts import Alerts, read_alerts
from lagebild.live.fetch import Fetched, PoliteClient
from lagebild.live.sources import AlertRule, SourcesError, WatchConfig, WatchedSource, load_sources
from lagebild.live.watcher import Watcher, WatchStats

__all__ = [
    "AlertRule",
    "Alerts",
    "Fetched",
    "PoliteClient",
    "SourcesError",
    "WatchConfig",
    "WatchStats",
    "WatchedSource",
    "Watcher",
    "load_sources",
    "read_alerts",
]
