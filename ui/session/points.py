"""The data table of a model whose points the learner edits (the line's): text cells, parsed here, every cell that
cannot be used named by row and column with the reason. No Streamlit here.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

import bp_core
from ui.session.numbers import check_point_value, parse_real
from ui.texts.messages import Message, Unusable, shown

Points = tuple[tuple[float, float], ...]
LECTURE_POINTS: Points = tuple((float(x), float(y)) for x, y in zip(bp_core.seed_line().x.reshape(-1).tolist(),
                                                                    bp_core.seed_line().y.reshape(-1).tolist()))
MAX_POINTS = 200


def points_frame(points: Points) -> pd.DataFrame:
    """The editor's table: each number as its shortest round-trip text, so what is shown is what trains."""
    return pd.DataFrame([(repr(x), repr(y)) for x, y in points], columns=["x", "y"], dtype=object)


def cell_value(cell: Any) -> float:
    """One table cell as a usable coordinate; raises ``Unusable`` naming why not."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA:
        raise Unusable(("reason_empty", {}))
    if isinstance(cell, bool):
        raise Unusable(("reason_not_a_number", {}))
    if isinstance(cell, (int, float, np.integer, np.floating)):
        value = float(cell)
        if not math.isfinite(value):
            raise Unusable(("reason_not_finite", {}))
        return check_point_value(value)
    return check_point_value(parse_real(str(cell).strip()))


def parse_points_table(frame: pd.DataFrame) -> tuple[Points | None, list[Message]]:
    """The (x, y) pairs of an edited table, or None and one message per unusable cell (row counted from 1)."""
    if len(frame) == 0:
        return None, [("reason_no_rows", {})]
    if len(frame) > MAX_POINTS:
        return None, [("reason_too_many", {"cap": MAX_POINTS})]
    points, problems = [], []
    for row, (x_cell, y_cell) in enumerate(zip(frame["x"].tolist(), frame["y"].tolist()), start=1):
        pair = []
        for column, cell in (("x", x_cell), ("y", y_cell)):
            try:
                pair.append(cell_value(cell))
            except Unusable as bad:
                typed = "" if cell is None or cell is pd.NA or (isinstance(cell, float) and math.isnan(cell)) \
                    else shown(cell)
                problems.append(("cell_problem", {"row": row, "column": column, "typed": typed,
                                                  "reason": bad.reason}))
        if len(pair) == 2:
            points.append((pair[0], pair[1]))
    return (None, problems) if problems else (tuple(points), [])
