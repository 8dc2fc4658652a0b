"""Stories: near-duplicates, streaming story clustering, merged cross-article events, timelines, outlet comparison.

Public API:

- ``update_stories(store) -> StoryUpdate``: assign articles with ``story IS NULL`` and save new/changed stories.
- ``dyad_timeline(store, a, b) -> DyadTimeline``: merged events between two actors with a score per day.
- ``outlet_comparison(store, story_id) -> OutletComparison | None``: what each outlet carried or left out.
"""

from lagebild.stories.cluster import Assignment, ClusterParams, StoryClusterer
from lagebild.stories.events import GOLDSTEIN, STATUS_FACTOR, EventReport, merge_events
from lagebild.stories.update import StoryUpdate, build_stories, update_stories
from lagebild.stories.views import (
    DyadDay,
    DyadTimeline,
    OutletComparison,
    OutletCoverage,
    QuoteGroup,
    dyad_timeline,
    outlet_comparison,
)

__all__ = [
    "GOLDSTEIN",
    "STATUS_FACTOR",
    "Assignment",
    "ClusterParams",
    "DyadDay",
    "DyadTimeline",
    "EventReport",
    "OutletComparison",
    "OutletCoverage",
    "QuoteGroup",
    "StoryClusterer",
    "StoryUpdate",
    "build_stories",
    "dyad_timeline",
    "merge_events",
    "outlet_comparison",
    "update_stories",
]
