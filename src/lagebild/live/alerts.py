"""Alerts: watched searches, actors and dyads. New events that match are appended to a JSONL file, one per line."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from lagebild.language.tokens import search_terms
from lagebild.live.sources import AlertRule
from lagebild.store import Store, queries

MAX_SHOWN = 500


class Alerts:
    """Checks the events of newly stored articles against the rules and appends every match to ``path``."""

    def __init__(self, rules: list[AlertRule], path: str | Path) -> None:
        self.rules = rules
        self.path = Path(path)
        self._lock = threading.Lock()

    def check(self, store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
        """Alerts for the events of ``article_ids`` (appended to the file and returned)."""
        if not self.rules or not article_ids:
            return []
        events = queries.events_of_articles(store.con, article_ids)
        texts = queries.article_texts(store.con, article_ids)
        meta = queries.article_meta(store.con, article_ids)
        words = {i: _words(f"{title or ''} {text or ''}") for i, (title, text) in texts.items()}
        found: list[dict[str, Any]] = []
        noticed = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for event in events:
            for rule in self.rules:
                if _matches(rule, event, words.get(event["article_id"], set())):
                    info = meta.get(event["article_id"], {})
                    found.append(
                        {
                            "alert": rule.name,
                            "noticed": noticed,
                            "article_id": event["article_id"],
                            "event": event["idx"],
                            "type": event["type"],
                            "status": event["status"],
                            "date": event["date"],
                            "source": list(event["source"] or []),
                            "target": list(event["target"] or []),
                            "outlet": event["outlet"],
                            "title": info.get("title"),
                            "url": info.get("url"),
                            "evidence": event["evidence"],
                        }
                    )
        if found:
            with self._lock, self.path.open("a", encoding="utf-8") as handle:
                for alert in found:
                    handle.write(json.dumps(alert, ensure_ascii=False) + "\n")
        return found


def read_alerts(path: str | Path | None, limit: int = MAX_SHOWN) -> list[dict[str, Any]]:
    """The last ``limit`` alerts of the file, newest first (lines that are not JSON objects are left out)."""
    if path is None:
        return []
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            lines = deque(handle, maxlen=limit)
    except FileNotFoundError:
        return []
    out = []
    for line in reversed(lines):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            out.append(record)
    return out


def _words(text: str) -> set[str]:
    return {w.casefold() for w in search_terms(text)}


def _matches(rule: AlertRule, event: dict[str, Any], words: set[str]) -> bool:
    actors = set(event["source"] or []) | set(event["target"] or [])
    if rule.actor is not None:
        return rule.actor in actors
    if rule.dyad is not None:
        a, b = rule.dyad
        source, target = set(event["source"] or []), set(event["target"] or [])
        return (a in source and b in target) or (b in source and a in target)
    wanted = _words(rule.search or "")
    return bool(wanted) and wanted <= words
