"""The note's extra example reconciled: what it printed (``bp_core.lecture.note``) beside this machine's run of the
same two programs, figure by figure, with what each difference comes from.

Three timings answer three questions. The note's run time is ``main`` under memory_profiler's line tracer (its
``start_time`` is taken at module level and the script is run with ``@profile``): ``traced`` is that here. ``untraced``
is the same ``main`` without the tracer. ``per_epoch_median`` is the Compare page's figure: bp_core's trainers
(``bp_core.train``) over the same data, the median of 1000 epochs, no printing, no tracing, no start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import seed_line
from ..grad_mode import grad_enabled
from ..lecture import METHOD_PROGRAMS, note, printed_final
from ..limits import METHODS, ArgumentTypeError, check_callable
from ..models import Line
from ..training import train
from .lecture_profile import LectureProfile, lecture_memory_profile

__all__ = ["MEMORY_COLUMNS", "TIMINGS", "LectureExample", "ProgramTimes", "memory_beside_note", "reconcile_example"]

TIMINGS = ("note", "traced", "untraced", "per_epoch_median")
"""The run times set side by side, in the order the page shows them."""

MEMORY_COLUMNS = ["source_line", "note_mem", "note_increment", "note_occurrences", "here_mem", "here_increment",
                  "here_occurrences"]
"""The columns of ``memory_beside_note``: the line, then the note's three figures and this machine's."""
_LOSS_LINE = re.compile(r"^Epoch \[(\d+)/\d+\], Loss: (\S+)$", re.M)


@dataclass(frozen=True)
class ProgramTimes:
    """One program's run times in seconds: the note's, and this machine's three."""

    note: float  # what the note printed: the whole main() under memory_profiler's line tracer
    traced: float  # here: main() under the same tracer, after one untraced warm-up run
    untraced: float  # here: main() again without the tracer
    per_epoch_median: float  # here: bp_core.train's median epoch on the same data (the Compare page's figure)


@dataclass(frozen=True)
class LectureExample:
    """The note's extra example beside this machine's run of it."""

    profile: LectureProfile  # both programs under memory_profiler here: tables, times, what they printed
    times: dict[str, ProgramTimes]  # by method ("manual": bp.py, "autograd": bp_pytorch.py)
    memory: dict[str, pd.DataFrame]  # by method: the note's table rows beside this machine's (MEMORY_COLUMNS)
    losses_match: dict[str, int]  # by method: how many of the ten printed losses read as the note's, digit for digit
    final: dict[str, tuple[float, float]]  # by method: the w and b this machine's run printed

    def ratio(self, timing: str) -> float:
        """autograd / by hand for one of TIMINGS (above 1: the by-hand program is faster)."""
        if timing not in TIMINGS:
            raise ValueError(f"timing must be one of {TIMINGS}, got {timing!r}")
        return getattr(self.times["autograd"], timing) / getattr(self.times["manual"], timing)

    def float32_steps_from_note(self, method: str) -> tuple[int, int]:
        """How many float32 steps (units in the last place) this machine's final w and b lie from the note's."""
        return tuple(_float32_steps(here, there)  # type: ignore[return-value]
                     for here, there in zip(self.final[method], (note.FINAL_W, note.FINAL_B)))


@grad_enabled  # the autograd program runs the same inside a caller's no_grad or inference_mode
def reconcile_example(*, progress: Callable[[int, int], None] | None = None) -> LectureExample:
    """Run both of the note's programs here (``lecture_memory_profile``) and bp_core's trainers on the same data, and
    set every figure beside the note's.

    Parameters
    ----------
    progress : callable(done, total), optional
        Called as each program finishes (``lecture_memory_profile``'s progress), then once more after the trainers.

    Examples
    --------
    >>> example = reconcile_example()
    >>> example.losses_match["manual"], example.final["manual"]
    (10, (2.0048611164093018, 0.9857079386711121))
    >>> example.float32_steps_from_note("manual")
    (0, 0)
    """
    progress = check_callable("progress", progress, "done, total")
    total = len(METHODS) + 1
    profile = lecture_memory_profile(methods=METHODS, progress=None if progress is None else
                                     lambda done, _: progress(done, total))
    per_epoch = {method: train(Line(), seed_line(), method, note.LEARNING_RATE, note.EPOCHS).seconds_per_epoch_median
                 for method in METHODS}
    times, memory, matches, final = {}, {}, {}, {}
    for method in METHODS:
        program = METHOD_PROGRAMS[method]
        times[method] = ProgramTimes(note.SECONDS[program], profile.traced_seconds[method],
                                     profile.untraced_seconds[method], float(per_epoch[method] or float("nan")))
        memory[method] = memory_beside_note(program, profile.tables[method])
        printed = profile.printed[method]
        losses = [loss for _, loss in _LOSS_LINE.findall(printed)]
        matches[method] = sum(here == there for here, there in zip(losses, note.LOSSES_EVERY_100))
        final[method] = printed_final(printed)
    if progress is not None:
        progress(total, total)
    return LectureExample(profile, times, memory, matches, final)


def memory_beside_note(program: str, table: pd.DataFrame) -> pd.DataFrame:
    """The note's memory_profiler rows for ``program`` (``note.MEMORY_TABLES``) beside the rows of ``table`` (this
    machine's, ``LectureProfile.tables``) for the same source lines; the note's ``@profile`` row is the def line.

    Examples
    --------
    >>> table = pd.DataFrame({"Mem usage": [300.0, 301.0], "Increment": [300.0, 0.0], "Occurrences": [1, 1000],
    ...                       "Line Contents": ["def main():", "    predictions = x.mm(w) + b  # forward"]})
    >>> memory_beside_note("bp", table).iloc[:2, [0, 2, 5]].values.tolist()
    [['@profile', 290.3, 300.0], ['for epoch in range(num_epochs):', 0.0, nan]]
    """
    if program not in note.MEMORY_TABLES:
        raise ValueError(f"program must be one of {sorted(note.MEMORY_TABLES)}, got {program!r}")
    if not isinstance(table, pd.DataFrame):
        raise ArgumentTypeError(f"table must be a pandas DataFrame (LectureProfile.tables[method]), got "
                                f"{type(table).__name__}")
    missing = [column for column in ("Mem usage", "Increment", "Occurrences", "Line Contents")
               if column not in table.columns]
    if missing or table.empty:
        raise ValueError(f"table must have memory_profiler's columns and a row per line; it lacks {missing or 'rows'}")
    code = [str(line).split("  #")[0].strip() for line in table["Line Contents"]]
    rows = []
    for line, mem, increment, occurrences in note.MEMORY_TABLES[program]:
        at = 0 if line == "@profile" else code.index(line) if line in code else None
        here = (np.nan, np.nan, 0) if at is None else (float(table["Mem usage"].iloc[at]),
                                                       float(table["Increment"].iloc[at]),
                                                       int(table["Occurrences"].iloc[at]))
        rows.append((line, mem, increment, occurrences, *here))
    return pd.DataFrame(rows, columns=MEMORY_COLUMNS)


def _float32_steps(here: float, there: float) -> int:
    """Whole float32 steps between two values that are both float32 numbers printed as Python floats."""
    a, b = np.float32(here), np.float32(there)
    return int(round(abs(float(a) - float(b)) / float(np.spacing(min(abs(a), abs(b))))))
