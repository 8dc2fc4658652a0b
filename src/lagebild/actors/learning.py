"""Learning actors: persons the dictionary does not know, taken from processed articles (a corpus step).

A person (a PER entity of two or more name tokens that resolved to no actor) whose noun phrase or bracket says who
they act for (``Landesrat Richard Theiner``, ``der CSU-Politiker Max Muster``, ``Anna Beispiel (SPD)``) becomes a
:class:`LearnedActor` ``per.<slug>`` with that country and sector; the outlet's country stands in for an unplaced
domestic person, as the event coder reads such phrases (:func:`lagebild.actors.mentions.person_phrases`). Sports
and culture pages teach nothing unless their title is political. The store keeps learned actors with a mention
count; the next batch's :class:`~lagebild.actors.index.ActorIndex` is built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lagebild.actors.dictionary import packaged_actors, slug
from lagebild.actors.index import ActorIndex
from lagebild.actors.learned import LearnedActor
from lagebild.actors.mentions import PhraseCode, person_phrases
from lagebild.model import Actor, Article, Entity

MAX_NAME_CHARS = 60
MAX_NAME_TOKENS = 4
_NAME_TOKEN = re.compile(r"(?:[OD]['’])?[^\W\d_a-zß][^\W\d_]*[a-zäöüßà-ÿ](?:[-'’][^\W\d_]+)*")
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "di", "da", "del", "dos", "du", "zu", "ten", "ter", "la"}
)
_HONORIFICS = re.compile(r"^(?:(?:Dr|Prof|Mag|Ing|Dipl)\.\s*)+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

# office nouns before a name (also as compound heads: "Bundesinnenminister", "Landtagsabgeordnete") -> sector
_OFFICES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (sector, re.compile(rf"(?<![\w])[\w-]*(?:{stems})(?![\w])", re.IGNORECASE))
    for sector, stems in (
        (
            "GOV",
            r"minister(?:in|s)?|kanzler(?:in|s)?|landesr(?:a|ä)t(?:in|s)?|landeshauptmann|landeshauptfrau"
            r"|bürgermeister(?:in|s)?|landr(?:a|ä)t(?:in|s)?|staatssekretär(?:in|s)?|gouverneur(?:in|s)?"
            r"|kommissar(?:in|s)?|botschafter(?:in|s)?|regierungschef(?:in|s)?|staatschef(?:in|s)?"
            r"|governor|mayor|secretary|minister|ambassador|commissioner",
        ),
        (
            "LEG",
            r"abgeordnete[nr]?|parlamentarier(?:in)?|fraktionschef(?:in)?|fraktionsvorsitzende[nr]?"
            r"|senator(?:in)?|congressman|congresswoman|lawmaker|mp|mep|mdb",
        ),
        ("JUD", r"richter(?:in)?|staatsanwalt|staatsanwältin|judge|prosecutor"),
        ("COP", r"polizist(?:in|en)?|polizeichef(?:in)?|police chief"),
    )
)
_SPORT = re.compile(
    r"(?<![\w])(?:sport\w*|fußball\w*|bundesliga|liga|spieltag\w*|trainer\w*|torwart|stürmer|tor(?:e|en)?|"
    r"weltcup\w*|olympi\w*|meisterschaft\w*|tennis|slalom|abfahrt|rennen|saison|match|league|football|soccer|"
    r"coach|striker|goals?|tournament|championship)(?![\w])",
    re.IGNORECASE,
)
_CULTURE = re.compile(
    r"(?<![\w])(?:kultur\w*|feuilleton|konzert\w*|theater\w*|oper|ausstellung\w*|roman|film\w*|musik\w*|album|"
    r"festival\w*|künstler\w*|museum|premiere|schauspiel\w*|regisseur\w*|sänger\w*|band|lesung|"
    r"concert|exhibition|novel|movie|actor|actress|singer)(?![\w])",
    re.IGNORECASE,
)
_POLITICAL = re.compile(
    r"(?<![\w])(?:\w*regierung\w*|\w*minister\w*|partei\w*|\w*wahl\w*|\w*politi\w*|parlament\w*|landtag\w*|"
    r"bundestag|gemeinderat\w*|koalition\w*|kanzler\w*|präsident\w*|landesrat|gesetz\w*|government|election\w*|"
    r"party|parliament\w*|president\w*|policy|vote|senate|congress)(?![\w])",
    re.IGNORECASE,
)
_SECTION = re.compile(
    r"/(?:sport|sports|kultur|culture|feuilleton|arts|entertainment|musik|film)(?:/|$)", re.I
)
_PAGE_CUES = 3  # sports or culture cue words (in the title and the opening) that mark a page as such
_OPENING_CHARS = 1500


def learn_from_article(article: Article, actors: ActorIndex) -> list[LearnedActor]:
    """The persons this article teaches, each once, in text order (``mentions`` 1, ``first_seen`` its id);
    ``actors`` is the index the article's stages ran with."""
    try:
        return _learn(article, actors)
    except Exception:  # noqa: BLE001 - learning never fails a run; odd input teaches nothing
        return []


def _learn(article: Article, actors: ActorIndex) -> list[LearnedActor]:
    text = article.text or ""
    candidates = [e for e in article.entities if e.label == "PER" and e.actor is None and e.end <= len(text)]
    if not candidates or not political_page(article):
        return []
    spans = [(s.start, s.end) for s in article.sentences] or [(0, len(text))]
    out: dict[str, LearnedActor] = {}
    for start, end in spans:
        inside = [e for e in candidates if start <= e.start and e.end <= end]
        if not inside:
            continue
        entities = [e for e in article.entities if start <= e.start and e.end <= end]
        phrases = person_phrases(
            text, start, end, entities, article.published, article.language, article.source.country, actors
        )
        for entity, code, window_start in phrases:
            learned = _actor_of(text, entity, code, window_start, article, actors)
            if learned is not None and learned.id not in out:
                out[learned.id] = learned
    return list(out.values())


def _actor_of(
    text: str, entity: Entity, code: PhraseCode, window_start: int, article: Article, actors: ActorIndex
) -> LearnedActor | None:
    name = person_name(entity.text, actors, text)
    if name is None:
        return None
    actor_id = f"per.{slug(name)}"
    if actor_id == "per." or actor_id in packaged_actors():
        return None
    title = text[window_start : entity.start]
    office = next((sector for sector, regex in _OFFICES if regex.search(title)), None)
    owner_country, owner_sector = _owner(title, text[entity.end : entity.end + 48], actors)
    if code.placed or owner_country:
        country = owner_country or code.country
        sector = office or owner_sector or code.title_sector
    elif (office or owner_sector) and not _foreign_near(article, window_start, actors):
        country, sector = code.country, office or owner_sector  # a domestic office: the outlet's country
    else:
        return None
    if country in ("IGO", "NGO"):
        country, sector = None, country
    if sector is None:
        return None
    surname = name.split()[-1]
    variants = [surname] if _free(surname, actors) else []
    return LearnedActor(actor_id, name, variants, country, sector, first_seen=article.id)


def _foreign_near(article: Article, position: int, actors: ActorIndex) -> bool:
    """A state other than the outlet's own is named in the sentence before ``position`` or in its own sentence."""
    home = article.source.country
    spans = [s for s in article.sentences if s.start <= position]
    lo = spans[-2].start if len(spans) > 1 else 0
    hi = next((s.end for s in article.sentences if s.start <= position < s.end), len(article.text))
    for entity in article.entities:
        if entity.actor and lo <= entity.start < hi:
            country = actors.actor_code(entity.actor)[0]
            if country and country != home:
                return True
    return False


def person_name(surface: str, actors: ActorIndex, text: str = "") -> str | None:
    """The canonical form of a person's name as written (``"Dr. Richard Theiners"`` -> ``"Richard Theiner"`` when
    ``text`` also has ``Theiner``), or None when it is no plausible full name of an unknown person."""
    name = _HONORIFICS.sub("", " ".join(surface.split()))
    name = _POSSESSIVE.sub("", name)
    tokens = name.split()
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS or len(name) > MAX_NAME_CHARS:
        return None
    if tokens[0] in _PARTICLES or tokens[-1] in _PARTICLES:
        return None
    if not all(t in _PARTICLES or _NAME_TOKEN.fullmatch(t) for t in tokens):
        return None
    last = tokens[-1]
    if (
        last.endswith("s")
        and len(last) > 4
        and re.search(rf"(?<![\w-]){re.escape(last[:-1])}(?![\w-])", text)
    ):
        tokens[-1] = last[:-1]  # a genitive: "Richard Theiners" where the text also says "Theiner"
        name = " ".join(tokens)
    if actors.candidates(name):
        return None  # the dictionary knows the name (the entity stage kept it from this person)
    if any(not _free(t, actors) for t in tokens if t not in _PARTICLES):
        return None  # "Paris Hilton", "Georgia Meier": a place or organisation name inside
    return name


def _free(word: str, actors: ActorIndex) -> bool:
    """No actor answers to ``word`` (a place, organisation or known person)."""
    return not actors.candidates(word)


def _owner(title: str, after: str, actors: ActorIndex) -> tuple[str | None, str | None]:
    """(country, sector) of a party, organisation or state in a compound title word (``CSU-Politiker`` -> DEU,
    PTY; ``US-Senator`` -> USA) or in brackets right after the name (``Jung (CDU)``)."""
    words = [m.group(1) for m in re.finditer(r"(?<![\w-])([A-ZÄÖÜ]\w*)-[A-ZÄÖÜa-zäöü]\w+", title)]
    bracket = re.match(r"\s*\(\s*([A-ZÄÖÜ][\w/ -]{0,30}?)\s*\)", after)
    if bracket:
        words.append(bracket.group(1))
    for word in words:
        for actor in actors.candidates(word):
            if actor.kind == "organisation" and actor.sector in ("PTY", "IGO", "NGO"):
                return actor.country, actor.sector
            if actor.kind in ("state", "place") and actor.country:
                return actor.country, None
    return None, None


def political_page(article: Article) -> bool:
    """False for a sports or culture page (by its URL section or cue words) whose title is not political."""
    title = article.title or ""
    if _POLITICAL.search(title):
        return True
    url = article.source.url or ""
    if _SECTION.search(url.split("?", 1)[0]):
        return False
    opening = f"{title}\n{(article.text or '')[:_OPENING_CHARS]}"
    cues = len(_SPORT.findall(opening)) + len(_CULTURE.findall(opening))
    return cues < _PAGE_CUES or cues < len(_POLITICAL.findall(opening))


def learn_batch(
    articles: Iterable[Article], actors: ActorIndex, known: Mapping[str, Actor] | Iterable[str] = ()
) -> list[LearnedActor]:
    """What a batch of articles teaches: new persons and sightings of learned ones (``known``, or learned from
    another article of the batch), one record per id with ``mentions`` the number of articles naming the person
    (resolved, or by the same full name) and the earliest such article as ``first_seen``. ``actors`` is the index
    the batch's stages ran with."""
    articles = list(articles)
    known_map: Mapping[str, Actor] = known if isinstance(known, Mapping) else {}
    known_ids = set(known)
    taught = [{a.id: a for a in learn_from_article(article, actors)} for article in articles]
    new: dict[str, LearnedActor] = {}
    for lesson in taught:
        for actor_id, actor in lesson.items():
            new.setdefault(actor_id, actor)
    out: dict[str, LearnedActor] = {}
    for article, lesson in zip(articles, taught, strict=True):
        seen = set(lesson)
        for entity in article.entities:
            if entity.label != "PER":
                continue
            if entity.actor in known_ids:
                seen.add(entity.actor)
            elif entity.actor is None:
                name = person_name(entity.text, actors, article.text or "") if new or known_ids else None
                actor_id = f"per.{slug(name)}" if name else None
                if actor_id in new or actor_id in known_ids:
                    seen.add(actor_id)
        for actor_id in seen:
            if actor_id in out:
                out[actor_id].mentions += 1
            elif actor_id in new and actor_id not in known_ids:
                record = new[actor_id]
                out[actor_id] = LearnedActor(
                    record.id,
                    record.name,
                    list(record.variants),
                    record.country,
                    record.sector,
                    first_seen=article.id,
                )
            else:
                out[actor_id] = _sighting(actor_id, known_map.get(actor_id), article.id)
    return list(out.values())


def _sighting(actor_id: str, base: Actor | None, article_id: str) -> LearnedActor:
    """One more article naming a learned person (the stored record keeps its name and codes)."""
    if base is not None:
        return LearnedActor(
            actor_id, base.name, list(base.variants), base.country, base.sector, first_seen=article_id
        )
    return LearnedActor(actor_id, actor_id.removeprefix("per."), [], first_seen=article_id)
