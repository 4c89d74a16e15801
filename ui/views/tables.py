"""Tables as a learner reads them: a missing value is a blank cell, never Streamlit's grey "None"."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from ui.texts import t

__all__ = ["blank_nulls", "show_table", "table_alt"]


def _cell(value: Any, digits: int) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}g}"
    return str(value)


def blank_nulls(frame: pd.DataFrame, config: Mapping[str, Any] | None = None,
                digits: int = 6) -> tuple[pd.DataFrame, dict[str, Any]]:
    """``frame`` with every column that holds a missing value written as text (numbers to ``digits`` significant
    digits, a missing value as an empty string), and ``config`` (st.dataframe's column_config) with those columns'
    settings made text columns that keep their help and width.

    >>> shown, _ = blank_nulls(pd.DataFrame({"a": [1.5, float("nan")], "b": [1, 2]}))
    >>> shown["a"].tolist(), shown["b"].tolist()
    (['1.5', ''], [1, 2])
    """
    shown, columns = frame.copy(), dict(config or {})
    for name in frame.columns:
        if frame[name].isna().any():
            shown[name] = [_cell(value, digits) for value in frame[name].tolist()]
            before = columns.get(name)
            options = {key: before.get(key) for key in ("help", "width", "label")} if isinstance(before, dict) else {}
            numeric = pd.api.types.is_numeric_dtype(frame[name]) or pd.api.types.is_object_dtype(frame[name]) and all(
                isinstance(v, (int, float)) for v in frame[name].dropna().tolist())
            columns[name] = st.column_config.TextColumn(**{k: v for k, v in options.items() if v is not None},
                                                        alignment="right" if numeric else None)
    return shown, columns


def table_alt(frame: Any, lang: str) -> str:
    """A table's accessible description, one sentence from its shape: rows and the columns' names (a Styler's data
    counted). Counts and names only, never a cell: a value a question hides stays hidden to a screen reader too."""
    data = frame.data if hasattr(frame, "data") and isinstance(frame.data, pd.DataFrame) else frame
    return t("table_alt", lang, rows=len(data), columns=", ".join(str(c) for c in data.columns))


def show_table(where: Any, lang: str, frame: Any, what: str | None = None, **options: Any) -> Any:
    """``where.dataframe(frame, **options)`` (``where``: st, a column or a tab) with ``table_alt`` as its ``alt``,
    after ``what`` the table is where a page has two of one shape (a landmark's name must be unique)."""
    alt = table_alt(frame, lang)
    return where.dataframe(frame, alt=alt if what is None else f"{what}: {alt}", **options)
