"""Input formats. Each module turns decoded content into a `Draft` (see `searchidx.load.draft`)."""
