"""One memory measurement in a process of its own: a fresh interpreter (``python -m bp_core.measure.probe``, a JSON
request on stdin, the answer on stdout) or, for a study of many points, a process forked from a warm probe server.

The data comes either as lists (``x``, ``y``) or, for large studies, as ``synthetic: {"n": rows, "seed": s}``, built
in the child by ``bp_core.measure.synthetic.synthetic_data`` so that a million rows need not travel through a pipe.

Warm probes (``start_warm_probe``) come from ``multiprocessing``'s forkserver: one server process imports torch and
bp_core once (``set_forkserver_preload``), then forks a new child for every measurement. Each child is still a new
process that measures one run and exits: it starts with the imported modules and nothing else (the server never
trains, so no tensor, allocator arena or torch thread pool is inherited), pays the same one-epoch warm-up before its
baseline (the first ``torch.optim.SGD`` imports ``torch._dynamo`` there, as in a fresh interpreter), and reports the
peak RSS growth over that baseline, as a fresh interpreter does. What it skips is the 2-3 s import of torch per
measurement (96 of them in ``make scaling``).
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from dataclasses import asdict
from multiprocessing.connection import Connection
from typing import Any

import torch

from ..contract import model_from_spec
from ..data import make_dataset
from ..limits import MAX_SEED, METHODS, check_choice, check_epochs, check_int_range, check_learning_rate, shown
from .memory import PROBE_TIMEOUT_SECONDS, MemoryMeasurement, measured_run, measurement_from_answer
from .synthetic import synthetic_data

__all__ = ["start_warm_probe"]


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    """Measure the run ``request`` describes in this process; the measurement as a dict (JSON-ready)."""
    model = model_from_spec(request["model"])
    if "synthetic" in request:
        data = synthetic_data(model, request["synthetic"]["n"], request["synthetic"].get("seed", 0))
    else:
        dtype = {"float32": torch.float32, "float64": torch.float64}[request.get("dtype", "float32")]
        data = make_dataset(request["x"], request["y"], model.in_features, model.out_features, dtype=dtype)  # the
        # caller's dtype: float64 data beyond float32's range are measured as they are
    options = {key: request[key] for key in ("record_params", "device", "memory_budget_bytes") if key in request}
    _, measurement = measured_run(model, data, request["method"], request["learning_rate"], request["epochs"],
                                  **options)
    result = asdict(measurement)
    result.pop("isolated")
    return result


def _warm_child(connection: Connection, request: dict[str, Any]) -> None:
    """In a child forked from the warm server: one measurement, sent back through ``connection``."""
    try:
        connection.send(("answer", _answer(request)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises it as a failed probe
        connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


class WarmProbe:
    """A measurement running in a child of the warm probe server; ``finish()`` waits for it."""

    def __init__(self, request: dict[str, Any]) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])  # the server imports this module, hence torch and bp_core, once
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_warm_child, args=(send, request), daemon=True)
        self._process.start()
        send.close()  # the child holds its own end

    def finish(self) -> MemoryMeasurement:
        """The child's measurement; RuntimeError if it failed or took longer than PROBE_TIMEOUT_SECONDS."""
        try:
            if not self._receive.poll(PROBE_TIMEOUT_SECONDS):
                self._process.kill()
                raise RuntimeError(f"memory probe took longer than {PROBE_TIMEOUT_SECONDS} s and was stopped")
            kind, payload = self._receive.recv()
        except EOFError:
            raise RuntimeError("memory probe failed: the child exited without an answer") from None
        finally:
            self._process.join(timeout=30)
            self._receive.close()
        if kind != "answer":
            raise RuntimeError(f"memory probe failed: {payload}")
        return measurement_from_answer(payload)


_EXTRA = ("synthetic", "device", "record_params", "memory_budget_bytes")


def start_warm_probe(model_spec: dict[str, Any], method: str, learning_rate: float, epochs: int,
                     **extra: object) -> WarmProbe:
    """Start one measurement in a child of the warm probe server (started on first use); ``finish()`` on the result
    waits for it. The data: ``synthetic={"n": rows, "seed": s}`` (built in the child). The arguments are checked
    here, so a wrong one raises ValueError (or TypeError) naming it before any process starts."""
    model = model_from_spec(model_spec)
    method = check_choice("method", method, METHODS)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    unknown = sorted(map(str, set(extra) - set(_EXTRA)))
    if unknown:
        raise ValueError(f"start_warm_probe takes only {', '.join(_EXTRA)} besides the run's settings, got {unknown}")
    synthetic = extra.get("synthetic")
    if not isinstance(synthetic, dict) or set(synthetic) - {"n", "seed"} or "n" not in synthetic:
        raise ValueError(f"synthetic must be a dict {{'n': rows, 'seed': s}} (the child builds the data), got "
                         f"{shown(synthetic)}")
    check_int_range("synthetic['n']", synthetic["n"], 1, 10_000_000)
    check_int_range("synthetic['seed']", synthetic.get("seed", 0), 0, MAX_SEED)
    return WarmProbe({"model": model.spec(), "method": method, "learning_rate": learning_rate, "epochs": epochs}
                     | extra)


def main() -> None:
    json.dump(_answer(json.load(sys.stdin)), sys.stdout)


if __name__ == "__main__":
    main()
