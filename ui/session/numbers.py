"""The number grammar of the dashboard: numbers typed by a person or carried by a link, checked the way float32
training will use them. No Streamlit here.

One grammar for table cells and links: ASCII digits, an optional sign, point and exponent (``2``, ``-0.5``,
``1e-3``). Nothing is silently rounded, clamped or read as zero: a value that cannot be used raises ``Unusable`` with
the reason, and the caller uses a default (or the last valid value) instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import numpy as np

import bp_core
from ui.texts.messages import Unusable

MAX_TEXT = bp_core.limits.MAX_NUMBER_TEXT
"""Longest number a cell or a link may spell (a float64's repr needs at most 24 characters)."""
POINT_LIMIT = 1e6
"""Largest |x| or |y| a data point may have: squared errors of larger values overflow float32 training."""
LR_MIN = bp_core.limits.smallest_learning_rate()
"""Smallest learning rate: training is float32, where anything smaller is subnormal or rounds to 0 (no update)."""

_REAL, _NATURAL = bp_core.limits.REAL_TEXT, bp_core.limits.NATURAL_TEXT  # one grammar with the command line
_NON_FINITE = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"}


def parse_real(text: str) -> float:
    """A finite float64 from ``text`` written in the grammar above; raises ``Unusable`` naming why not."""
    if text == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_TEXT:
        raise Unusable(("reason_too_long", {"cap": MAX_TEXT}))
    if text.lower() in _NON_FINITE:
        raise Unusable(("reason_not_finite", {}))
    if not _REAL.fullmatch(text):
        raise Unusable(("reason_not_a_number", {}))
    value = float(text)
    if not math.isfinite(value):
        raise Unusable(("reason_not_finite", {}))
    return value


MAX_ANSWER_TEXT = 60
"""Longest answer an exercise box takes (its ``max_chars``)."""
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})
"""Dashes people type for a minus (U+2212 is the minus the app itself prints; NFKC leaves it and the others)."""
_TIMES_TEN = re.compile(r"(.+?)(?:[x×*·]10\^?)([+-]?[0-9]+)")
"""A mantissa times a power of ten: 1.5×10^-3, 1.5x10-3, 1.5·10⁻³ (after NFKC and the dashes above)."""


def parse_answer(text: str) -> float:
    """A number as people type it in an exercise's box: what ``parse_real`` reads, and also the minus sign the app
    prints (U+2212) and other dashes, full-width digits, signs and points from a Korean IME (NFKC), spaces inside a
    number ("- 35"), a fraction ("1/4", "-35/2") and a power of ten written out ("1.5×10^-3", "1.5·10⁻³").

    >>> parse_answer("\u221235"), parse_answer("\uff0d\uff13\uff15"), parse_answer("- 35"), parse_answer("1/4")
    (-35.0, -35.0, -35.0, 0.25)
    >>> parse_answer("1.5×10^-3"), parse_answer("2.5E1")
    (0.0015, 25.0)
    """
    if not isinstance(text, str) or text.strip() == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_ANSWER_TEXT:
        raise Unusable(("reason_too_long", {"cap": MAX_ANSWER_TEXT}))
    plain = "".join(unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS).split())
    if plain.count("/") == 1:
        top, bottom = (parse_answer(part) for part in plain.split("/"))
        if bottom == 0:
            raise Unusable(("reason_zero_denominator", {}))
        value = top / bottom
        if not math.isfinite(value):
            raise Unusable(("reason_not_finite", {}))
        return value
    power = _TIMES_TEN.fullmatch(plain)
    if power is not None:
        plain = f"{power.group(1)}e{power.group(2)}"
    return parse_real(plain)


def whole_number(value: object, low: int, high: int) -> int | None:
    """``value`` as an int when it is a whole number in [low, high] (an int, or a finite float with no fraction; never a
    bool or a text), else None: the one check of a widget's or a crafted state's whole number.

    >>> whole_number(3, 0, 5), whole_number(3.0, 0, 5), whole_number(2.5, 0, 5), whole_number(True, 0, 5)
    (3, 3, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and (not math.isfinite(value) or value != int(value)):
        return None
    return int(value) if low <= value <= high else None


def parse_natural(text: str, low: int, high: int) -> int:
    """An integer in [low, high] written with ASCII digits only (no sign, point, exponent or separator)."""
    if text == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_TEXT or not _NATURAL.fullmatch(text):
        raise Unusable(("reason_not_whole", {"low": low, "high": high}))
    value = int(text)
    if not low <= value <= high:
        raise Unusable(("reason_int_range", {"low": low, "high": high}))
    return value


def check_point_value(value: float) -> float:
    """``value`` if |value| <= POINT_LIMIT (so float32 training and its squared errors stay finite)."""
    if abs(value) > POINT_LIMIT:
        raise Unusable(("reason_beyond_limit", {"limit": POINT_LIMIT}))
    return value


def check_ui_learning_rate(value: Any) -> float:
    """A learning rate the dashboard trains with: a real number (not bool, not text) in [LR_MIN, MAX_LEARNING_RATE]."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Unusable(("reason_not_a_number", {}))
    value = float(value)
    if not math.isfinite(value):
        raise Unusable(("reason_not_finite", {}))
    if not LR_MIN <= value <= bp_core.limits.MAX_LEARNING_RATE:
        raise Unusable(("reason_lr_range", {"low": LR_MIN, "high": bp_core.limits.MAX_LEARNING_RATE}))
    return value

