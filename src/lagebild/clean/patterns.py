"""Line patterns for boilerplate reasons (German and English tuned), stopwords and script detection."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

_I = re.IGNORECASE
# DISCLAIMER, LEGAL_LINK, COMMENTS, UI and CALL_TO_ACTION are written in lower case and match lower-cased text
# (``text.lower()``): several times faster than IGNORECASE on every line of a page.

DISCLAIMER = re.compile(
    r"^source site-?\d+$|haftungsausschluss|keine anlageberatung|ohne gewähr|keine (kauf|verkaufs)empfehlung"
    r"|stellt keine .{0,40}(empfehlung|beratung)|alle rechte vorbehalten|all rights reserved"
    r"|not (intended as|to be construed as) (investment|financial) advice|for informational purposes only"
    r"|investment advice|diese (meldung|nachricht) wurde (automatisch|maschinell)|automatisch erstellt"
    r"|hinweis gemäß|interessenkonflikt|weiterverbreitung.{0,30}(untersagt|nicht gestattet)"
    r"|nachdruck.{0,30}(untersagt|nur mit)|may not be (published|reproduced|redistributed)"
    r"|copyright \d{4}|^\(?c\)? ?\d{4} |urheberrechtlich geschützt|chronion\w* prawem autorskim"
    r"|tous droits réservés|todos los derechos reservados|tutti i diritti riservati",
)
# The heading a legal or financial notice opens with ("Risikohinweis: ...", "Disclaimer: ..."), whatever its length.
NOTICE_HEADING = re.compile(
    r"^\W{0,3}(?:haftungsausschluss|disclaimer|risikohinweis|rechtliche[rn]? hinweis[e]?|transparenzhinweis"
    r"|hinweis (?:auf|zu) (?:mögliche[n]? )?interessenkonflikt\w*)\s*[:.-]\s"
)
# Links to and banners about a site's legal pages (a long paragraph naming them is content).
LEGAL_LINK = re.compile(
    r"datenschutzerklärung|datenschutz|privacy policy|cookie|nutzungsbedingungen|terms of (use|service)|impressum"
    r"|\bagb\b",
)
COMMENTS = re.compile(
    r"^(\d+ )?(kommentare?|comments?|leserkommentare|diskussion|reply|antworten)( \(\d+\))?:?$"
    r"|kommentar (schreiben|verfassen|abgeben)|zum kommentieren|um (zu )?kommentieren|kommentieren sie"
    r"|kommentarfunktion|leave a (comment|reply)|post a comment|add a comment|join the (conversation|discussion)"
    r"|log ?in to comment|sign in to comment|comments are closed|be the first to comment"
    r"|noch keine kommentare|diskutieren sie mit|netiquette|show comments|kommentare anzeigen",
)
# A comment section's heading or a comment's signature ("34 responses to ...", "jane says:"); used with match
COMMENT_SIGNATURE = re.compile(
    r"\d+ (responses?|comments?|replies|thoughts?) (to|on)\b|\d+ comments? feed\b|\[ ?\d+ comments? ?\]$"
    r"|(top rated|most recent|newest|oldest|best|latest|recent) comments$"
    r"|(?!(he|she|it|they|who|this|that|one) )[\w.-]+( [\w.-]+){0,2} says:$"
    r"|[\w().-]+( [\w().-]+){0,3} on \w+ \d{1,2}, \d{4}( at [\d:]+ ?[ap]m)? said:$",
)
UI = re.compile(
    r"^(neueste oben|älteste oben|loader|live|liveticker|live-ticker|mehr laden|weiterlesen|mehr anzeigen|zurück"
    r"|weiter|teilen|drucken|e-?mail|share|tweet|print|menu|menü|suche|search|home|startseite|login|log ?in"
    r"|anmelden|abmelden|registrieren|sign ?in|sign ?up|subscribe|abonnieren|newsletter|schließen|close|top"
    r"|nach oben|back to top|merken|speichern|kopieren|link kopieren|facebook|twitter|whatsapp|telegram|x"
    r"|linkedin|pinterest|reddit|xing|instagram|youtube|rss|anzeige|werbung|advertisement|sponsored|mehr"
    r"|more|read more|ok|akzeptieren|accept|alle akzeptieren|einstellungen|video|audio|foto|fotos|bilder"
    r"|galerie|bildergalerie|play|abspielen|vorlesen|artikel anhören|listen|audio abspielen|twittern|top-nachrichten"
    r"|artikel weiterempfehlen|das sagen unsere leser|(?:mehr )?a a a|zurück vergrößern schließen weiter|\W*)\W*$"
    r"|jetzt weiterlesen"
    r"|^/?[\w.-]+(?:/[\w.-]+){2,}/?$|^\W*\d{1,2}\.\d{1,2}\.\d{2,4}\W*(?:\d{1,2}[:.]\d{2}\W*(?:uhr\W*)?)?$"
    r"|^(?:verfasst|freigeschaltet) am \d"
    r"|jetzt (registrieren|anmelden|abonnieren|testen|lesen|kostenlos)|registrieren sie sich|melden sie sich an"
    r"|bereits (registriert|abonnent)|schon abonnent|abo abschließen|zum abo|plus-artikel|\bs\+ ?artikel"
    r"|subscribe (now|to|for)|sign up (for|to|now)|create (an|your) (free )?account|already (a subscriber|have an account)"
    r"|newsletter (abonnieren|bestellen)|artikel (teilen|verschenken|merken)|aktualisiert am|lesezeit:? \d"
    r"|min\.? lesezeit|\d+ min(ute)?s? read|javascript|ad ?blocker|your browser|ihr browser"
    r"|seite (drucken|empfehlen)|folgen sie uns|follow us|zum (seitenanfang|inhalt)|skip to|direkt zum"
    r"|^(tags?|schlagworte|themen|rubrik|ressort|kategorie|category|filed under|temas|etiquetas|tematy|tagi"
    r"|inhaltsverzeichnis|table of contents)\b\s*:?|przeczytasz w|tiempo de lectura|temps de lecture",
)
TEASER_MARKER = re.compile(
    r"^(lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|das könnte sie (auch )?interessieren"
    r"|weitere artikel|weitere nachrichten|ähnliche artikel|verwandte artikel|empfohlene artikel|passend dazu"
    r"|zum thema|mehr dazu|siehe auch|read also|read more|related( articles| stories| coverage)?|see also"
    r"|more on this|you may also like|recommended|most read|meistgelesen|top-?themen|das könnte sie auch"
    r"|auch lesenswert|more from|trending|popular|mehr themen|weitere (aktuelle )?themen|empfohlene beiträge"
    r"|ähnliche beiträge|das könnte dich (auch )?interessieren|contenido relacionado|noticias relacionadas"
    r"|más sobre|le puede interesar|te puede interesar|lea también|lee también|à lire aussi|lire aussi"
    r"|dowiedz się więcej|czytaj (też|także|więcej)|zobacz też|leggi anche)\b.{0,80}$",
    _I,
)
# An affiliate/advertising disclosure: the site may be paid for the links in the article (lower-cased text).
AFFILIATE = re.compile(
    r"we (may )?(receive|earn|get) (a )?(compensation|commission|a small commission)"
    r"|(contains|includes) (affiliate links|references to products)|advertisers do not influence"
    r"|(provision|vergütung) (erhalten|bekommen)|affiliate-links?\b.{0,60}(provision|vergütung)"
)
# Calls to action addressed to the reader: follow, subscribe, support, keep reading behind a paywall.
CALL_TO_ACTION = re.compile(
    r"^(follow|folgen sie|folge) (us|uns|the|\w+ on)\b|^if you (enjoyed|liked|like|want)\b"
    r"|^(do|would) you (want|like) to (be informed|receive|get|support)|^get the .{0,40}(newsletter|app|daily)"
    r"|^(pour|para) (lire|accéder|continuar|seguir) |lire la suite|^gefällt (dir|ihnen) (unser|der|die|das)"
    r"|^(unterstütze|unterstützen sie) (uns|unsere)|^support (us|our)\b|this post (contains|may contain)"
    r"|dieser (beitrag|artikel) enthält (werbung|affiliate)|^\*?werbung\b|^(anzeige|advertisement)\s*[:|-]"
    r"|(?:inhalt|artikel) vollständig lesen|kostenpflichtigen zugang|in ihre merkliste",
)
# Prompts addressed to the reader: newsletter sign-ups, "write to us", paywall offers, button help (lower-cased).
NEWSLETTER_PROMPT = re.compile(
    r"newsletter\b.{0,60}(abonnier|bestell|subscri|sign up|suscri|inscri|abonne|iscriv)"
    r"|(abonnier|bestell|subscri|sign up for|suscri|inscri|abonne|iscriv).{0,60}newsletter"
    r"|newsletter-?anmeldung|\b(unseren?|our|nuestra|notre|la nostra) \w*newsletter"
)
READER_PROMPT = re.compile(
    r"puede escribirnos|escríbenos a|schreiben sie uns|write to us|écrivez-nous|cancela cuando quieras"
    r"|cancel (at )?any ?time|jederzeit kündbar|mit diesem button"
)


def reader_prompt(lower: str) -> bool:
    """Whether a lower-cased line asks the reader to sign up, write in or click (the newsletter check only runs
    on lines that name a newsletter)."""
    return ("newsletter" in lower and NEWSLETTER_PROMPT.search(lower) is not None) or (
        READER_PROMPT.search(lower) is not None
    )


# The heading of an appendix after the article: links, the original publication, the series or author blurb.
APPENDIX_HEADING = re.compile(
    r"^(originalpublikation|originalveröffentlichung|original publication|zusatzinformationen"
    r"|weitere informationen|mehr informationen|more information|further information|further reading"
    r"|weiterführende (links|informationen|literatur)|über diese (reihe|serie)|about this series"
    r"|über (den autor|die autorin)|about the authors?)\b[^.!?]{0,60}$"
)
# "© Reuters", "Foto: dpa", "Bild: picture alliance/dpa", "(Photo by X/Getty Images)", "Quelle: AFP"
CREDIT_ONLY = re.compile(
    r"^[\(\[]?\s*(©|\(c\)|copyright|foto|fotos|bild|bilder|photo|image|picture|quelle|credit|grafik|video)"
    r"\s*(:|by)?\s*[^.!?]{0,80}[\)\]]?$"
    r"|^[\w .&/-]{0,40}/(dpa|afp|reuters|ap|getty images|imago|picture alliance|keystone|epa|ddp|pap|apa|kna|epd|sda|efe|ansa)[\w .&/-]{0,30}$",
    _I,
)
# A byline: "Autor: Drobinski, Matthias", "Von Peter Müller", "By Jane Doe" - who wrote it, not what happened.
BYLINE = re.compile(
    r"^(?i:autor(?:in)?|autoren|text|von|by|interview)\s*:?\s+"
    r"[A-ZÄÖÜ][\w.'-]+(?:,?\s+(?:und\s+|and\s+)?[A-ZÄÖÜ][\w.'-]+){0,5}\s*$"
)
CREDIT_IN_LINE = re.compile(
    r"(?:©|\(c\)|fotos?:|bild:|photo:|credit:|quelle:|photo by|image:)\s*([^©]{1,80}?)\s*[\)\]]?\s*$", _I
)
# "SNA, 1920, 30.12.2021": outlet, image width in pixels, date.
WIDTH_DATE_TAIL = re.compile(
    r"(?:^|[\s,;])([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}),\s*(\d{3,4}),\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$"
)
FOREIGN_PLACEHOLDER = re.compile(r"^[\W\d_]*$")

_STOPWORD_TEXT = """
der die das den dem des ein eine einer eines einem einen und oder aber auch nicht nur noch schon sehr mehr
ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine seiner seinen ihr ihre ihren
ich du er sie es wir man sich mit von zu zum zur für auf an am im in aus bei nach vor über unter um durch
als wie wenn dass daß ob weil damit so da dann doch wieder bereits jetzt hier dort dies diese dieser dieses
diesem diesen was wer wo welche welcher kann können könnte müssen muss soll sollen sollte will wollen bis
gegen ohne seit sowie zwischen vom beim mir mich uns euch ihm ihn ihnen kein keine keinen nach wurde alle
the a an and or but of to in on at for with by from as is are was were be been being has have had it its
this that these those he she they we you i his her their our not no also more than which who whom what
when where will would can could should may might must do does did so if about into over after before up
out there here all one said says just only other some such new
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
# Any character outside ASCII, Latin-1 (less ª µ º), Latin Extended-A/B and Additional, IPA, combining marks, general
# punctuation and currency signs: every letter of a line without one is a LATIN letter.
_BEYOND_LATIN = re.compile(
    r"[^\x00-\xa9\xab-\xb4\xb6-\xb9\xbb-\u02af\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}  # Japanese mixes kanji and kana in one text
_SCRIPT_PREFIXES = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL")


@functools.lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The script name of a letter (LATIN, CYRILLIC, ...), or None for non-letters."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for prefix in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return _SCRIPT_FAMILY.get(prefix, prefix)
    return name.split(" ", 1)[0] or None


def script_counts(text: str) -> dict[str, int]:
    """Letter counts per script (ASCII letters counted by regex, other characters looked up once each)."""
    counts: dict[str, int] = {}
    latin = len(_ASCII_LETTER.findall(text))
    if latin:
        counts["LATIN"] = latin
    for char, n in Counter(_NON_ASCII.findall(text)).items():
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + n
    return counts


def only_latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin (or there is none): a fast check before ``dominant_script``."""
    return _BEYOND_LATIN.search(text) is None


def dominant_script(text: str) -> str | None:
    """The script most of the text's letters are written in (None without letters)."""
    if only_latin(text):
        return "LATIN" if _LETTER.search(text) else None
    counts = script_counts(text)
    return max(counts, key=counts.__getitem__) if counts else None
