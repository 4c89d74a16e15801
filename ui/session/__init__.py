"""What a session keeps and reads: each page's one state record, the link's values, the learner's numbers and
settings, and how the presets are presented."""
