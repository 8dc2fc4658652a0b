"""Role phrases ("der russische Präsident", "US-Außenminister", "Kremlsprecher") read against dated offices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lagebild.actors.dictionary import adjective_stem, fold
from lagebild.language.lexicon import DETERMINERS
from lagebild.model import Actor

if TYPE_CHECKING:
    from lagebild.actors.index import ActorIndex

COLLEAGUE = "colleague"

# folded role noun -> (role, implied country or office owner)
ROLE_NOUNS: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(
        [
            "prasident",
            "prasidentin",
            "staatsprasident",
            "staatsprasidentin",
            "staatschef",
            "staatschefin",
            "staatsoberhaupt",
            "president",
        ],
        ("head_of_state", None),
    ),
    "bundesprasident": ("head_of_state", "DEU"),
    "bundesprasidentin": ("head_of_state", "DEU"),
    "kremlchef": ("head_of_state", "RUS"),
    "kremlherrscher": ("head_of_state", "RUS"),
    **dict.fromkeys(
        [
            "kanzler",
            "kanzlerin",
            "regierungschef",
            "regierungschefin",
            "premierminister",
            "premierministerin",
            "ministerprasident",
            "ministerprasidentin",
            "premier",
            "prime minister",
            "chancellor",
        ],
        ("head_of_government", None),
    ),
    "bundeskanzler": ("head_of_government", "DEU"),
    "bundeskanzlerin": ("head_of_government", "DEU"),
    **dict.fromkeys(
        [
            "aussenminister",
            "aussenministerin",
            "chefdiplomat",
            "chefdiplomatin",
            "aussenamtschef",
            "foreign minister",
            "secretary of state",
        ],
        ("foreign_minister", None),
    ),
    **dict.fromkeys(
        ["verteidigungsminister", "verteidigungsministerin", "defence minister", "defense secretary"],
        ("defence_minister", None),
    ),
    **dict.fromkeys(
        [
            "regierungssprecher",
            "regierungssprecherin",
            "sprecher",
            "sprecherin",
            "spokesman",
            "spokeswoman",
            "spokesperson",
        ],
        ("spokesperson", None),
    ),
    "kremlsprecher": ("spokesperson", "RUS"),
    **dict.fromkeys(["vizeprasident", "vizeprasidentin", "vice president"], ("vice_president", None)),
    **dict.fromkeys(
        ["generalsekretar", "generalsekretarin", "secretary general"], ("secretary_general", None)
    ),
    **dict.fromkeys(["kollege", "kollegin", "amtskollege", "amtskollegin", "counterpart"], (COLLEAGUE, None)),
}
# folded prefix word in front of a role noun -> owner
_PREFIX_OWNERS = {"kreml": "RUS", "bundes": "DEU", "weissen hauses": "USA"}
_FALLBACK = {"head_of_government": "head_of_state", "head_of_state": "head_of_government"}


@dataclass(frozen=True)
class RolePhrase:
    """A parsed role phrase: the office, and whose office it is (ISO3 / org code) when the phrase says so."""

    role: str
    of: str | None


def _owner_code(actor: Actor) -> str | None:
    if actor.kind == "state" or actor.kind == "place":
        return actor.country
    if actor.kind == "organisation" and actor.sector == "IGO":
        return actor.id.split(".", 1)[1].upper()
    return None


def _owner_of(word: str, actors: ActorIndex) -> str | None:
    stem = adjective_stem(word)
    adjectives = actors.adjective_countries()
    if stem in adjectives:
        return adjectives[stem]
    if word in _PREFIX_OWNERS:
        return _PREFIX_OWNERS[word]
    for actor in actors.candidates(word):
        code = _owner_code(actor)
        if code:
            return code
    return None


def _role_noun(word: str) -> str | None:
    """The role-noun entry for a folded word, tolerating case endings ("kollegen", "prasidenten")."""
    if word in ROLE_NOUNS:
        return word
    for suffix in ("en", "n", "s", "es"):
        if word.endswith(suffix) and word[: -len(suffix)] in ROLE_NOUNS:
            return word[: -len(suffix)]
    return None


def parse_role(text: str, actors: ActorIndex) -> RolePhrase | None:
    """Read a role phrase: ``"der russische Präsident"`` -> ``RolePhrase("head_of_state", "RUS")``."""
    tokens = fold(text).split()
    for i in range(len(tokens)):
        for width in (3, 2, 1):
            noun = _role_noun(" ".join(tokens[i : i + width]))
            if noun is None:
                continue
            role, owner = ROLE_NOUNS[noun]
            if owner is None:
                others = tokens[:i] + tokens[i + width :]
                for j, word in enumerate(others):
                    if word in DETERMINERS or word in ("von", "of", "in", "aus"):
                        continue
                    owner = _owner_of(word, actors) or (
                        _owner_of(" ".join(others[j : j + 2]), actors) if j + 1 < len(others) else None
                    )
                    if owner:
                        break
            return RolePhrase(role, owner)
    return None


def holder(role: str, of: str, date: str | None, actors: ActorIndex) -> Actor | None:
    """The single holder of an office on a date, falling back head of state <-> head of government."""
    for name in (role, _FALLBACK.get(role)):
        if name is None:
            continue
        found = actors.holders(name, of, date)
        if len(found) == 1:
            return found[0]
    return None


def resolve_role(text: str, date: str | None, actors: ActorIndex) -> Actor | None:
    """The actor a self-contained role phrase names on ``date`` ("US-Präsident", 2021 -> Joe Biden)."""
    phrase = parse_role(text, actors)
    if phrase is None or phrase.of is None or phrase.role == COLLEAGUE:
        return None
    return holder(phrase.role, phrase.of, date, actors)
