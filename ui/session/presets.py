"""What the dashboard shows for each problem of bp_core.PRESETS (bp_core holds the problem, this the presentation):
which teaching pages offer it, which views it draws, which final values Compare shows as metrics. Its names and data
captions are texts (``model_<key>`` and ``data_<key>`` in ui/texts). No Streamlit here. Pages and ui modules ask
``view(key)`` what applies; none of them compares a model's name.
"""

from __future__ import annotations

from dataclasses import dataclass

import bp_core
from bp_core.contract import LayeredModel

PAGES = ("chain_rule", "backward", "step_by_hand", "gradient_check", "learning_rate")
"""The teaching pages that offer a choice of preset (pages/<name>.py). The Compare page and its links offer every
preset."""


@dataclass(frozen=True)
class PresetView:
    """How the dashboard presents one preset."""

    pages: tuple[str, ...] = PAGES  # of PAGES: the teaching pages that offer it; every preset is on the Compare
    # page
    loss_surface: bool = False  # two parameters w, b: the Compare page draws the loss surface (else the outputs)
    step_formulas: bool = False  # the step page writes the line's formulas (pred = w x + b) with the numbers (else
    # tables of every unit's d and n and of the local derivatives)
    headline_parameters: tuple[str, ...] = ()  # final values the Compare page shows as metrics; none: the
    # parameter count and the epochs run instead


VIEWS: dict[str, PresetView] = {
    "line": PresetView(loss_surface=True, step_formulas=True, headline_parameters=("w", "b")),  # the chain-rule
    # page draws it as the network of one unit it is (bp_core.Line.as_network)
    "mlp": PresetView(),
    "xor": PresetView(),
}
"""One row per preset of bp_core.PRESETS (tests/test_presets.py holds the keys equal)."""

DEFAULT_MODEL = next(iter(bp_core.PRESETS))
"""The dashboard starts on the table's first preset (the lecture's line)."""


def view(model: str) -> PresetView:
    """How the dashboard presents the preset ``model`` (a key of bp_core.PRESETS)."""
    if model not in VIEWS:
        raise ValueError(f"model must be one of {sorted(VIEWS)}, got {model!r}")
    return VIEWS[model]


def choices(page: str) -> list[str]:
    """The presets ``page`` (a name in PAGES) offers, in the table's order; the first is its default."""
    if page not in PAGES:
        raise ValueError(f"page must be one of {PAGES}, got {page!r}")
    return [key for key in bp_core.PRESETS if page in view(key).pages]


LECTURE_NETWORK = next(key for key in bp_core.PRESETS if isinstance(bp_core.PRESETS[key].build()[0], LayeredModel))
"""The first layered network in the table (the lecture's 2-3-2 network): where the chain-rule, backward and
gradient-check pages start, since a network's many parameters show what a line's two cannot."""


STUDY_FAMILIES = {"line": "scaling_family_line"}
"""The scaling study's model families that have a name in words (text keys); a network family is its widths."""
