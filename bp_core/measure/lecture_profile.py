"""The lecture's memory profile, reproduced: its two loops under memory_profiler's line-by-line tracer, in-process.

The lecture decorates its two scripts with memory_profiler's ``@profile`` and reads one table per loop (Line #,
Mem usage, Increment, Occurrences, Line Contents) and the whole-script run time. Here the same two loops, copied as
written, run under ``memory_profiler.LineProfiler`` in the calling thread. No sampler process is forked:
``memory_usage((f, args, kwargs))`` forks, and forks from the threaded Streamlit server hung (see NOTES.md).

How to read the tables honestly: Mem usage and Increment are the resident set size (RSS) of the whole process,
which moves in pages and is shared by everything the process runs. The tensors here are a few bytes, so most lines
read 0.0 MiB. The exact tensor bytes come with the profile, counted by ``bp_core.measure.count_tensor_bytes``.
"""

from __future__ import annotations

import io
import linecache
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import psutil
import torch
import torch.nn as nn
import torch.optim as optim

from ..budget import TensorBytes
from ..data import seed_line
from ..limits import METHODS, check_callable, check_choice, check_int_range, check_methods
from ..models import Line
from .memory import count_tensor_bytes

__all__ = ["COLUMNS", "MAX_PROFILE_EPOCHS", "lecture_memory_profile", "LectureProfile"]

MAX_PROFILE_EPOCHS = 5000
"""Upper bound on ``epochs`` for the profile: every line is traced, so 5000 epochs already take seconds."""

COLUMNS = ["Line #", "Mem usage", "Increment", "Occurrences", "Line Contents"]

# memory_profiler.show_results's row template and number format (precision 1), so format_table prints what it prints.
_TEMPLATE = "{0:>6} {1:>12} {2:>12}  {3:>10}   {4:<}"
_MIB = "{0:5.1f} MiB"


# The lecture's two loops as written (benchmarks/lecture_loops.py imports them from here). Only `out` differs from the
# note: print goes to the stream the caller passes, so the profile can keep it. Their lines are what the tables show.
def lecture_manual(epochs=1000, lr=0.01, out=sys.stdout):
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]])
    w = torch.tensor([[0.0]], requires_grad=True)
    b = torch.tensor([[0.0]], requires_grad=True)

    for epoch in range(epochs):
        pred = torch.matmul(x, w) + b
        loss = torch.mean((pred - y) ** 2)

        dw = 2 * torch.matmul(x.T, (pred - y)) / len(x)
        db = 2 * torch.sum(pred - y) / len(x)

        with torch.no_grad():
            w -= lr * dw
            b -= lr * db

        if (epoch + 1) % 100 == 0:
            print(f"Epoch [{epoch + 1}/{epochs}], Loss: {loss.item():.4f}", file=out)
    return w, b


def lecture_autograd(epochs=1000, lr=0.01, out=sys.stdout):
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]])
    w = torch.tensor([[0.0]], requires_grad=True)
    b = torch.tensor([[0.0]], requires_grad=True)

    criterion = nn.MSELoss()
    optimizer = optim.SGD([w, b], lr=lr)

    for epoch in range(epochs):
        pred = torch.matmul(x, w) + b
        loss = criterion(pred, y)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if (epoch + 1) % 100 == 0:
            print(f"Epoch [{epoch + 1}/{epochs}], Loss: {loss.item():.4f}", file=out)
    return w, b


LOOPS = {"manual": lecture_manual, "autograd": lecture_autograd}


@dataclass(frozen=True)
class LectureProfile:
    """memory_profiler's line-by-line tables of the lecture's two loops, their run times and exact tensor bytes."""

    epochs: int
    methods: tuple[str, ...]
    filename: str  # the source file memory_profiler read the loops' lines from (shown in its table header)
    tables: dict[str, pd.DataFrame]  # per method: COLUMNS, one row per source line of the loop, def line included
    traced_seconds: dict[str, float]  # wall clock of the traced run: every line traced, for reading, not timing
    untraced_seconds: dict[str, float]  # the same loop once more, untraced, after the same warm-up
    warmup_rss_mib: dict[str, float]  # RSS growth of a one-epoch warm-up: one-time costs (first SGD imports dynamo)
    tensor_bytes: dict[str, TensorBytes]  # bytes one epoch keeps alive, counted exactly (count_tensor_bytes)
    printed: dict[str, str]  # what the traced loop printed: the lecture's "Epoch [k/n], Loss: ..." lines

    def format_table(self, method: str) -> str:
        """The table of ``method`` as memory_profiler's ``show_results`` prints it: header, rule, one row a line."""
        check_choice("method", method, self.methods)
        return _render(self.tables[method], self.filename)


def lecture_memory_profile(epochs: int = 100, *, methods=METHODS,
                           progress: Callable[[int, int], None] | None = None) -> LectureProfile:
    """Run the lecture's loops under memory_profiler's line profiler, in this thread, and return its tables.

    For each method: one untraced warm-up epoch (so one-time costs, such as the ~70 MiB the first
    ``torch.optim.SGD`` in a process takes to import torch._dynamo, land in ``warmup_rss_mib`` instead of one
    table row and the traced time), then the loop traced line by line, then the same loop untraced and timed.
    The previous ``sys.settrace`` function is restored afterwards, also when the loop raises.

    Parameters
    ----------
    epochs : int
        Epochs of each loop, 1 to ``MAX_PROFILE_EPOCHS``. The loops print every 100 epochs, so the print line
        runs ``epochs // 100`` times.
    methods : tuple of str
        Any of ``("manual", "autograd")``, in the order to run them.
    progress : callable(done, total), optional
        Called with the number of methods finished and the number of methods: ``(0, total)`` before the first,
        then after each one, ending with ``(total, total)``.

    Returns
    -------
    LectureProfile
        Per method: the table, traced and untraced seconds, warm-up RSS growth, exact tensor bytes, and the text
        the loop printed.

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
    >>> profile = bp_core.measure.lecture_memory_profile(100, methods=("manual",))
    >>> profile.tables["manual"].columns.tolist()
    ['Line #', 'Mem usage', 'Increment', 'Occurrences', 'Line Contents']
    """
    epochs = check_int_range("epochs", epochs, 1, MAX_PROFILE_EPOCHS)
    methods = check_methods(methods)
    progress = check_callable("progress", progress, "done, total")

    names = ("tables", "traced_seconds", "untraced_seconds", "warmup_rss_mib", "tensor_bytes", "printed")
    fields: dict[str, dict[str, Any]] = {name: {} for name in names}
    filename = ""
    process = psutil.Process()
    for done, method in enumerate(methods):
        if progress is not None:
            progress(done, len(methods))
        loop = LOOPS[method]
        before = process.memory_info().rss
        loop(1, out=io.StringIO())
        fields["warmup_rss_mib"][method] = (process.memory_info().rss - before) / 2**20
        profiler, fields["traced_seconds"][method], fields["printed"][method] = _trace(loop, epochs)
        fields["tables"][method], filename = _table(profiler)
        start = time.perf_counter()
        loop(epochs, out=io.StringIO())
        fields["untraced_seconds"][method] = time.perf_counter() - start
        fields["tensor_bytes"][method] = count_tensor_bytes(Line(), seed_line(), method)
    if progress is not None:
        progress(len(methods), len(methods))
    return LectureProfile(epochs=epochs, methods=methods, filename=filename, **fields)


def _trace(loop: Callable, epochs: int):
    """Run ``loop`` once under memory_profiler's line tracer in this thread; return the profiler, seconds, output."""
    from memory_profiler import LineProfiler  # late: only profiling needs it

    profiler = LineProfiler(backend="psutil")
    profiler.add_function(loop)
    out = io.StringIO()
    previous = sys.gettrace()  # settrace is per thread: whatever this thread had (a debugger, coverage) comes back
    start = time.perf_counter()
    try:
        profiler.enable_by_count()
        loop(epochs, out=out)
    finally:
        profiler.disable_by_count()
        sys.settrace(previous)  # disable() restores this too; set it here as well so no path leaves tracing on
    return profiler, time.perf_counter() - start, out.getvalue()


def _table(profiler) -> tuple[pd.DataFrame, str]:
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
