"""The loopback news site of ``benchmarks/loopback_site.py``, for the watcher's tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "loopback_site.py"
if "loopback_site" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("loopback_site", _PATH)
    _module = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
    sys.modules["loopback_site"] = _module
    _spec.loader.exec_module(_module)  # type: ignore[union-attr]

LoopbackSite = sys.modules["loopback_site"].LoopbackSite
