"""The lecture's memory profile, reproduced: its two programs under memory_profiler's line-by-line tracer, in-process.

The lecture decorates ``main`` of its two scripts (bp.py, bp_pytorch.py) with memory_profiler's ``@profile`` and
reads one table per program (Line #, Mem usage, Increment, Occurrences, Line Contents) and the whole-script run time.
Here those same ``main`` functions (``bp_core.lecture``, statement for statement, 1000 epochs as the note) run under
``memory_profiler.LineProfiler`` in the calling thread, their ``print`` caught by ``bp_core.lecture.program_main``.
No sampler process is forked: ``memory_usage((f, args, kwargs))`` forks a sampler, and such forks from the threaded
Streamlit server hung at ~600 MB each until the server stopped answering (seen here).

How to read the tables honestly: Mem usage and Increment are the resident set size (RSS) of the whole process,
which moves in pages and is shared by everything the process runs. The tensors here are a few bytes, so most lines
read 0.0 MiB. The exact tensor bytes come with the profile, counted by ``bp_core.measure.count_tensor_bytes``.
"""

from __future__ import annotations

import linecache
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import psutil

from ..budget import TensorBytes
from ..data import seed_line
from ..grad_mode import grad_enabled
from ..lecture import METHOD_PROGRAMS, program_main
from ..limits import METHODS, check_callable, check_choice, check_methods
from ..models import Line
from ..tuned.loops import dynamo_imported
from .memory import count_tensor_bytes

__all__ = ["COLUMNS", "lecture_memory_profile", "LectureProfile"]

COLUMNS = ["Line #", "Mem usage", "Increment", "Occurrences", "Line Contents"]

# memory_profiler.show_results's row template and number format (precision 1), so format_table prints what it prints.
_TEMPLATE = "{0:>6} {1:>12} {2:>12}  {3:>10}   {4:<}"
_MIB = "{0:5.1f} MiB"
# every loss line the programs print names their num_epochs: "Epoch [100/1000], Loss: 0.0076"
_EPOCH_LINE = re.compile(r"^Epoch \[\d+/(\d+)\], Loss: ", re.M)


@dataclass(frozen=True)
class LectureProfile:
    """memory_profiler's line-by-line tables of the lecture's two programs, their run times and exact tensor bytes."""

    epochs: int  # epochs each program ran, as it printed them (its num_epochs: 1000, as the note)
    methods: tuple[str, ...]
    filenames: dict[str, str]  # per method: the program's source file (bp.py, bp_pytorch.py), its table's header
    tables: dict[str, pd.DataFrame]  # per method: COLUMNS, one row per source line of main, def line included
    traced_seconds: dict[str, float]  # wall clock of the traced run: every line traced, for reading, not timing
    untraced_seconds: dict[str, float]  # the same program once more, untraced, after the same warm-up
    warmup_rss_mib: dict[str, float]  # RSS growth of an untraced warm-up run: one-time costs (first SGD: dynamo)
    warmup_imported_dynamo: dict[str, bool]  # that warm-up first imported torch._dynamo (False: imported before)
    tensor_bytes: dict[str, TensorBytes]  # bytes one epoch keeps alive, counted exactly (count_tensor_bytes)
    printed: dict[str, str]  # what the traced program printed: its "Epoch [k/n], Loss: ..." lines, then w and b

    def format_table(self, method: str) -> str:
        """The table of ``method`` as memory_profiler's ``show_results`` prints it: header, rule, one row a line."""
        check_choice("method", method, self.methods)
        return _render(self.tables[method], self.filenames[method])


@grad_enabled  # the autograd program runs the same inside a caller's no_grad or inference_mode
def lecture_memory_profile(*, methods: Iterable[str] = METHODS,
                           progress: Callable[[int, int], None] | None = None) -> LectureProfile:
    """Run the lecture's two programs under memory_profiler's line profiler, in this thread, and return its tables.

    For each method, ``main`` of its program (``"manual"``: bp.py, ``"autograd"``: bp_pytorch.py), as written:
    1000 epochs, learning rate 0.01. First one untraced warm-up run (so one-time costs, such as the ~70 MiB the
    first ``torch.optim.SGD`` in a process takes to import torch._dynamo, land in ``warmup_rss_mib`` instead of
    one table row and the traced time), then ``main`` traced line by line, then ``main`` once more untraced and
    timed. The previous ``sys.settrace`` function is restored afterwards, also when the program raises.

    Parameters
    ----------
    methods : tuple of str
        Any of ``("manual", "autograd")``, in the order to run them.
    progress : callable(done, total), optional
        Called with the number of methods finished and the number of methods: ``(0, total)`` before the first,
        then after each one, ending with ``(total, total)``.

    Returns
    -------
    LectureProfile
        Per method: the table of ``main``, its file, traced and untraced seconds, warm-up RSS growth, exact tensor
        bytes, and the text the traced run printed.

    Raises
    ------
    ValueError
        If an argument is out of range or of the wrong type; the message names it.

    Notes
    -----
    RSS is one figure for the whole process: other threads' allocations (other sessions of a dashboard) land in
    whichever line is running. Occurrences are exact; the ``with`` line counts twice per epoch because Python
    reports it again when the block exits.

    Examples
    --------
    >>> import bp_core
    >>> profile = bp_core.measure.lecture_memory_profile(methods=("manual",))
    >>> profile.tables["manual"].columns.tolist()
    ['Line #', 'Mem usage', 'Increment', 'Occurrences', 'Line Contents']
    >>> profile.tables["manual"]["Line Contents"].iloc[0], profile.epochs
    ('def main():', 1000)
    """
    methods = check_methods(methods)
    progress = check_callable("progress", progress, "done, total")

    names = ("filenames", "tables", "traced_seconds", "untraced_seconds", "warmup_rss_mib", "warmup_imported_dynamo",
             "tensor_bytes", "printed")
    fields: dict[str, dict[str, Any]] = {name: {} for name in names}
    process = psutil.Process()
    for done, method in enumerate(methods):
        if progress is not None:
            progress(done, len(methods))
        program = METHOD_PROGRAMS[method]
        before, dynamo_before = process.memory_info().rss, dynamo_imported()
        program_main(program, [])()
        fields["warmup_rss_mib"][method] = (process.memory_info().rss - before) / 2**20
        fields["warmup_imported_dynamo"][method] = not dynamo_before and dynamo_imported()
        profiler, fields["traced_seconds"][method], fields["printed"][method] = _trace(program)
        fields["tables"][method], fields["filenames"][method] = _table(profiler)
        untraced = program_main(program, [])
        start = time.perf_counter()
        untraced()
        fields["untraced_seconds"][method] = time.perf_counter() - start
        fields["tensor_bytes"][method] = count_tensor_bytes(Line(), seed_line(), method)
    if progress is not None:
        progress(len(methods), len(methods))
    return LectureProfile(epochs=_epochs(fields["printed"]), methods=methods, **fields)


def _trace(program: str) -> tuple[Any, float, str]:  # Any: memory_profiler ships no types
    """Run ``main`` of ``program`` once under memory_profiler's line tracer in this thread; return the profiler,
    seconds and what it printed."""
    from memory_profiler import LineProfiler  # late: only profiling needs it

    lines: list[str] = []
    main = program_main(program, lines)  # main's own code object: the profiler traces the note's lines
    profiler = LineProfiler(backend="psutil")
    profiler.add_function(main)
    previous = sys.gettrace()  # settrace is per thread: whatever this thread had (a debugger, coverage) comes back
    start = time.perf_counter()
    try:
        profiler.enable_by_count()
        main()
    finally:
        profiler.disable_by_count()
        sys.settrace(previous)  # disable() restores this too; set it here as well so no path leaves tracing on
    return profiler, time.perf_counter() - start, "".join(lines)


def _epochs(printed: dict[str, str]) -> int:
    """The epochs the programs ran, as their loss lines state them (``num_epochs``); the same for every program."""
    stated = {int(epochs) for text in printed.values() for epochs in _EPOCH_LINE.findall(text)}
    if len(stated) != 1:
        raise RuntimeError(f"the programs should print one num_epochs in their loss lines; they printed {stated}")
    return stated.pop()


def _table(profiler: Any) -> tuple[pd.DataFrame, str]:
    """The profiler's records as the lecture's columns (a line never run: NaN MiB, 0 occurrences), and the file."""
    ((filename, lines),) = profiler.code_map.items()
    source = linecache.getlines(filename)
    rows = []
    for lineno, record in lines:
        # memory_profiler records (increment, max Mem usage, occurrences) for each line that ran.
        increment, mem_usage, occurrences = record if record else (math.nan, math.nan, 0)
        rows.append((lineno, float(mem_usage), float(increment), int(occurrences), source[lineno - 1].rstrip("\n")))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.astype({"Line #": "int64", "Mem usage": "float64", "Increment": "float64",
                         "Occurrences": "int64"}), filename


def _render(table: pd.DataFrame, filename: str) -> str:
    """``table`` in show_results's layout, byte for byte: lines that never ran have blank numbers."""
    header = _TEMPLATE.format(*COLUMNS)
    lines = [f"Filename: {filename}", "", header, "=" * len(header)]
    for lineno, mem_usage, increment, occurrences, contents in table.itertuples(index=False):
        numbers = (_MIB.format(mem_usage), _MIB.format(increment), int(occurrences)) if occurrences else ("", "", "")
        lines.append(_TEMPLATE.format(int(lineno), *numbers, contents))
    return "\n".join(lines) + "\n\n\n"
