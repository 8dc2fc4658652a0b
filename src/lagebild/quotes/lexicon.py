"""Word lists for quotation finding: speech verbs (cues), pronouns, prepositions, Konjunktiv forms, role nouns."""

from __future__ import annotations

import re
from functools import cache

from lagebild.language.resources import data, merged

# Weak German speech verbs by stem; inflected forms are generated (sagt, sagte, sagten, sagen, gesagt, ...).
_WEAK_DE = (
    "sag",
    "erklär",
    "beton",
    "behaupt",
    "kritisier",
    "forder",
    "warn",
    "versicher",
    "ergänz",
    "mahn",
    "verkünd",
    "bekräftig",
    "bestätig",
    "dementier",
    "twitter",
    "antwort",
    "erwider",
    "argumentier",
    "bericht",
    "klag",
    "beklag",
    "appellier",
    "verlang",
    "äußer",
    "erläuter",
    "präzisier",
    "signalisier",
    "mein",
    "fürcht",
    "befürcht",
    "hoff",
    "glaub",
    "zweifel",
    "bezweifel",
    "leugn",
    "bemerk",
    "beschwer",
    "bilanzier",
    "kommentier",
    "resümier",
    "kontr",
    "protestier",
    "drängt",
    "dräng",
    "beteuer",
    "monier",
    "rechtfertig",
    "begründ",
    "verteidig",
    "beharr",
    "schilder",
    "urteil",
    "verweis",
    "wiederhol",
    "zitier",
    "frag",
    "erinner",
    "deut",
    "erzähl",
    "plädier",
    "prognostizier",
    "bekund",
    "beanstand",
)
# Irregular / strong forms, plus participles.
_STRONG_DE = (
    "schrieb",
    "schrieben",
    "schreibt",
    "geschrieben",
    "schreiben",
    "sprach",
    "sprachen",
    "spricht",
    "gesprochen",
    "hieß",
    "heißt",
    "rief",
    "riefen",
    "ruft",
    "gerufen",
    "unterstrich",
    "unterstrichen",
    "unterstreicht",
    "versprach",
    "versprachen",
    "verspricht",
    "versprochen",
    "wies",
    "wiesen",
    "weist",
    "nannte",
    "nannten",
    "nennt",
    "genannt",
    "bezeichnete",
    "bezeichneten",
    "bezeichnet",
    "drohte",
    "drohten",
    "droht",
    "gedroht",
    "entgegnete",
    "entgegneten",
    "entgegnet",
    "betonte",
    "stellte",
    "stellten",
    "beschrieb",
    "beschreibt",
    "verlangte",
    "gestand",
    "gestanden",
    "räumte",
    "räumten",
    "gab",
    "gaben",
    "kündigte",
    "kündigten",
    "teilte",
    "teilten",
    "fügte",
    "fügten",
    "mitgeteilt",
    "hinzugefügt",
    "angekündigt",
    "eingeräumt",
    "klargestellt",
    "bekanntgegeben",
    "zugegeben",
    "hingewiesen",
    "zurückgewiesen",
    "beschwor",
    "vermutete",
    "verriet",
    "verrät",
    "verraten",
    "sagt's",
    "bestritt",
    "bestritten",
    "bestreitet",
    "bestreiten",
    "schlug",
    "schlugen",
    "schlägt",
    "schlage",
    "vorgeschlagen",
    "empfahl",
    "empfiehlt",
    "festgestellt",
    "zugesichert",
    "angemahnt",
    "eingewandt",
    "eingewendet",
    "angemerkt",
)
# Separable speech verbs: finite stem forms -> particle that closes the clause ("teilte ... mit").
SEPARABLE_DE: dict[str, tuple[str, ...]] = {
    "teilte": ("mit",),
    "teilten": ("mit",),
    "teilt": ("mit",),
    "fügte": ("hinzu", "an"),
    "fügten": ("hinzu", "an"),
    "fügt": ("hinzu", "an"),
    "gab": ("bekannt", "zu", "an"),
    "gaben": ("bekannt", "zu", "an"),
    "gibt": ("bekannt", "zu", "an"),
    "kündigte": ("an",),
    "kündigten": ("an",),
    "kündigt": ("an",),
    "räumte": ("ein",),
    "räumten": ("ein",),
    "räumt": ("ein",),
    "stellte": ("klar", "fest"),
    "stellten": ("klar", "fest"),
    "stellt": ("klar", "fest"),
    "wies": ("hin", "zurück"),
    "wiesen": ("hin", "zurück"),
    "weist": ("hin", "zurück"),
    "warf": ("vor",),
    "warfen": ("vor",),
    "wirft": ("vor",),
    "rief": ("auf",),
    "riefen": ("auf",),
    "ruft": ("auf",),
    "sprach": ("aus",),
    "sprachen": ("aus",),
    "spricht": ("aus",),
    "hob": ("hervor",),
    "hoben": ("hervor",),
    "hebt": ("hervor",),
    "schlug": ("vor",),
    "schlugen": ("vor",),
    "schlägt": ("vor",),
    "schlage": ("vor",),
    "schlagen": ("vor",),
    "sicherte": ("zu",),
    "sicherten": ("zu",),
    "sichert": ("zu",),
    "merkte": ("an",),
    "merkten": ("an",),
    "merkt": ("an",),
    "wandte": ("ein",),
    "wandten": ("ein",),
    "wendet": ("ein",),
    "mahnte": ("an",),
    "mahnten": ("an",),
    "forderte": ("auf",),
    "forderten": ("auf",),
    "fordert": ("auf",),
    "fordere": ("auf",),
    "fordern": ("auf",),
}
# Finite forms that are speech cues only together with their particle.
_PARTICLE_ONLY = {
    "warf",
    "warfen",
    "wirft",
    "stellte",
    "stellten",
    "stellt",
    "gab",
    "gaben",
    "gibt",
    "räumte",
    "räumten",
    "räumt",
    "wies",
    "wiesen",
    "weist",
    "rief",
    "riefen",
    "ruft",
    "hob",
    "hoben",
    "hebt",
    "fügte",
    "fügten",
    "fügt",
    "teilte",
    "teilten",
    "teilt",
    "kündigte",
    "kündigten",
    "kündigt",
    "schlug",
    "schlugen",
    "schlägt",
    "schlage",
    "schlagen",
    "sicherte",
    "sicherten",
    "sichert",
    "merkte",
    "merkten",
    "merkt",
    "wandte",
    "wandten",
    "wendet",
}

# Verbs of knowing, thinking and showing: a speech event only with a content clause ("wir wissen, dass ...",
# "Studien zeigen, dass ...", "ich finde, die Regierung müsse ..."), never with a mere object.
_CLAUSE_ONLY_WEAK_DE = ("zeig", "wünsch", "erwart", "vermut", "schätz", "beschließ")
_CLAUSE_ONLY_DE = frozenset(
    {
        "weiß",
        "weißt",
        "wissen",
        "wisst",
        "wusste",
        "wussten",
        "gewusst",
        "finde",
        "findet",
        "finden",
        "fand",
        "fanden",
        "denke",
        "denkt",
        "denken",
        "dachte",
        "dachten",
        "gedacht",
        "beschlossen",
        "beschloss",
    }
)
# Nouns that introduce a reported claim when a content clause follows them ("die Forderung, dass ...",
# "ich bin der Auffassung, dass ...", "das Argument, die Wirtschaft brauche das").
CLAIM_NOUNS_DE = frozenset(
    {
        "forderung",
        "forderungen",
        "aussage",
        "aussagen",
        "behauptung",
        "meinung",
        "auffassung",
        "ansicht",
        "überzeugung",
        "hoffnung",
        "eindruck",
        "einschätzung",
        "argument",
        "vorwurf",
        "warnung",
        "ankündigung",
        "zusage",
        "versprechen",
        "vorschlag",
        "erklärung",
        "position",
        "standpunkt",
        "befürchtung",
        "sorge",
        "annahme",
        "vermutung",
        "feststellung",
        "hinweis",
        "appell",
        "erwartung",
        "prognose",
        "zusicherung",
        "beteuerung",
        "mitteilung",
        "kritik",
        "überlegung",
        "gedanke",
        "gedanken",
        "idee",
        "glaube",
        "glauben",
        "zweifel",
        "erkenntnis",
        "botschaft",
        "devise",
        "losung",
        "parole",
    }
)
# "nach Ansicht von X", "meiner Meinung nach", "aus Sicht der Opposition", "meines Erachtens".
OPINION_NOUNS_DE = frozenset(
    {"ansicht", "auffassung", "einschätzung", "meinung", "überzeugung", "darstellung", "worten", "angaben"}
)
POSSESSIVE_DE = data("de").words("determiners", "possessive_genitive")
POSSESSIVE_DETERMINERS_DE = data("de").words("determiners", "possessive", "possessive_other_persons")

_EN_CUES = (
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "explained",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "noted",
    "notes",
    "wrote",
    "writes",
    "announced",
    "declared",
    "denied",
    "stressed",
    "stresses",
    "urged",
    "urges",
    "asked",
    "replied",
    "responded",
    "tweeted",
    "acknowledged",
    "admitted",
    "confirmed",
    "maintained",
    "suggested",
    "predicted",
    "vowed",
)

# Reporting prepositions/adverbs: "laut X", "X zufolge", "nach Angaben X", "so X", "according to X".
# Finite auxiliaries and modals that may open a clause before its subject: "„…“, hat der Minister gesagt".
FINITE_AUX_DE = frozenset(
    {
        "hat",
        "haben",
        "hatte",
        "hatten",
        "hätte",
        "hätten",
        "wird",
        "werden",
        "würde",
        "würden",
        "will",
        "wollen",
    }
    | {
        "wollte",
        "wollten",
        "muss",
        "müssen",
        "musste",
        "kann",
        "können",
        "konnte",
        "soll",
        "sollen",
        "sollte",
    }
    | {"darf", "dürfen", "möchte", "möchten", "ist", "sind", "war", "waren"}
)
# Pronouns used as nouns after an article: "sagen die einen", "die anderen".
SUBSTANTIVE_PRONOUNS_DE = frozenset(
    {"einen", "anderen", "meisten", "beiden", "wenigsten", "übrigen", "einzelnen"}
)
# Nouns that name a term, title or slogan: a quotation right after them is mentioned, not said.
MENTION_NOUNS_DE = frozenset(
    {"stichwort", "stichworte", "wort", "worte", "begriff", "begriffe", "schlagwort", "motto", "titel"}
    | {"thema", "studie", "definition", "slogan", "formel", "überschrift", "buch", "film", "programm"}
    | {"projekt", "grundsatz", "grundsätze", "bezeichnung", "name", "namen", "label", "kampagne", "aktion"}
    | {"gesetz", "antrag", "bericht", "papier", "serie", "sendung", "zeitung", "zeitschrift", "magazin"}
    | {"apothekenmagazin", "wochenzeitung", "tageszeitung", "fachzeitschrift", "nachrichtenmagazin", "blatt"}
    | {
        "headline",
        "hashtag",
        "operation",
        "initiative",
        "strategie",
        "plan",
        "konzept",
        "leitbild",
        "stichwörter",
    }
)
# Verb forms that are cues only in lower case, since their capitalised form is a noun ("ich frage" / "die Frage").
LOWER_CASE_CUES_DE = frozenset({"frage", "klage"})
REPORT_BEFORE_DE = {"laut"}
REPORT_AFTER_DE = {"zufolge"}

PRONOUNS_DE = {"er", "sie", "es", "ich", "wir", "man"}
PRONOUNS_EN = {"he", "she", "they", "i", "we", "it"}
# First-person subjects and possessives: never resolved to an antecedent.
FIRST_PERSON = {"ich", "wir", "man", "i", "we", "my", "our"} | {
    "mein",
    "meine",
    "meiner",
    "meines",
    "unser",
    "unsere",
    "unserer",
    "unseres",
}

DETERMINERS = merged(
    "determiners", "definite", "indefinite", "possessive", "negative", "demonstrative", "quantifier"
)
NOMINATIVE_DETERMINERS = merged("determiners", "nominative")
GENITIVE_LINKS = {"des", "der", "von", "of", "aus", "for"}

PREPOSITIONS = merged("prepositions", "all") | {"last", "this", "that", "than", "als", "wie"}
# Words that stop a speaker noun phrase.
STOP_WORDS = PREPOSITIONS | {
    "und",
    "oder",
    "aber",
    "dass",
    "daß",
    "ob",
    "weil",
    "denn",
    "auch",
    "noch",
    "bereits",
    "schon",
    "heute",
    "gestern",
    "morgen",
    "nun",
    "jetzt",
    "dann",
    "zudem",
    "außerdem",
    "nicht",
    "so",
    "es",
    "sich",
    "ihm",
    "ihr",
    "ihnen",
    "uns",
    "mir",
    "dabei",
    "dazu",
    "damit",
    "darauf",
    "hier",
    "dort",
    "and",
    "or",
    "but",
    "that",
    "on",
    "today",
    "yesterday",
    "also",
    "wenn",
    "da",
    "deshalb",
    "darum",
    "trotzdem",
    "jedoch",
    "doch",
    "sondern",
    "nur",
    "gerade",
    "immer",
    "vielleicht",
    "natürlich",
    "hierzu",
    "daher",
    "deswegen",
    "danach",
    "warum",
    "wieso",
    "weshalb",
    "was",
    "seitdem",
    "sowohl",
    "genau",
    "lange",
    "zuvor",
    "inzwischen",
    "mittlerweile",
    "bisher",
    "stattdessen",
    "dennoch",
    "offenbar",
    "tatsächlich",
    "vielmehr",
    "zwar",
    "schließlich",
    "immerhin",
    "zunächst",
    "zugleich",
    "gleichzeitig",
    "if",
    "when",
    "mit",
    "hin",
    "zurück",
    "bekannt",
    "klar",
    "hinzu",
    "ein",
    "vor",
    "an",
}
WEEKDAYS = merged("weekdays") | {"abend", "morgen", "nachmittag", "vormittag"}

# Konjunktiv I / II finite forms that mark reported speech.
KONJUNKTIV_I = {
    "habe",
    "sei",
    "seien",
    "werde",
    "könne",
    "müsse",
    "wolle",
    "solle",
    "dürfe",
    "möge",
    "gebe",
    "gehe",
    "stehe",
    "liege",
    "komme",
    "wisse",
    "bleibe",
    "brauche",
    "lasse",
    "plane",
    "sehe",
    "trage",
    "wünsche",
    "halte",
    "führe",
    "erwarte",
    "bestehe",
    "verfüge",
    "arbeite",
    "unterstütze",
    "lehne",
    "fordere",
    "gelte",
    "betreffe",
    "befinde",
    "handle",
    "handele",
    "zeige",
    "spiele",
    "nehme",
    "beabsichtige",
    "drohe",
    "strebe",
    "diene",
    "reiche",
    "fehle",
    "tue",
    "bedeute",
    "laufe",
    "wachse",
    "hänge",
    "denke",
    "glaube",
    "hoffe",
    "verstehe",
    "kenne",
    "setze",
}
KONJUNKTIV_II = {
    "wäre",
    "wären",
    "hätte",
    "hätten",
    "würde",
    "würden",
    "könnte",
    "könnten",
    "müsste",
    "müssten",
    "dürfte",
    "dürften",
    "wollte",
    "sollte",
    "sollten",
    "gäbe",
    "käme",
    "ginge",
    "bräuchte",
}
# Pronouns/subjects after which "habe", "werde" etc. are indicative, not Konjunktiv.
INDICATIVE_SUBJECTS = {"ich", "wir", "sie", "ihr", "du"}

ROLE_SUFFIX = re.compile(
    r"(?i)(sprecher(in)?|minister(in)?|präsident(in)?|kanzler(in)?|chef(in)?|leiter(in)?|botschafter(in)?"
    r"|berater(in)?|vorsitzende[rn]?|general|diplomat(in)?|abgeordnete[rn]?|bürgermeister(in)?|gouverneur(in)?"
    r"|kommandeur|senator(in)?|direktor(in)?|generalsekretär(in)?|beauftragte[rn]?|experte|expertin|anwalt|"
    r"anwältin|spokes(wo)?man|minister|president|chancellor|secretary|ambassador|envoy|official|adviser|advisor"
    r"|chief|leader|premier|staatssekretär(in)?|koordinator(in)?|vize)$"
)


def _weak_forms(stem: str) -> set[str]:
    e = "e" if stem.endswith(("t", "d")) else ""
    forms = {
        stem + e + "t",
        stem + e + "te",
        stem + e + "ten",
        stem + "en",
        stem + "e",
        stem + "n" if stem.endswith(("er", "el")) else stem + "en",
    }
    inseparable = stem.startswith(("be", "er", "ver", "ent", "zer", "ge", "miss", "wider")) or stem.endswith(
        "ier"
    )
    forms.add((stem if inseparable else "ge" + stem) + e + "t")
    return forms


@cache
def cue_words(language: str = "de") -> frozenset[str]:
    """Lower-cased word forms that can head a speech event."""
    if language == "en":
        return frozenset(_EN_CUES)
    words: set[str] = set(_STRONG_DE)
    for stem in _WEAK_DE:
        words |= _weak_forms(stem)
    return frozenset(words - {"mein", "meine", "deute", "frage", "klage", "antworten"})


@cache
def clause_only_words() -> frozenset[str]:
    """German forms of knowing/thinking/showing verbs: cues only when a content clause follows."""
    words = set(_CLAUSE_ONLY_DE)
    for stem in _CLAUSE_ONLY_WEAK_DE:
        words |= _weak_forms(stem)
    return frozenset(words - cue_words("de"))


def needs_particle(word: str) -> bool:
    """True for finite forms that are speech cues only with their separable particle ("teilte ... mit")."""
    return word.lower() in _PARTICLE_ONLY


def is_role_noun(word: str) -> bool:
    """True for nouns naming a function (Sprecher, Kreml-Sprecher, Außenminister, spokesman, ...)."""
    return bool(ROLE_SUFFIX.search(word.replace("-", "")))


def role_key(word: str) -> str:
    """Normalised role noun: "Kreml-Sprecher" and "Kremlsprecher" share one key."""
    return re.sub(r"[^a-zäöüß]", "", word.lower())
