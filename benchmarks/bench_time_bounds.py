"""How long the worst call each public training function accepts takes here: today's work bound against the time it
promises (MAX_MULTIPLY_ADDS, "about 20 s here"). Issue 18, item 4: the bound counts multiply-adds only, so it
misjudges both ends: tiny models over many epochs (a fixed cost per operation dominates) and huge data over few
epochs (a fixed 512 multiply-adds per sample overestimates a line's pass).

For each shape, the largest epochs that ``limits.check_training_size`` accepts (found by bisection; nothing trains to
decide), then the median epoch of a few real runs (the trainer's own clock; set-up left out), times the accepted epochs
(one epoch is the same arithmetic every time, so the cost is flat in epochs). Prints each worst call's estimated
seconds and whether it stays within 30 s. Run: ``python benchmarks/bench_time_bounds.py``. Not a test.
"""

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import torch  # noqa: E402

import bp_core  # noqa: E402
from bp_core.limits import MAX_EPOCHS, check_training_size  # noqa: E402

BOUND_SECONDS = 30.0
"""The promise: a call the library accepts finishes within about 20-30 s here."""


def largest_accepted(model: bp_core.Model, n_samples: int, runs: int) -> int:
    """The largest epochs check_training_size accepts for ``runs`` runs of ``model`` on ``n_samples`` rows."""
    low, high = 0, MAX_EPOCHS
    while low < high:
        middle = (low + high + 1) // 2
        try:
            check_training_size(model, n_samples, middle, runs=runs)
            low = middle
        except ValueError:
            high = middle - 1
    return low


def per_epoch_seconds(model: bp_core.Model, data: bp_core.Dataset, method: str, sample: int, repeats: int) -> float:
    """The median epoch of ``repeats`` runs of ``sample`` epochs, by the trainer's own clock (after one warm-up run;
    set-up and one-time costs are not in it)."""
    bp_core.train(model, data, method, 1e-6, sample)
    epochs = []
    for _ in range(repeats):
        epochs.extend(bp_core.train(model, data, method, 1e-6, sample).epoch_seconds.tolist())
    return statistics.median(epochs)


def main() -> None:
    torch.set_num_threads(1)
    torch.manual_seed(0)
    shapes = {
        "line, 4 rows (tiny, many epochs)": (bp_core.Line(), bp_core.seed_line()),
        "2-3-2 network, 4 rows (tiny, many epochs)": (bp_core.MLP(), bp_core.half_adder()),
        "line, 1,000,000 rows (big, few epochs)": (bp_core.Line(), bp_core.make_dataset(
            torch.rand(1_000_000, 1), torch.rand(1_000_000, 1), 1, 1)),
        "2-256-2 network, 100,000 rows (big, few epochs)": (bp_core.MLP((2, 256, 2)), bp_core.make_dataset(
            torch.rand(100_000, 2), torch.rand(100_000, 2), 2, 2)),
    }
    functions = {"train": 1, "compare (both methods)": 2, "measure_runtime (1 warm-up + 3)": 4}
    print(f"worst accepted call per function and shape, estimated from sampled epochs (bound {BOUND_SECONDS:g} s):")
    for label, (model, data) in shapes.items():
        sample = 200 if data.n_samples < 1000 else 3
        cost = {m: per_epoch_seconds(model, data, m, sample, 3) for m in ("manual", "autograd")}
        print(f"\n{label}: per epoch manual {cost['manual'] * 1e6:.1f} us, autograd {cost['autograd'] * 1e6:.1f} us "
              f"(median of 3 x {sample} epochs)")
        for name, runs in functions.items():
            epochs = largest_accepted(model, data.n_samples, runs)
            methods = ("manual", "autograd") if runs == 2 else ("autograd",)
            seconds = sum(cost[m] for m in methods) * epochs * (runs if runs != 2 else 1)
            if epochs == 0:
                print(f"  {name:34s} refused at every epoch count")
                continue
            verdict = "met" if seconds <= BOUND_SECONDS else "NOT met"
            print(f"  {name:34s} accepts up to {epochs:7d} epochs -> about {seconds:7.1f} s "
                  f"(bound {BOUND_SECONDS:g} s: {verdict})")


if __name__ == "__main__":
    main()
