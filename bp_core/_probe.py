"""Runs one memory measurement in this fresh process; reads a JSON request on stdin, writes the answer on stdout."""

import json
import sys
from dataclasses import asdict

from .contract import model_from_spec
from .data import make_dataset
from .memory import measured_run


def main() -> None:
    request = json.load(sys.stdin)
    model = model_from_spec(request["model"])
    data = make_dataset(request["x"], request["y"], model.in_features, model.out_features)
    _, measurement = measured_run(model, data, request["method"], request["learning_rate"], request["epochs"])
    answer = asdict(measurement)
    answer.pop("isolated")
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
