"""Actors named only by their code: a country (``DEU``) or a country's sector (``ITA.JUD``), as event coding assigns
them when no dictionary actor fits. They get a record with a readable name, so nothing is shown or exported as a bare
code."""

from __future__ import annotations

import re
from functools import cache

import pycountry

from lagebild.model import Actor

SECTORS: dict[str, str] = {
    "GOV": "Regierung",
    "MIL": "Streitkräfte",
    "COP": "Polizei",
    "REB": "Rebellen",
    "OPP": "Opposition",
    "LEG": "Parlament",
    "JUD": "Justiz",
    "CVL": "Zivilbevölkerung",
    "MED": "Medien",
    "BUS": "Wirtschaft",
    "LAB": "Arbeitnehmer",
    "REF": "Flüchtlinge",
}
"""The PLOVER/CAMEO sectors of the gazetteer, named as the dictionary names its sector actors."""
_CODE = re.compile(r"([A-Z]{3})(?:\.([A-Z]{3}))?")


@cache
def _dictionary() -> dict[str, Actor]:
    from lagebild.actors.dictionary import packaged_actors  # noqa: PLC0415 - the dictionary is large

    return packaged_actors()


@cache
def _country_names() -> dict[str, str]:
    """Country code -> the dictionary's name of its government actor (``DEU.GOV`` -> Deutschland)."""
    return {
        actor.country: actor.name
        for actor in _dictionary().values()
        if actor.country and actor.sector == "GOV" and actor.id == f"{actor.country}.GOV"
    }


def country_name(code: str) -> str | None:
    """The name of an ISO 3166 alpha-3 country code: the dictionary's, else the standard's (English)."""
    if code in _country_names():
        return _country_names()[code]
    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or getattr(found, "name", None) if found else None


def code_actor(actor_id: str) -> Actor | None:
    """A record for a country or country-sector code (the dictionary's own where it has one), or None when
    ``actor_id`` is no such code."""
    if actor_id in _dictionary() and _CODE.fullmatch(actor_id):
        return _dictionary()[actor_id]
    match = _CODE.fullmatch(actor_id or "")
    if match is None:
        return None
    country, sector = match[1], match[2]
    name = country_name(country)
    if name is None or (sector is not None and sector not in SECTORS):
        return None
    if sector is None:
        return Actor(id=actor_id, name=name, country=country, kind="state")
    return Actor(
        id=actor_id, name=f"{SECTORS[sector]} ({name})", country=country, sector=sector, kind="group"
    )
