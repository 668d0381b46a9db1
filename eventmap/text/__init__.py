"""Article text -> events, one stage per module: reading, document date, sentences, dates, anchoring, categories, pipeline."""
