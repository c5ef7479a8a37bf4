"""Who said what: speaker attribution (rules), quote records (quotes), word lists (lexicons) and speaker
identities (identity). See docs/attribution.md."""

from searchidx.attribution.identity import Identity, group_variants, release_speakers
from searchidx.attribution.rules import attribute, speaker_key

__all__ = ["Identity", "attribute", "group_variants", "release_speakers", "speaker_key"]
