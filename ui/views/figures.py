"""How a page writes the figures it shows, where a notebook prints the same ones: each figure's text key, the
attribute of the bp_core result that holds it and its format. One home, no Streamlit: the pages' views and the
notebooks (ui/export/notebook.py) read these tables, so a notebook prints what the page shows, to its last digit.
"""

from __future__ import annotations

__all__ = ["NUDGE_FIGURES", "SWEEP_FIGURES"]

NUDGE_FIGURES = (("nudge_before", "loss_before", ".9g"), ("nudge_after", "loss_after", ".9g"),
                 ("nudge_change", "change", ".6g"), ("nudge_predicted", "predicted", ".6g"))
"""The backward page's nudge metrics, from a bp_core.teaching.Nudge."""

SWEEP_FIGURES = (("sweep_metric_lambda", "lambda_max", ".4g"), ("sweep_metric_bound", "learning_rate_bound", ".4g"))
"""The learning-rate page's first two metrics, from a bp_core.teaching.Sweep (the third counts diverging runs)."""
