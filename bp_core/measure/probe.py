"""Runs one memory measurement in this fresh process; reads a JSON request on stdin, writes the answer on stdout.

The data comes either as lists (``x``, ``y``) or, for large studies, as ``synthetic: {"n": rows, "seed": s}``, built
here by ``bp_core.measure.scaling.synthetic_data`` so that a million rows need not travel through a pipe.
"""

import json
import sys
from dataclasses import asdict

import torch

from ..contract import model_from_spec
from ..data import make_dataset
from .memory import measured_run


def main() -> None:
    request = json.load(sys.stdin)
    model = model_from_spec(request["model"])
    if "synthetic" in request:
        from .scaling import synthetic_data

        data = synthetic_data(model, request["synthetic"]["n"], request["synthetic"].get("seed", 0))
    else:
        dtype = {"float32": torch.float32, "float64": torch.float64}[request.get("dtype", "float32")]
        data = make_dataset(request["x"], request["y"], model.in_features, model.out_features, dtype=dtype)  # the
        # caller's dtype: float64 data beyond float32's range are measured as they are
    options = {key: request[key] for key in ("record_params", "device", "memory_budget_bytes") if key in request}
    _, measurement = measured_run(model, data, request["method"], request["learning_rate"], request["epochs"],
                                  **options)
    answer = asdict(measurement)
    answer.pop("isolated")
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
