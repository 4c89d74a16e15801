"""Where manual backprop and autograd really differ: time per epoch and memory of both methods as the work grows.

Two axes. ``"n_samples"``: the data grows (4 ... 1,000,000 rows) for the line and the 2-3-2 network. ``"width"``: the
hidden layers grow (3 ... 1,024 units) for a 2-H-2 and a 2-H-H-H-2 network on ``WIDTH_AXIS_ROWS`` rows.

Per point and method:
- time per epoch: the trainer's own per-epoch clock, median and 25th-75th percentiles over every epoch of
  ``repeats`` runs after one warm-up run, the two methods' runs interleaved. (Chosen over
  torch.utils.benchmark.Timer, which times a whole statement: the per-epoch clock leaves out the optimizer set-up and
  the history building, and is what the Compare page shows.)
- memory: tensor bytes by category, counted from the tensors and analytically from the shapes; peak RSS Δ measured
  in a new process per run (memory_profiler, after a one-epoch warm-up), ``rss_repeats`` runs, median and range. The
  processes are forked from a warm probe server that imported torch once (bp_core/measure/probe.py), so each starts
  fresh without paying the import. The two methods' processes run side by side.
"""

from __future__ import annotations

import datetime
import math
import os
import platform
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import torch

from ..budget import analytic_tensor_bytes, check_device
from ..contract import Model
from ..cost import check_training_size, parameter_count
from ..history import record_policy
from ..limits import METHODS, ArgumentTypeError, check_callable, check_choice, check_int_range, shown
from ..models import MLP, Line
from ..training import train
from .isolated import RSSSpread
from .memory import count_tensor_bytes
from .probe import start_warm_probe
from .runtime import epoch_percentiles
from .synthetic import MAX_SYNTHETIC_ROWS, synthetic_data

__all__ = ["AXES", "DEFAULT_SIZES", "FAMILIES", "LEARNING_RATE", "MAX_SIZE", "TABLES", "log_sizes", "scaling_study",
           "ScalingPoint", "shipped_table", "StudyProgress"]

AXES = ("n_samples", "width")
FAMILIES = {"n_samples": ("line", "2-3-2"), "width": ("2-H-2", "2-H-H-H-2")}
DEFAULT_SIZES = {"n_samples": (4, 100, 10_000, 1_000_000), "width": (3, 32, 256, 1024)}
MAX_SIZE = {"n_samples": MAX_SYNTHETIC_ROWS, "width": 4096}
"""Largest size the study accepts per axis (train() also checks each run against the memory budget)."""

WIDTH_AXIS_ROWS = 1024
"""Rows of data on the width axis."""

LEARNING_RATE = 0.01
TABLES = Path(__file__).resolve().parent / "tables"
"""Where ``make scaling`` writes the shipped table: scaling_<date>.csv."""

StudyProgress = Callable[[int, int, str], None]


def study_model(family: str, size: int, axis: str) -> Model:
    """The model of ``family`` at this point of the axis (on the width axis ``size`` is the hidden width)."""
    hidden = size if axis == "width" else 3
    return {"line": lambda: Line(), "2-3-2": lambda: MLP((2, 3, 2)), "2-H-2": lambda: MLP((2, hidden, 2)),
            "2-H-H-H-2": lambda: MLP((2, hidden, hidden, hidden, 2))}[family]()


def check_sizes(axis: str, sizes: object) -> tuple[int, ...]:
    """``sizes`` as a sorted tuple of distinct integers in [1, MAX_SIZE[axis]]; ValueError naming ``sizes``
    otherwise."""
    axis = check_choice("axis", axis, AXES)
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not 1 <= len(sizes) <= 12:
        raise ValueError(f"sizes must be a list of 1 to 12 integers in [1, {MAX_SIZE[axis]:,}], got {sizes!r}")
    checked = {check_int_range("sizes", s, 1, MAX_SIZE[axis]) for s in sizes}
    return tuple(sorted(checked))


def log_sizes(low: int, high: int, points: int) -> tuple[int, ...]:
    """``points`` sizes from ``low`` to ``high``, evenly spaced on a log scale, rounded, distinct.

    Examples
    --------
    >>> log_sizes(4, 1_000_000, 4)
    (4, 252, 15874, 1000000)
    """
    low, high = check_int_range("low", low, 1, 10**9), check_int_range("high", high, 1, 10**9)
    points = check_int_range("points", points, 1, 12)
    if low > high:
        raise ValueError(f"low must not exceed high, got low={low}, high={high}")
    return tuple(sorted({int(round(v)) for v in np.geomspace(low, high, points)}))


@dataclass(frozen=True)
class ScalingPoint:
    """One method at one point of an axis. Times in seconds, memory in bytes or MiB as named."""

    model: str  # family: line, 2-3-2, 2-H-2, 2-H-H-H-2
    axis: str
    size: int  # the value on the axis: rows or hidden width
    method: str
    n_samples: int
    parameters: int
    epochs: int
    seconds_per_epoch_median: float
    seconds_per_epoch_p25: float
    seconds_per_epoch_p75: float
    parameter_bytes: int  # counted from the tensors (count_tensor_bytes)
    gradient_bytes: int
    saved_for_backward_bytes: int
    optimizer_state_bytes: int
    analytic_parameter_bytes: int  # from the shapes (analytic_tensor_bytes)
    analytic_gradient_bytes: int
    analytic_saved_for_backward_bytes: int
    analytic_optimizer_state_bytes: int
    peak_rss_delta_mib_median: float  # fresh process per run; NaN when not measured
    peak_rss_delta_mib_low: float
    peak_rss_delta_mib_high: float
    rss_repeats: int
    history_bytes: int
    device: str
    threads: int


def _measure_rss(model: Model, n: int, epochs: int, repeats: int, device: str,
                 ) -> tuple[dict[str, RSSSpread], dict]:
    """Peak RSS Δ per method, each run in a new process forked from the warm probe server (both methods side by side;
    bp_core/measure/probe.py says why each is a fresh start), and the counted bytes."""
    samples: dict[str, list[float]] = {m: [] for m in METHODS}
    counted = {}
    for _ in range(repeats):
        probes = {m: start_warm_probe(model.spec(), m, LEARNING_RATE, epochs, synthetic={"n": n, "seed": 0},
                                      device=device) for m in METHODS}
        for method, probe in probes.items():
            measurement = probe.finish()
            samples[method].append(measurement.peak_rss_delta_mib)
            counted[method] = measurement.tensor_bytes
    return {m: RSSSpread(m, tuple(v)) for m, v in samples.items()}, counted


def measure_point(family: str, axis: str, size: int, *, epochs: int = 5, repeats: int = 3, rss_repeats: int = 3,
                  device: str = "cpu") -> list[ScalingPoint]:
    """Both methods at one point: time per epoch here, memory in fresh processes (``rss_repeats=0``: tensor bytes
    only, counted in this process)."""
    model = study_model(family, size, axis)
    n = size if axis == "n_samples" else WIDTH_AXIS_ROWS
    data = synthetic_data(model, n)
    if rss_repeats:
        rss, counted = _measure_rss(model, n, epochs, rss_repeats, device)
    else:
        rss, counted = {}, {m: count_tensor_bytes(model, data, m) for m in METHODS}
    points = []
    runs: dict[str, list] = {method: [] for method in METHODS}
    for _ in range(repeats + 1):  # the methods interleaved, so a change in the machine's load falls on both
        for method in METHODS:
            runs[method].append(train(model, data, method, LEARNING_RATE, epochs, device=device))
    for method in METHODS:
        p25, median, p75 = epoch_percentiles(np.concatenate([r.epoch_seconds for r in runs[method][1:]]))
        analytic = analytic_tensor_bytes(model, n, method)
        spread = rss.get(method)
        points.append(ScalingPoint(
            model=family, axis=axis, size=size, method=method, n_samples=n,
            parameters=parameter_count(model), epochs=epochs,
            seconds_per_epoch_median=median, seconds_per_epoch_p25=p25, seconds_per_epoch_p75=p75,
            **asdict(counted[method]), **{f"analytic_{k}": v for k, v in asdict(analytic).items()},
            peak_rss_delta_mib_median=spread.median_mib if spread else math.nan,
            peak_rss_delta_mib_low=spread.low_mib if spread else math.nan,
            peak_rss_delta_mib_high=spread.high_mib if spread else math.nan,
            rss_repeats=len(spread.samples_mib) if spread else 0, history_bytes=runs[method][-1].history_bytes,
            device=device, threads=torch.get_num_threads(),
        ))
    return points


def scaling_study(axis: str = "n_samples", sizes: Sequence[int] | None = None, families: Sequence[str] | None = None,
                  *, epochs: int = 5, repeats: int = 3, rss_repeats: int = 3, device: str = "cpu",
                  progress: StudyProgress | None = None) -> pd.DataFrame:
    """Both methods along ``axis`` for each model family: one tidy row per (model, size, method), units in names.

    Examples
    --------
    >>> table = scaling_study("n_samples", [4, 8], ["line"], epochs=3, repeats=1, rss_repeats=0)
    >>> table[["model", "size", "method"]].values.tolist()
    [['line', 4, 'manual'], ['line', 4, 'autograd'], ['line', 8, 'manual'], ['line', 8, 'autograd']]
    """
    axis = check_choice("axis", axis, AXES)
    sizes = check_sizes(axis, DEFAULT_SIZES[axis] if sizes is None else sizes)
    if families is not None and not isinstance(families, (list, tuple)):
        raise ArgumentTypeError(f"families must be a list or tuple of {list(FAMILIES[axis])}, got {shown(families)}")
    families = tuple(FAMILIES[axis] if families is None else families)
    for family in families:
        check_choice("families", family, FAMILIES[axis])
    epochs = check_int_range("epochs", epochs, 2, 1000)
    repeats = check_int_range("repeats", repeats, 1, 50)
    rss_repeats = check_int_range("rss_repeats", rss_repeats, 0, 20)
    if rss_repeats in (1, 2):
        raise ValueError(f"rss_repeats must be 0 (no RSS) or at least 3 (median and range), got {rss_repeats}")
    device = str(check_device(device))
    progress = check_callable("progress", progress, "done, total, label")
    steps = [(family, size) for family in families for size in sizes]
    for family, size in steps:  # every run each point makes (and its probes make), bounded before any starts
        model = study_model(family, size, axis)
        n = size if axis == "n_samples" else WIDTH_AXIS_ROWS
        policy = record_policy(model, "auto", epochs)  # what train() keeps by default
        for method in METHODS:
            check_training_size(model, n, epochs, (method,), argument=f"sizes ({family} at {axis} = {size:,})",
                                history_cells=policy.rows(epochs) * len(policy.names))
    rows = []
    for done, (family, size) in enumerate(steps):
        if progress is not None:
            progress(done, len(steps), f"{family}, {axis} = {size:,}")
        rows += measure_point(family, axis, size, epochs=epochs, repeats=repeats, rss_repeats=rss_repeats,
                              device=device)
    if progress is not None:
        progress(len(steps), len(steps), "")
    return pd.DataFrame([asdict(row) for row in rows])


def machine_label() -> str:
    """CPU model, cores, torch version: what a table's figures depend on."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} CPUs, torch {torch.__version__}"


def label_table(table: pd.DataFrame, when: datetime.date | None = None) -> pd.DataFrame:
    """The table with ``machine`` and ``date`` columns added."""
    when = when or datetime.date.today()
    return table.assign(machine=machine_label(), date=when.isoformat())


def shipped_table(folder: str | Path = TABLES) -> pd.DataFrame | None:
    """The newest shipped table (scaling_<date>.csv), or None if there is none."""
    if not isinstance(folder, (str, Path)):
        raise ArgumentTypeError(f"folder must be a path (str or pathlib.Path), got {shown(folder)}")
    folder = Path(folder)
    files = sorted(folder.glob("scaling_*.csv"))
    return pd.read_csv(files[-1]) if files else None
