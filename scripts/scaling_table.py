"""Measure the scaling study on this machine and write the table that ships: bp_core/measure/tables/scaling_<date>.csv.

Both axes at their default sizes, both model families each, both methods: time per epoch (1 torch thread, as the
dashboard runs), tensor bytes counted and analytic, peak RSS Δ from 3 fresh processes per method and point. Prints
one line per point and the machine's load before and after. Run: ``python scripts/scaling_table.py`` (make scaling).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402
import torch  # noqa: E402

from bp_core.measure import scaling  # noqa: E402

TARGET_SECONDS = 300
"""Issue 19: the whole study within 5 minutes here."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rss-repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"{scaling.machine_label()}; load {os.getloadavg()}")
    start = time.perf_counter()
    tables = []
    for axis in scaling.AXES:
        tables.append(scaling.scaling_study(
            axis, epochs=args.epochs, repeats=args.repeats, rss_repeats=args.rss_repeats, device=args.device,
            progress=lambda done, total, label: print(f"  {done}/{total} {label}", flush=True)))
    table = scaling.label_table(pd.concat(tables, ignore_index=True))
    out = args.out or scaling.TABLES / f"scaling_{table['date'].iloc[0]}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False)
    values = ["seconds_per_epoch_median", "saved_for_backward_bytes", "peak_rss_delta_mib_median"]
    wide = table.pivot_table(index=["axis", "model", "size"], columns="method", values=values)
    pd.set_option("display.width", 200)
    print(wide.to_string())
    elapsed = time.perf_counter() - start
    print(f"wrote {out} ({len(table)} rows) in {elapsed:.0f} s; load {os.getloadavg()}")
    verdict = "met" if elapsed <= TARGET_SECONDS else "NOT met"
    print(f"the study took {elapsed:.0f} s (target <= {TARGET_SECONDS} s: {verdict})")
    for column, what in (("seconds_per_epoch_median", "median time per epoch"),
                         ("saved_for_backward_bytes", "bytes kept for backward")):
        losing = [f"{model} {size}" for (axis, model, size), row in wide[column].iterrows()
                  if row["manual"] > row["autograd"]]
        verdict = "met" if not losing else f"NOT met at {', '.join(losing)}"
        print(f"hand-derived <= autograd in {what} at every point: {verdict}")


if __name__ == "__main__":
    main()
