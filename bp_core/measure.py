"""Runtime and memory of one training run, each figure labelled with what it measures.

Runtime: warm-up runs first, then repeats; the per-epoch figure is the median of every epoch of every repeat, its
spread the 25th-75th percentiles. Set-up (building the loss and optimizer objects) is reported apart: the first
``torch.optim.SGD`` in a process imports torch._dynamo (about 2 s), a one-time cost, never an epoch cost.

Memory: (1) peak resident set size during the run minus the size just before it, sampled with memory_profiler
from a thread (the run happens once; see ``PeakRSS`` for why not ``memory_usage((f, ...))``), either in this process
or in a fresh Python process per method so one method's freed-but-kept allocator pages cannot hide the other's;
(2) tensor bytes counted exactly: parameters, gradients, tensors kept for the backward pass (saved_tensors_hooks for
autograd, the forward cache for the manual method) and optimizer state.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

import numpy as np
import torch

from ._validate import check_int_range
from .data import as_dataset
from .training import TrainResult, train

RSS_RESOLUTION_MIB = 2.0
"""Differences in peak RSS below this are noise here (allocator pages, interpreter state): not a real difference."""


@dataclass(frozen=True)
class RuntimeMeasurement:
    method: str
    epochs: int
    repeats: int
    seconds_per_epoch_median: float
    seconds_per_epoch_p25: float
    seconds_per_epoch_p75: float
    total_seconds_median: float  # one whole training run (all epochs, history included), median over repeats
    setup_seconds_first: float  # set-up of the first run measured here; holds one-time costs if none were paid yet
    setup_seconds_warm: float  # median set-up of the later runs


def epoch_percentiles(epoch_seconds) -> tuple[float, float, float]:
    """25th percentile, median and 75th percentile of epoch times (NaN for no epochs), in seconds."""
    seconds = np.asarray(epoch_seconds, dtype=np.float64)
    if seconds.size == 0:
        return math.nan, math.nan, math.nan
    p25, median, p75 = np.percentile(seconds, [25, 50, 75])
    return float(p25), float(median), float(p75)


def measure_runtime(model, data, method: str, learning_rate: float, epochs: int, *, repeats: int = 3,
                    warmup: int = 1) -> RuntimeMeasurement:
    """Time ``repeats`` training runs after ``warmup`` runs; per-epoch times come from the trainer's own clock.

    Examples
    --------
    >>> import bp_core
    >>> m = bp_core.measure_runtime(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 100)
    >>> m.seconds_per_epoch_p25 <= m.seconds_per_epoch_median <= m.seconds_per_epoch_p75
    True
    """
    repeats = check_int_range("repeats", repeats, 1, 100)
    warmup = check_int_range("warmup", warmup, 0, 10)
    runs = []
    for _ in range(warmup + repeats):
        start = time.perf_counter()
        result = train(model, data, method, learning_rate, epochs)
        runs.append((result, time.perf_counter() - start))
    measured = runs[warmup:]
    p25, median, p75 = epoch_percentiles(np.concatenate([r.epoch_seconds for r, _ in measured]))
    return RuntimeMeasurement(
        method=method, epochs=epochs, repeats=repeats,
        seconds_per_epoch_median=median, seconds_per_epoch_p25=p25, seconds_per_epoch_p75=p75,
        total_seconds_median=float(np.median([seconds for _, seconds in measured])),
        setup_seconds_first=runs[0][0].setup_seconds,
        setup_seconds_warm=float(np.median([r.setup_seconds for r, _ in runs[1:]])) if len(runs) > 1 else math.nan,
    )


@dataclass(frozen=True)
class TensorBytes:
    parameter_bytes: int
    gradient_bytes: int
    saved_for_backward_bytes: int  # tensors the backward pass reads, distinct storages, inputs included
    optimizer_state_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.parameter_bytes + self.gradient_bytes + self.saved_for_backward_bytes + self.optimizer_state_bytes


def _storage_bytes(tensors) -> int:
    """Bytes of the distinct storages behind ``tensors`` (a view and its base count once)."""
    seen = {}
    for t in tensors:
        storage = t.untyped_storage()
        seen[(storage.data_ptr(), storage.nbytes())] = storage.nbytes()
    return sum(seen.values())


def count_tensor_bytes(model, data, method: str) -> TensorBytes:
    """Count the bytes one epoch of ``method`` keeps alive for its backward pass and update.

    Examples
    --------
    >>> import bp_core
    >>> bp_core.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), "autograd").parameter_bytes
    8
    """
    data = as_dataset(data, model.in_features, model.out_features)
    x, y = model.design(data.x), data.y
    theta = model.pack(model.init_params(data.x.dtype)).clone()
    parameter_bytes = theta.numel() * theta.element_size()
    if method == "manual":
        if hasattr(model, "forward"):  # the network's forward returns its cache: (input, z, f(z)) per layer
            _, cache = model.forward(model.unpack(theta), data.x)
            kept = [t for layer in cache for t in layer]
        else:  # the line's backward reads x1 and the error pred - y
            kept = [x, model.predict_packed(theta, x) - y]
        saved = _storage_bytes(kept)
        return TensorBytes(parameter_bytes, parameter_bytes, saved, 0)
    if method != "autograd":
        raise ValueError(f"method must be 'manual' or 'autograd', got {method!r}")
    theta.requires_grad_(True)
    packed = []
    optimizer = torch.optim.SGD([theta], lr=0.01)
    with torch.autograd.graph.saved_tensors_hooks(lambda t: packed.append(t) or t, lambda t: t):
        loss = torch.nn.functional.mse_loss(model.predict_packed(theta, x), y)
    loss.backward()
    optimizer.step()
    state = [v for s in optimizer.state.values() for v in s.values() if isinstance(v, torch.Tensor)]
    return TensorBytes(parameter_bytes, theta.grad.numel() * theta.grad.element_size(), _storage_bytes(packed),
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

    def __init__(self, interval: float = 0.005):
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

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mib = max(self.peak_mib, current_rss_mib())


def measured_run(model, data, method, learning_rate, epochs, progress=None) -> tuple[TrainResult, MemoryMeasurement]:
    """One training run in this process with its peak RSS sampled, after a one-epoch warm-up that pays one-time costs.

    The run is the measurement: its result and its memory figures come from the same run.
    """
    before_warmup = current_rss_mib()
    cold = train(model, data, method, learning_rate, 1)
    baseline = current_rss_mib()
    with PeakRSS() as peak:
        result = train(model, data, method, learning_rate, epochs, progress=progress)
    measurement = MemoryMeasurement(method, peak.peak_mib - baseline, baseline, max(baseline - before_warmup, 0.0),
                                    cold.setup_seconds, False, count_tensor_bytes(model, data, method))
    return result, measurement


def _start_probe(model, data, method, learning_rate, epochs) -> subprocess.Popen:
    request = {
        "model": model_spec(model), "x": data.x.tolist(), "y": data.y.tolist(), "method": method,
        "learning_rate": learning_rate, "epochs": epochs,
    }
    process = subprocess.Popen([sys.executable, "-m", "bp_core._probe"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdin.write(json.dumps(request))
    process.stdin.close()
    return process


def _finish_probe(process: subprocess.Popen) -> MemoryMeasurement:
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    if process.wait(timeout=600) != 0:
        raise RuntimeError(f"memory probe failed: {stderr.strip().splitlines()[-1:]}")
    answer = json.loads(stdout)
    answer["tensor_bytes"] = TensorBytes(**answer["tensor_bytes"])
    answer["isolated"] = True
    return MemoryMeasurement(**answer)


def measure_memory(model, data, methods=("manual", "autograd"), learning_rate: float = 0.01, epochs: int = 1000, *,
                   isolated: bool = True) -> dict[str, MemoryMeasurement]:
    """Peak RSS delta, one-time RSS and tensor bytes of one training run per method.

    ``isolated`` (default) runs each method in its own fresh Python process, the processes side by side.

    Examples
    --------
    >>> import bp_core
    >>> m = bp_core.measure_memory(bp_core.Line(), bp_core.seed_line(), ("manual",), 0.01, 100, isolated=False)
    >>> m["manual"].tensor_bytes.parameter_bytes
    8
    """
    dataset = as_dataset(data, model.in_features, model.out_features)
    methods = (methods,) if isinstance(methods, str) else tuple(methods)
    for method in methods:
        train(model, dataset, method, learning_rate, 1)  # checks every argument here, before a process starts
    if not isolated:
        return {m: measured_run(model, dataset, m, learning_rate, epochs)[1] for m in methods}
    processes = {m: _start_probe(model, dataset, m, learning_rate, epochs) for m in methods}
    return {m: _finish_probe(p) for m, p in processes.items()}


def model_spec(model) -> dict:
    """A JSON-ready description from which ``model_from_spec`` rebuilds the same model."""
    if hasattr(model, "sizes"):
        return {"kind": "mlp", "sizes": list(model.sizes), "activation": model.activation,
                "output_activation": model.output_activation, "seed": model.seed}
    return {"kind": "line"}


def model_from_spec(spec: dict):
    from .models import MLP, Line

    if spec["kind"] == "line":
        return Line()
    return MLP(tuple(spec["sizes"]), spec["activation"], spec["output_activation"], spec["seed"])


def memory_difference_resolvable(a: MemoryMeasurement, b: MemoryMeasurement) -> bool:
    """False when the two peak-RSS deltas differ by less than RSS_RESOLUTION_MIB: then RSS cannot tell them apart."""
    return abs(a.peak_rss_delta_mib - b.peak_rss_delta_mib) >= RSS_RESOLUTION_MIB
