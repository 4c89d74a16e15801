"""What each page draws: its cached calls into bp_core, its sentences and tables, its exercises, and the app shell."""
