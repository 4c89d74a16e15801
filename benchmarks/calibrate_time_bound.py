"""Calibrate the time bound's cost model (``bp_core.cost.epoch_seconds``) on this machine: time whole ``train``
calls (epochs and history, everything a caller waits for; the set-up apart) over shapes that separate the model's
parts, and print the constants that fit them, next to the ones in force.

The model, per epoch and method: a fixed part per call of the epoch (Python, torch dispatch and the history: a base
plus a part per layer), plus arithmetic that follows the layer widths: per sample, an elementwise part per unit of
every layer (activations, their derivatives, the error) and a part per multiply-add of the matrix products
(forward and backward: about three). The fixed part is read from tiny data (4 rows; 1 to 5 layers), the per-sample
parts from large data, after the fixed part is taken off. Each figure is the per-epoch part of whole calls: the
medians of 3 calls of k and of 2k epochs after one warm-up, their difference over k (``bench_time_bounds.call_cost``).

Run: ``python benchmarks/calibrate_time_bound.py`` (about two minutes). Not a test; ``bench_time_bounds.py`` checks
the bound that results.
"""

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import torch  # noqa: E402
from bench_time_bounds import call_cost  # noqa: E402 - the same timing as the benchmark that checks the bound

import bp_core  # noqa: E402
from bp_core import cost  # noqa: E402


def call_seconds_per_epoch(model: bp_core.Model, data: bp_core.Dataset, method: str, epochs: int) -> float:
    """The per-epoch part of whole ``train`` calls (set-up apart: ``SETUP_VALUE_SECONDS`` counts it), as
    bench_time_bounds reads it from calls of ``epochs`` and twice as many."""
    return call_cost(model, data, method, epochs)[1]


def rows(n: int, model: bp_core.Model) -> bp_core.Dataset:
    return bp_core.make_dataset(torch.rand(n, model.in_features), torch.rand(n, model.out_features))


def main() -> None:
    torch.set_num_threads(1)
    print(f"load average before: {' '.join(f'{v:.2f}' for v in __import__('os').getloadavg())}")
    fixed: dict[str, dict[int, float]] = {"manual": {}, "autograd": {}}
    line = call_seconds_per_epoch(bp_core.Line(), bp_core.seed_line(), "manual", 3000), \
        call_seconds_per_epoch(bp_core.Line(), bp_core.seed_line(), "autograd", 3000)
    print(f"line, 4 rows: manual {line[0] * 1e6:.1f} us, autograd {line[1] * 1e6:.1f} us per epoch")
    for layers in range(1, 6):
        model = bp_core.MLP((2, *[3] * (layers - 1), 2))
        for method in fixed:
            fixed[method][layers] = call_seconds_per_epoch(model, bp_core.half_adder(), method, 2000)
        print(f"{layers} layer(s), 4 rows: manual {fixed['manual'][layers] * 1e6:.1f} us, autograd "
              f"{fixed['autograd'][layers] * 1e6:.1f} us per epoch")
    for method in fixed:
        xs, ys = list(fixed[method]), list(fixed[method].values())
        slope = statistics.linear_regression(xs, ys).slope
        base = statistics.median(y - slope * x for x, y in zip(xs, ys, strict=True))
        print(f"  fit {method}: a network's base {base * 1e6:.1f} us + {slope * 1e6:.1f} us per layer; the line "
              f"{line[method == 'autograd'] * 1e6:.1f} us (in force: "
              f"{(cost.EPOCH_BASE_SECONDS[method] + cost.NETWORK_BASE_SECONDS[method]) * 1e6:.1f} + "
              f"{cost.LAYER_SECONDS[method] * 1e6:.1f} per layer; the line "
              f"{(cost.EPOCH_BASE_SECONDS[method] + cost.LAYER_SECONDS[method]) * 1e6:.1f})")
    big = [(bp_core.Line(), 1_000_000, 10), (bp_core.MLP((2, 3, 2)), 1_000_000, 4),
           (bp_core.MLP((2, 256, 2)), 100_000, 4), (bp_core.MLP((2, 1024, 2)), 30_000, 4),
           (bp_core.MLP((2, 1024, 1024, 1024, 2)), 1024, 4), (bp_core.MLP((2, 256, 256, 256, 2)), 10_000, 4)]
    for model, n, epochs in big:
        data = rows(n, model)
        for method in ("manual", "autograd"):
            seconds = call_seconds_per_epoch(model, data, method, epochs)
            units, products = cost.layer_work(model)
            estimate = cost.epoch_seconds(model, n, method)
            print(f"{getattr(model, 'sizes', 'line')} N={n}: {method} {seconds * 1e3:.2f} ms per epoch "
                  f"({seconds / n * 1e9:.1f} ns a sample; {units} units, {products} multiply-adds); estimate "
                  f"{estimate * 1e3:.2f} ms ({estimate / seconds:.2f}x)")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in __import__('os').getloadavg())}")


if __name__ == "__main__":
    main()
