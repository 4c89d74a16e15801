"""Memory of one training run, each figure labelled with what it measures.

(1) Tensor bytes, counted exactly: parameters, gradients, tensors kept for the backward pass (saved_tensors_hooks for
autograd, what the model's hand-derived backward keeps for the manual method) and optimizer state. Deterministic.
(2) Peak resident set size during the run minus the size just before it, sampled with memory_profiler from a thread
(the run happens once; see ``PeakRSS`` for why not ``memory_usage((f, ...))``), either in this process or in a fresh
Python process per method so one method's freed-but-kept allocator pages cannot hide the other's.

``measure_memory`` takes one such run per method: every figure of one run (for the command line and notebooks). One
run is weak evidence for a difference in RSS: ``bp_core.measure.isolated.measure_isolated_memory`` repeats it in fresh
processes and judges the difference from the spread of the repeats.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import torch

from ..budget import TensorBytes, check_call_work, check_parameter_memory
from ..contract import Model, check_model
from ..cost import check_training_size
from ..data import Dataset, as_dataset
from ..grad_mode import grad_enabled
from ..limits import METHODS, check_bool, check_choice, check_epochs, check_learning_rate, check_methods
from ..training import TrainResult, train

__all__ = ["RSS_RESOLUTION_MIB", "count_tensor_bytes", "measure_memory", "MemoryMeasurement"]

RSS_RESOLUTION_MIB = 2.0
"""Differences in peak RSS below this are noise here (allocator pages, interpreter state): not a real difference."""

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # where ``python -m bp_core.measure.probe`` finds bp_core

PROBE_TIMEOUT_SECONDS = 600
"""A fresh-process measurement that takes longer than this is stopped and reported as failed."""


def _storage_bytes(tensors: Iterable[torch.Tensor]) -> int:
    """Bytes of the distinct storages behind ``tensors`` (a view and its base count once)."""
    seen = {}
    for t in tensors:
        storage = t.untyped_storage()
        seen[(storage.data_ptr(), storage.nbytes())] = storage.nbytes()
    return sum(seen.values())


@grad_enabled
def count_tensor_bytes(model: Model, data: object, method: str) -> TensorBytes:
    """Count the bytes one epoch of ``method`` keeps alive for its backward pass and update.

    Examples
    --------
    >>> import bp_core
    >>> bp_core.measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), "autograd").parameter_bytes
    8
    """
    model = check_model(model)
    check_choice("method", method, METHODS)
    dataset = as_dataset(data, model.in_features, model.out_features)
    check_parameter_memory(model, 4, "one epoch (parameters, gradients, the update)")  # before init_params allocates
    check_call_work(model, dataset.n_samples, f"one epoch of method={method!r}", passes=1, copies=2,
                    dtype=dataset.x.dtype)
    x, y = model.design(dataset.x), dataset.y
    theta = model.pack(model.init_params(dataset.x.dtype)).clone()
    parameter_bytes = theta.numel() * theta.element_size()
    if method == "manual":
        with torch.no_grad():
            kept = model.backward_keeps(theta, x, y)
        return TensorBytes(parameter_bytes, parameter_bytes, _storage_bytes(kept), 0)
    theta.requires_grad_(True)
    packed: list[torch.Tensor] = []
    optimizer = torch.optim.SGD([theta], lr=0.01)

    def pack(t: torch.Tensor) -> torch.Tensor:
        packed.append(t)
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = torch.nn.functional.mse_loss(model.predict_packed(theta, x), y)
    loss.backward()
    optimizer.step()
    grad = theta.grad
    assert grad is not None  # backward() just filled it
    state = [v for s in optimizer.state.values() for v in s.values() if isinstance(v, torch.Tensor)]
    return TensorBytes(parameter_bytes, grad.numel() * grad.element_size(), _storage_bytes(packed),
                       _storage_bytes(state))


@dataclass(frozen=True)
class MemoryMeasurement:
    method: str
    peak_rss_delta_mib: float  # memory_profiler: peak RSS during the run minus RSS just before it (after warm-up)
    baseline_rss_mib: float  # RSS just before the measured run
    one_time_rss_mib: float  # RSS growth of the warm-up run: lazy imports (torch._dynamo for the first SGD) and such
    setup_seconds_cold: float  # the warm-up run's set-up; in a fresh process it holds the one-time costs
    isolated: bool  # measured in a fresh Python process
    tensor_bytes: TensorBytes


def current_rss_mib() -> float:
    """This process's resident set size now, in MiB, as memory_profiler reads it (psutil)."""
    from memory_profiler import memory_usage

    return float(memory_usage(-1, interval=0.001, timeout=0.002, max_usage=True))


class PeakRSS:
    """Peak RSS of this process while the ``with`` block runs, sampled by memory_profiler from a thread.

    ``memory_profiler.memory_usage((f, args, kwargs))`` forks a sampling process. Forking a multi-threaded process
    such as a Streamlit server can leave the child deadlocked: seen here, hung 600 MB children piled up and the
    server stopped answering. Sampling our own RSS (``memory_usage(-1, ...)``, no fork) from a thread avoids that,
    and nothing is killed if the measured code raises.
    """

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.peak_mib = math.nan
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        from memory_profiler import memory_usage

        while not self._stop.is_set():
            rss = memory_usage(-1, interval=self.interval, timeout=4 * self.interval, max_usage=True)
            self.peak_mib = max(self.peak_mib, float(rss))

    def __enter__(self) -> PeakRSS:
        self.peak_mib = current_rss_mib()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mib = max(self.peak_mib, current_rss_mib())


def measured_run(model: Model, data: Dataset, method: str, learning_rate: float, epochs: int,
                 progress: Callable[[int, int], None] | None = None,
                 **train_options: object) -> tuple[TrainResult, MemoryMeasurement]:
    """One training run in this process with its peak RSS sampled, after a one-epoch warm-up that pays one-time costs.

    The run is the measurement: its result and its memory figures come from the same run.
    """
    before_warmup = current_rss_mib()
    cold = train(model, data, method, learning_rate, 1, **train_options)  # type: ignore[arg-type]
    baseline = current_rss_mib()
    with PeakRSS() as peak:
        result = train(model, data, method, learning_rate, epochs, progress=progress,
                       **train_options)  # type: ignore[arg-type]
    measurement = MemoryMeasurement(method, peak.peak_mib - baseline, baseline, max(baseline - before_warmup, 0.0),
                                    cold.setup_seconds, False, count_tensor_bytes(model, data, method))
    return result, measurement


def start_probe(model: Model, data: Dataset | None, method: str, learning_rate: float, epochs: int,
                 **extra: object) -> subprocess.Popen:
    """A fresh Python process measuring one run; ``data=None`` with ``synthetic={"n": ..., "seed": ...}`` in
    ``extra`` lets the child build its own data."""
    request = {"model": model.spec(), "method": method, "learning_rate": learning_rate, "epochs": epochs} | extra
    if data is not None:
        request |= {"x": data.x.tolist(), "y": data.y.tolist(), "dtype": str(data.x.dtype).replace("torch.", "")}
    process = subprocess.Popen([sys.executable, "-m", "bp_core.measure.probe"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=_PACKAGE_ROOT)
    assert process.stdin is not None  # stdin=PIPE
    process.stdin.write(json.dumps(request))
    process.stdin.close()
    process.stdin = None  # written and closed: communicate() must not flush it again
    return process


def finish_probe(process: subprocess.Popen) -> MemoryMeasurement:
    """Read the probe's answer; ``communicate`` drains both pipes, so a chatty stderr cannot deadlock it."""
    try:
        stdout, stderr = process.communicate(timeout=PROBE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise RuntimeError(f"memory probe took longer than {PROBE_TIMEOUT_SECONDS} s and was stopped") from None
    if process.returncode != 0:
        raise RuntimeError(f"memory probe failed: {stderr.strip().splitlines()[-1:]}")
    return measurement_from_answer(json.loads(stdout))


def measurement_from_answer(answer: dict) -> MemoryMeasurement:
    """A probe's answer (``bp_core.measure.probe``: a fresh interpreter's JSON, or a warm child's dict) as the
    measurement: the one reading of what either kind of probe sends back."""
    fields = {key: value for key, value in answer.items() if key != "isolated"}
    return MemoryMeasurement(**fields | {"tensor_bytes": TensorBytes(**answer["tensor_bytes"]), "isolated": True})


@grad_enabled
def measure_memory(model: Model, data: object, methods: str | Iterable[str] = METHODS, learning_rate: float = 0.01,
                   epochs: int = 1000, *, isolated: bool = True) -> dict[str, MemoryMeasurement]:
    """Peak RSS delta, one-time RSS and tensor bytes of one training run per method: one sample each.

    For whether the methods' peak RSS differ, use ``bp_core.measure.measure_isolated_memory``: it runs this
    ``repeats`` times in fresh processes and compares the spreads (``rss_difference_resolvable``).

    ``methods``: one name or a non-empty tuple of distinct names from ("manual", "autograd"). ``isolated`` (True,
    the default, or False) runs each method in its own fresh Python process, the processes side by side. Every
    argument is checked, and the runs' size bounded as ``train`` bounds it, before a process starts.

    Examples
    --------
    >>> import bp_core
    >>> m = bp_core.measure.measure_memory(bp_core.Line(), bp_core.seed_line(), ("manual",), 0.01, 100, isolated=False)
    >>> m["manual"].tensor_bytes.parameter_bytes
    8
    """
    model = check_model(model)
    dataset = as_dataset(data, model.in_features, model.out_features)
    methods = check_methods(methods, allow_str=True)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    isolated = check_bool("isolated", isolated)
    for method in methods:  # per process; the processes run side by side
        check_training_size(model, dataset.n_samples, epochs, (method,))
    if not isolated:
        return {m: measured_run(model, dataset, m, learning_rate, epochs)[1] for m in methods}
    processes: dict[str, subprocess.Popen] = {}
    try:
        for method in methods:
            processes[method] = start_probe(model, dataset, method, learning_rate, epochs)
        return {m: finish_probe(p) for m, p in processes.items()}
    finally:  # Ctrl-C or a failed probe: no child is left running
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.communicate()

