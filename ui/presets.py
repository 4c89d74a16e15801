"""What the pages ask of the presets table (bp_core.PRESETS) beyond one preset's own facts: which presets a page
offers, and which it starts on. No Streamlit here. Pages and ui modules ask a preset (``bp_core.PRESETS[key]``) what
applies to it; none of them compares a model's name.
"""

from __future__ import annotations

import bp_core

DEFAULT_MODEL = next(iter(bp_core.PRESETS))
"""The dashboard starts on the table's first preset (the lecture's line)."""


def choices(page: str) -> list[str]:
    """The presets ``page`` (a name in bp_core.presets.PAGES) offers, in the table's order; the first is its default."""
    if page not in bp_core.presets.PAGES:
        raise ValueError(f"page must be one of {bp_core.presets.PAGES}, got {page!r}")
    return [key for key, preset in bp_core.PRESETS.items() if page in preset.pages]


LECTURE_NETWORK = choices("chain_rule")[0]
"""The first layered network in the table (the lecture's 2-3-2 network): where the chain-rule and gradient-check pages
start, since a network's many parameters show what a line's two cannot."""

