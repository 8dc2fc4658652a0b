"""Stand-off spans to flat, non-overlapping text segments, each with the annotations covering it.

Templates render the segments as escaped text inside ``<span class="...">``; no markup from article data is ever
trusted, so highlighting never needs ``|safe``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.model import Article


@dataclass(frozen=True)
class Mark:
    """One annotation over ``[start, end)``: its kind (entity, timex, quote, event), CSS class and tooltip."""

    start: int
    end: int
    kind: str
    css: str
    label: str


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(m.css for m in self.marks))

    @property
    def title(self) -> str:
        return " | ".join(dict.fromkeys(m.label for m in self.marks))


def article_marks(article: Article, actor_names: dict[str, str] | None = None) -> list[Mark]:
    """All highlightable spans of an article, clipped to its text; broken spans are dropped."""
    names = actor_names or {}
    size = len(article.text)
    marks: list[Mark] = []

    def add(start: int | None, end: int | None, kind: str, css: str, label: str) -> None:
        if start is None or end is None:
            return
        start, end = max(0, int(start)), min(size, int(end))
        if start < end:
            marks.append(Mark(start, end, kind, css, label))

    for e in article.entities:
        actor = f" → {names.get(e.actor, e.actor)}" if e.actor else ""
        add(e.start, e.end, "entity", f"hl-ent hl-ent-{_token(e.label)}", f"{e.label}{actor}")
    for t in article.timexes:
        add(t.start, t.end, "timex", "hl-tmx", f"{t.type} {t.value or '?'}")
    for q in article.quotes:
        speaker = q.speaker.text if q.speaker and q.speaker.text else "?"
        add(q.start, q.end, "quote", "hl-quote", f"{q.kind} quote: {speaker}")
    for ev in article.events:
        if ev.evidence:
            src = ", ".join(names.get(a, a) for a in ev.source) or "?"
            tgt = ", ".join(names.get(a, a) for a in ev.target) or "?"
            add(ev.evidence.start, ev.evidence.end, "event", "hl-event", f"{ev.type}: {src} → {tgt}")
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece carries the marks that cover it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m.start <= start and m.end >= end]
        out.append(Segment(text[start:end], covering))
    return out


def _token(value: str) -> str:
    """A safe CSS class suffix."""
    return "".join(ch for ch in value if ch.isalnum())[:16] or "X"
