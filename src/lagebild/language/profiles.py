"""Analysis profiles: ``fast`` (no encoder: the CRF with word clusters and gazetteers) and ``accurate`` (named
entities from the multilingual-e5-small encoder). Both give the same output contract."""

from __future__ import annotations

PROFILES = ("fast", "accurate")
DEFAULT_PROFILE = "fast"
"""``fast`` stays the default: on two cores the encoder runs at a few hundred pieces per second, far below the
eight articles per second the whole pipeline must reach."""


def check_profile(profile: str) -> str:
    """``profile`` if it is known and its models are installed, else a ValueError that says what is missing."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r} (expected one of {', '.join(PROFILES)})")
    if profile == "accurate":
        from lagebild.language.encoder import model_path
        from lagebild.language.ner import head_path

        try:
            model_path()
        except RuntimeError as exc:
            raise ValueError(f"the accurate profile needs the encoder: {exc}") from exc
        if not head_path().exists():
            raise ValueError(
                f"the accurate profile needs the NER head {head_path()} (make train-ner-encoder)"
            )
    return profile


def entity_model(profile: str) -> str:
    """The NER the entities stage runs under ``profile``: ``crf`` or ``encoder``."""
    return "encoder" if check_profile(profile) == "accurate" else "crf"
