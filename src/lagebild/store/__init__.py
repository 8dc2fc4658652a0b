"""The embedded DuckDB store, its read model (``queries``) and its exports."""

from lagebild.store.duck import (
    DEFAULT_DB,
    Store,
    StoreBusy,
    StoreError,
    alerts_path,
    copy_to_snapshot,
    is_served,
    serving_marker,
    snapshot_path,
)
from lagebild.store.export import export_jsonl, export_parquet

__all__ = [
    "DEFAULT_DB",
    "Store",
    "StoreBusy",
    "StoreError",
    "alerts_path",
    "copy_to_snapshot",
    "export_jsonl",
    "export_parquet",
    "is_served",
    "serving_marker",
    "snapshot_path",
]
