"""Both methods on the same data from the same start, measured as they run: what the Compare page shows."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .budget import TensorBytes, analytic_tensor_bytes
from .charts import loss_chart, parameter_chart
from .contract import Model, check_model
from .cost import check_training_size
from .data import Dataset, as_dataset
from .display import html_card
from .grad_mode import grad_enabled
from .limits import (
    METHODS,
    ArgumentTypeError,
    check_bool,
    check_callable,
    check_choice,
    check_epochs,
    check_learning_rate,
    check_real,
    shown,
)
from .measure.memory import count_tensor_bytes
from .measure.runtime import epoch_percentiles
from .teaching.stability import StabilityBound, stability_bound
from .teaching.surface import least_squares_line
from .training import TrainResult, train

__all__ = ["MIN_TIMED_EPOCHS", "TENSOR_BYTE_CATEGORIES", "compare", "Comparison", "MethodMemory",
           "parameter_difference"]

TENSOR_BYTE_CATEGORIES = ("parameter_bytes", "gradient_bytes", "saved_for_backward_bytes", "optimizer_state_bytes")

MIN_TIMED_EPOCHS = 20
"""Fewest timed epochs per method for a speed ratio: the first epochs carry warm-up costs, so a ratio of one or two
epoch times says more about them than about the methods (seen: "342x" from two epochs)."""


def _json_number(value: float | None) -> float | None:
    """``value`` for JSON: None where it is missing or not finite (json.dumps would write NaN or Infinity)."""
    return None if value is None or not math.isfinite(value) else value


@dataclass(frozen=True)
class MethodMemory:
    """One method's memory as the Compare page states it: exact, deterministic, reproducible run after run."""

    method: str
    tensor_bytes: TensorBytes  # counted from the tensors themselves (bp_core.measure.count_tensor_bytes)
    analytic_bytes: TensorBytes  # the same categories from the shapes alone (bp_core.budget.analytic_tensor_bytes)


_RUN_IDS = itertools.count(1)
"""Run identities, unique in the process: two runs of the same settings are two runs (their timings differ)."""


@dataclass(frozen=True, eq=False)
class Comparison:
    """One training run per method, each measured while it ran, plus what explains the pair."""

    results: dict[str, TrainResult]  # "manual", "autograd"
    memory: dict[str, MethodMemory] | None  # tensor bytes per method; peak RSS lives in bp_core.measure.isolated
    bound: StabilityBound  # at the initial parameters
    difference: pd.DataFrame  # epoch, max_abs_param_difference, abs_loss_difference (rows both methods reached)
    data: Dataset  # what both methods trained on
    run_id: int = field(default_factory=lambda: next(_RUN_IDS))  # this run's identity: what a chart cache is keyed by

    @property
    def timed_epochs(self) -> int:
        """The fewer of the two methods' timed epochs (updates that ran)."""
        return min(result.epochs_run for result in self.results.values())

    @property
    def speed_ratio(self) -> float | None:
        """Median autograd epoch time / median manual epoch time (> 1: the manual method is faster); None when a
        method timed fewer than MIN_TIMED_EPOCHS epochs (``speed_ratio_missing`` says why)."""
        if self.timed_epochs < MIN_TIMED_EPOCHS:
            return None
        manual, autograd = (float(np.median(self.results[m].epoch_seconds)) for m in ("manual", "autograd"))
        return autograd / manual

    @property
    def speed_ratio_missing(self) -> str | None:
        """Why there is no speed ratio, in English; None when there is one."""
        if self.timed_epochs >= MIN_TIMED_EPOCHS:
            return None
        slowest = min(self.results.values(), key=lambda r: r.epochs_run)
        if slowest.epochs_run == 0:
            return (f"no speed ratio: {slowest.method} timed no epoch (the loss was not finite at epoch 0)"
                    if slowest.diverged_at == 0 else f"no speed ratio: {slowest.method} timed no epoch")
        why = f"it diverged at epoch {slowest.diverged_at}" if slowest.diverged_at is not None else "the run was short"
        return (f"no speed ratio: {slowest.method} timed only {slowest.epochs_run} epoch(s) ({why}); a ratio needs "
                f"at least {MIN_TIMED_EPOCHS} per method")

    @property
    def max_param_difference(self) -> float | None:
        """Largest |manual - autograd| over the epochs both reached; None when they share none (diverged at 0)."""
        return float(self.difference["max_abs_param_difference"].max()) if len(self.difference) else None

    @property
    def above_bound(self) -> bool:
        return self.results["manual"].learning_rate > self.bound.learning_rate_bound

    def runtime_table(self) -> pd.DataFrame:
        """Per method that timed at least one epoch: median and 25th/75th percentiles of the epoch times, in
        microseconds, and how many epochs they summarise. A method that diverged at epoch 0 has no row."""
        rows = []
        for method, result in self.results.items():
            if result.epochs_run:
                p25, median, p75 = epoch_percentiles(result.epoch_seconds)
                rows.append({"method": method, "median_us": median * 1e6, "p25_us": p25 * 1e6, "p75_us": p75 * 1e6,
                             "epochs_timed": result.epochs_run})
        return pd.DataFrame(rows, columns=["method", "median_us", "p25_us", "p75_us", "epochs_timed"])

    def tensor_bytes_table(self) -> pd.DataFrame:
        """Per method and category (a ``TensorBytes`` field name: parameter_bytes, ...): counted bytes, and the
        analytic count from the shapes in ``analytic_bytes``."""
        rows = [{"method": method, "category": category, "bytes": getattr(m.tensor_bytes, category),
                 "analytic_bytes": getattr(m.analytic_bytes, category)}
                for method, m in (self.memory or {}).items() for category in TENSOR_BYTE_CATEGORIES]
        return pd.DataFrame(rows, columns=["method", "category", "bytes", "analytic_bytes"])

    def sentence(self) -> str:
        """The comparison in one sentence built from its numbers (what ``_repr_html_`` leads with)."""
        losses = " and ".join(f"{r.final_loss:.4g} ({m})" for m, r in self.results.items())
        said = f"Both methods over the same epochs: final loss {losses}"
        if self.max_param_difference is not None:
            said += f"; largest parameter difference {self.max_param_difference:.2e}"
        if self.speed_ratio is not None:
            said += f"; autograd takes {self.speed_ratio:.2f}x the manual time per epoch"
        return said + "."

    def _repr_html_(self) -> str:
        table = pd.DataFrame([{"method": m, "final loss": r.final_loss, "epochs run": r.epochs_run,
                               "median seconds per epoch": r.seconds_per_epoch_median}
                              for m, r in self.results.items()])
        return html_card("Comparison: by hand and autograd", self.sentence(), table)

    def chart(self, kind: str = "loss", parameters: list[str] | None = None, log_scale: bool = True) -> Any:
        """One of the Compare page's charts of this run, as the dashboard draws it (an Altair chart: Altair comes
        with bp_core's [dashboard] extra). ``kind``: "loss" (per epoch, both methods; ``log_scale``) or "parameters"
        (``parameters``: scalar names both runs recorded; by default the line's w and b, or four weights of a
        network, as the page first draws)."""
        kind = check_choice("kind", kind, ("loss", "parameters"))
        histories = {method: result.history for method, result in self.results.items()}
        if kind == "loss":
            return loss_chart(histories, check_bool("log_scale", log_scale))
        recorded = [name for name in self.results["manual"].parameter_names
                    if all(name in r.parameter_names for r in self.results.values())]
        if parameters is None:
            parameters = recorded if len(recorded) <= 4 else [
                name for name in ("W1[0,1]", "W1[1,1]", "W2[0,0]", "W2[1,0]") if name in recorded] or recorded[:4]
        if not isinstance(parameters, list) or not parameters or any(p not in recorded for p in parameters):
            raise ValueError(f"parameters must be a non-empty list of recorded scalar names ({', '.join(recorded[:6])}"
                             f"{', ...' if len(recorded) > 6 else ''}), got {shown(parameters)}")
        return parameter_chart(histories, parameters)

    def history_csv(self) -> str:
        """Both histories, one table, a ``method`` column added: every epoch, nothing thinned."""
        frames = [r.history.assign(method=m) for m, r in self.results.items()]
        return pd.concat(frames, ignore_index=True).to_csv(index=False)

    def summary(self) -> dict:
        """The headline results as plain JSON-ready values: a figure that is missing or not finite is None (strict
        JSON has no NaN or Infinity), and ``speed_ratio_missing`` says why a ratio is missing."""
        results = {}
        for method, r in self.results.items():
            results[method] = {
                "final_loss": _json_number(r.final_loss), "diverged_at": r.diverged_at, "epochs_run": r.epochs_run,
                "params": {k: v.reshape(-1).tolist() for k, v in r.params.items()},
                "seconds_per_epoch_median": r.seconds_per_epoch_median, "setup_seconds": r.setup_seconds,
            }
            if self.memory is not None:
                results[method] |= {"tensor_bytes": self.memory[method].tensor_bytes.total_bytes,
                                    "analytic_tensor_bytes": self.memory[method].analytic_bytes.total_bytes}
        return {
            "stability_bound": {"lambda_max": _json_number(self.bound.lambda_max),
                                "learning_rate_bound": _json_number(self.bound.learning_rate_bound),
                                "method": self.bound.method},
            "results": results, "max_param_difference": self.max_param_difference,
            "speed_ratio_autograd_over_manual": self.speed_ratio, "speed_ratio_missing": self.speed_ratio_missing,
        }

    def surface_window(self, pad: float = 0.15,
                       min_pad: float = 0.5) -> tuple[tuple[float, float], tuple[float, float]]:
        """(w_range, b_range) covering both line trajectories and the least-squares (w, b) of the data, padded.

        For the line only (its parameters are w and b). ``pad``: a fraction of the span in [0, 10]; ``min_pad``: at
        least this much on each side, in (0, 1e6]."""
        if self.results["manual"].parameter_names != ["w", "b"]:
            raise ValueError(f"surface_window applies to the line (parameters w, b) only, not to "
                             f"{self.results['manual'].model!r}")
        pad = check_real("pad", pad, 0.0, 10.0)
        min_pad = check_real("min_pad", min_pad, 0.0, 1e6, low_open=True)
        best_w, best_b = least_squares_line(self.data)
        ws = np.concatenate([r.history["w"].to_numpy() for r in self.results.values()] + [[best_w]])
        bs = np.concatenate([r.history["b"].to_numpy() for r in self.results.values()] + [[best_b]])
        # at least min_pad, and at least 1e-3 of the largest |value|, so the window never rounds to a point
        pad_w = max(np.ptp(ws) * pad, min_pad, np.abs(ws).max() * 1e-3)
        pad_b = max(np.ptp(bs) * pad, min_pad, np.abs(bs).max() * 1e-3)
        return (float(ws.min() - pad_w), float(ws.max() + pad_w)), (float(bs.min() - pad_b), float(bs.max() + pad_b))


@grad_enabled
def compare(model: Model, data: object, learning_rate: float, epochs: int, *, measure_memory: bool = True,
            progress: Callable[[float, str], None] | None = None) -> Comparison:
    """Train ``model`` on ``data`` with both methods from the same initial parameters and compare them.

    Each method runs once. With ``measure_memory`` (True or False) each method's tensor bytes are counted
    (parameters, gradients, saved for backward, optimizer state) with the analytic count beside them: exact and the
    same on every run. A peak-RSS delta measured in this (possibly shared) process would hold other work's
    allocations, so none is taken here: ``bp_core.measure.measure_isolated_memory`` measures it in fresh processes.
    ``progress`` (None or a callable(fraction, method)) receives a fraction in [0, 1] and the method's name. A run
    that diverges, even at epoch 0, is returned with ``diverged_at`` set; figures it cannot give (``speed_ratio``,
    ``max_param_difference``) are None.

    Examples
    --------
    >>> import bp_core
    >>> c = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 1000, measure_memory=False)
    >>> c.max_param_difference < 1e-5, round(c.bound.learning_rate_bound, 4)
    (True, 0.1198)
    """
    model = check_model(model)
    dataset = as_dataset(data, model.in_features, model.out_features)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    measure_memory = check_bool("measure_memory", measure_memory)
    progress = check_callable("progress", progress, "fraction, method")
    check_training_size(model, dataset.n_samples, epochs, METHODS)
    bound = stability_bound(model, None, dataset)  # first: it refuses work it cannot do before anything trains
    results, memory = {}, {}
    for index, method in enumerate(METHODS):
        report = None
        if progress is not None:
            report = lambda done, total, i=index, m=method: progress((i + done / total) / len(METHODS), m)
        results[method] = train(model, dataset, method, learning_rate, epochs, progress=report)
        if measure_memory:
            memory[method] = MethodMemory(method, count_tensor_bytes(model, dataset, method),
                                          analytic_tensor_bytes(model, dataset.n_samples, method, dataset.x.dtype))
    return Comparison(results, memory or None, bound,
                      parameter_difference(results["manual"], results["autograd"]), dataset)


def parameter_difference(a: TrainResult, b: TrainResult) -> pd.DataFrame:
    """Per epoch both runs reached: the largest |parameter difference| and the |loss difference|.

    ``a`` and ``b`` are TrainResults of the same model; when one has no finite row the table is empty."""
    for name, result in (("a", a), ("b", b)):
        if not isinstance(result, TrainResult):
            raise ArgumentTypeError(f"{name} must be a bp_core.TrainResult (from bp_core.train), got {shown(result)}")
    if a.parameter_names != b.parameter_names:
        raise ValueError(f"a and b must train the same model, got {a.model!r} and {b.model!r}")
    rows = min(len(a.history), len(b.history))
    names = a.parameter_names
    # the epochs whose parameters both runs recorded: every epoch, or every record_stride-th and the last
    pa = a.parameter_history.set_index("epoch")
    pb = b.parameter_history.set_index("epoch")
    epochs = pa.index.intersection(pb.index)
    epochs = epochs[epochs < rows].to_numpy()
    loss_a, loss_b = a.history["loss"].to_numpy(), b.history["loss"].to_numpy()
    return pd.DataFrame({
        "epoch": epochs,
        "max_abs_param_difference": (np.abs(pa.loc[epochs, names].to_numpy() - pb.loc[epochs, names].to_numpy())
                                     .max(axis=1) if len(epochs) else np.zeros(0)),
        "abs_loss_difference": np.abs(loss_a[epochs] - loss_b[epochs]),
    })
