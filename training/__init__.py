"""Training scripts for the shipped models; the ``lagebild`` package holds only their weights.

Run from the repository root, e.g. ``python -m training.events_chooser``; every script is deterministic.
"""
