"""Named entities: German/English NER (a CRF with the actor gazetteer) and their resolution to actors."""

from lagebild.entities.stage import EntityStage

__all__ = ["EntityStage"]
