"""How bp_core's results show in Jupyter: ``_repr_html_`` gives a compact card, the result's key sentence built from
its numbers above a small table, every text escaped. Pure pandas and html: no Streamlit, no Altair."""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["html_card", "MAX_ROWS"]

MAX_ROWS = 20
"""Rows a card's table shows; the rest are counted below it."""


def html_card(title: str, sentence: str, table: pd.DataFrame) -> str:
    """A result as HTML: its title, its key sentence and up to MAX_ROWS rows of ``table``, every text escaped.

    >>> card = html_card("A <b>", "x < y", pd.DataFrame({"a": [1]}))
    >>> "&lt;b&gt;" in card and "x &lt; y" in card and "<b>" not in card
    True
    """
    shown = table.head(MAX_ROWS).to_html(index=False, escape=True, border=0, float_format=lambda v: f"{v:.6g}")
    more = len(table) - MAX_ROWS
    rest = f"<p><small>… {more:,} more rows</small></p>" if more > 0 else ""
    return (f"<div><p><strong>{html.escape(title)}</strong><br>{html.escape(sentence)}</p>{shown}{rest}</div>")
