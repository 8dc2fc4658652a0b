"""The home country of an outlet: given with the input, or read from the country-code top-level domain.

Event coding reads it: a domestic person the text does not place belongs to the outlet's country (a Landesrat in
*Dolomiten* is Italian, one in *Der Standard* Austrian), not to the country of the language.
"""

from __future__ import annotations

from functools import cache

import pycountry

_TLD_ALPHA2 = {"uk": "GB"}  # country-code domains that differ from ISO 3166 alpha-2
_VANITY_TLDS = frozenset({"ai", "cc", "co", "fm", "io", "ly", "me", "nu", "tk", "to", "tv", "ws"})
"""Country-code domains sold worldwide as generic names: they say nothing of an outlet's country."""


@cache
def country_code(value: str | None) -> str | None:
    """ISO 3166 alpha-3 for an alpha-2 or alpha-3 code or an English country name; None when unknown."""
    if not value or not value.strip():
        return None
    try:
        return pycountry.countries.lookup(value.strip()).alpha_3
    except LookupError:
        return None


def domain_country(domain: str | None) -> str | None:
    """Country of a domain's country-code top-level domain (``stol.it`` -> ``ITA``); None for ``.com``, ``.eu`` ..."""
    if not domain or "." not in domain:
        return None
    tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in _VANITY_TLDS:
        return None
    return country_code(_TLD_ALPHA2.get(tld, tld.upper()))


def outlet_country(given: str | None, domain: str | None) -> str | None:
    """The outlet's country: the given one (any code or name pycountry knows), else its domain's."""
    return country_code(given) or domain_country(domain)
