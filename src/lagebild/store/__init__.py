"""The embedded DuckDB store and its exports."""

from lagebild.store.duck import DEFAULT_DB, Store, StoreError
from lagebild.store.export import export_jsonl, export_parquet

__all__ = ["DEFAULT_DB", "Store", "StoreError", "export_jsonl", "export_parquet"]
