"""Where the packaged NER model lives, and the gazetteer of actor names the tagger is trained and run with."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from lagebild.actors.dictionary import fold, packaged_actors
from lagebild.model import Actor

MAX_CHARS = 200_000
# state-actor names that denote institutions rather than territories
_INSTITUTION_NAMES = frozenset(
    fold(n)
    for n in [
        "Kreml",
        "Kremlin",
        "Weißes",
        "Haus",
        "White",
        "House",
        "Pentagon",
        "Élysée",
        "Élysée-Palast",
        "Downing",
        "Street",
        "Bundesregierung",
        "Bundeswehr",
        "Bundestag",
        "Bundesrat",
        "Duma",
        "Staatsduma",
        "Rada",
        "Werchowna",
        "Rada",
        "Kongress",
        "US-Kongress",
        "Senat",
        "Auswärtiges",
        "Amt",
        "Bundeskanzleramt",
        "Kanzleramt",
        "Foreign",
        "Office",
        "State",
        "Department",
        "IDF",
        "Revolutionsgarden",
    ]
)


def model_dir() -> Path:
    """Folder of the packaged model files (``crf.bin``, ``crf_lexicon.json``)."""
    return Path(str(resources.files("lagebild.entities").joinpath("model")))


def gazetteer_label(actor: Actor, name: str) -> str:
    """The NER label a dictionary name receives: persons PER, places and country names LOC, the rest ORG."""
    if actor.kind == "person":
        return "PER"
    if actor.kind == "place":
        return "LOC"
    if actor.kind == "state" and actor.sector == "GOV" and fold(name) not in _INSTITUTION_NAMES:
        return "LOC"
    return "ORG"


def _proper(name: str) -> bool:
    words = name.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words) and len(name) > 1


@cache
def gazetteer_patterns() -> tuple[tuple[str, str, str], ...]:
    """(surface form, label, actor id) for every proper-name variant of the packaged dictionary, with the German
    genitive -s form."""
    out: list[tuple[str, str, str]] = []
    for actor in packaged_actors().values():
        for name in [actor.name, *actor.variants]:
            if not _proper(name):
                continue
            label = gazetteer_label(actor, name)
            out.append((name, label, actor.id))
            if not name.endswith(("s", "x", "z", ".")):
                out.append((name + "s", label, actor.id))
    return tuple(out)
