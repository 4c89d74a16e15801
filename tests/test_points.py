"""ui/session/points.py: the data table's text cells, parsed exactly, every cell that cannot be used named."""

import numpy as np
import pandas as pd

from ui.session.points import LECTURE_POINTS, MAX_POINTS, parse_points_table, points_frame
from ui.texts import render


def cells(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["x", "y"], dtype=object)


def test_the_points_table_holds_exact_text_and_parses_back_to_the_same_floats():
    points = ((0.1 + 0.2, -1 / 3), (1e-300, 123456.789))
    frame = points_frame(points)
    assert frame.to_numpy().tolist() == [["0.30000000000000004", "-0.3333333333333333"], ["1e-300", "123456.789"]]
    assert parse_points_table(frame) == (points, [])
    assert parse_points_table(points_frame(LECTURE_POINTS)) == (LECTURE_POINTS, [])


def test_every_hostile_cell_is_named_by_row_column_what_was_typed_and_why():
    frame = cells(["abc", "1"], [" 2 ", "1e308"], [None, "inf"], ["3", ""], [float("nan"), True], ["1e6", "-1e6"],
                  [np.float64(2.5), 4], ["１", "nan"])
    points, problems = parse_points_table(frame)
    assert points is None
    found = [(v["row"], v["column"], v["typed"], v["reason"][0]) for _, v in problems]
    assert found == [
        (1, "x", "abc", "reason_not_a_number"), (2, "y", "1e308", "reason_beyond_limit"), (3, "x", "", "reason_empty"),
        (3, "y", "inf", "reason_not_finite"), (4, "y", "", "reason_empty"), (5, "x", "", "reason_empty"),
        (5, "y", "True", "reason_not_a_number"), (8, "x", "１", "reason_not_a_number"),
        (8, "y", "nan", "reason_not_finite"),
    ]
    assert "row 2, y “1e308”: beyond ±1e+06" in render(problems[1], "en")
    assert "2행 y “1e308”" in render(problems[1], "ko")


def test_a_table_with_no_rows_or_too_many_rows_is_refused_as_a_whole():
    assert parse_points_table(cells())[1] == [("reason_no_rows", {})]
    assert parse_points_table(cells(*[["1", "2"]] * (MAX_POINTS + 1)))[1] == [("reason_too_many", {"cap": MAX_POINTS})]
    assert parse_points_table(cells(*[["1", "2"]] * MAX_POINTS))[0] == ((1.0, 2.0),) * MAX_POINTS
