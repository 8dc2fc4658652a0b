"""Executors decide where the per-article stages run; stages never know."""

from lagebild.executors.local import LocalExecutor, default_workers

__all__ = ["LocalExecutor", "default_workers"]
