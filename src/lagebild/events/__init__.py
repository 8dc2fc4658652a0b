"""PLOVER event coding: type, mode, status, source/target actors, date and evidence for each reported event.

German first, English second. The trigger lexicon is data (each language's ``event_triggers.json`` in
``lagebild.language``, ``data/lexicon.json``), actor mentions come from :mod:`lagebild.actors.mentions`, feature
extraction lives in :mod:`.features`, decisions in :mod:`.rules`. A learned chooser (:mod:`.candidates` for its
features, :mod:`.chooser` for scoring, ``training/events_chooser.py`` to retrain its JSON weights) backs up the rules'
actor roles.
"""

from lagebild.events.features import sentence_features, trigger_features
from lagebild.events.stage import EventStage, code_article, code_sentence

__all__ = ["EventStage", "code_article", "code_sentence", "sentence_features", "trigger_features"]
