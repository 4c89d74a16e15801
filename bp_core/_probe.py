"""Runs one memory measurement in this fresh process; reads a JSON request on stdin, writes the answer on stdout."""

import json
import sys
from dataclasses import asdict

from .data import make_dataset
from .measure import measured_run, model_from_spec


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
