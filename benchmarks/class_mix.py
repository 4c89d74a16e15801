"""The class of benchmarks/bench_load.py: what each learner does (a page, a link, one press with its settings), what
the page must then show, and the same work back to back in one fresh process.

Run as a script it is that fresh process: it reads a JSON list of pieces of work on stdin, pays the one-time costs,
computes each piece with the same bp_core call the page makes, and prints one JSON line: the seconds, the CPU-seconds
and, per piece, what the learner's page must show (a final loss, a count of diverging runs, the example's sentences).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("compare", "sweep", "scaling", "example")
"""The four pages of a mixed class, dealt to the learners in turn."""

SWEEPS = ((0.001, 0.5, 24, 1000), (0.002, 0.3, 20, 1200), (0.005, 1.0, 40, 600), (0.001, 0.2, 12, 2000),
          (0.01, 0.5, 30, 800))
"""The sweep learners' requests on the line (low, high, count, epochs): each near the page's cap of 24,000 epochs,
none the default (which the page runs when it opens)."""
SWEEP_KEYS = ("sweep.low", "sweep.high", "sweep.count", "sweep.epochs")
SCALING = (("n_samples", 5), ("width", 5), ("width", 3), ("n_samples", 3), ("width", 4))
"""The Scaling learners' live runs (axis, points) over the page's default range; none the default (n_samples, 4)."""


def compare_links(learners: int) -> list[dict[str, str]]:
    """Distinct settings a class might share: lines and networks mixed, 1000-5000 epochs, a few above the bound."""
    links = []
    for i in range(learners):
        epochs = str(1000 + (i * 700) % 4001)
        if i % 2 == 0:
            lr = ("0.005", "0.01", "0.02", "0.03", "0.05", "0.07", "0.1", "0.115", "0.13", "0.011")[i // 2 % 10]
            links.append({"model": "line", "lr": lr, "epochs": epochs, "lang": "ko" if i % 4 == 0 else "en"})
        else:
            lr = ("0.5", "1.0", "2.0", "3.0", "5.0")[i // 2 % 5]
            act = ("sigmoid", "tanh", "relu")[i % 3]
            links.append({"model": "mlp", "lr": lr, "epochs": epochs, "seed": str(i), "act": act, "lang": "en"})
    return links


@dataclass(frozen=True)
class Visit:
    """One learner: the page (its URL path), the link's query, the button pressed once and the widget values sent
    with the press (number inputs as numbers; a radio as the index of its option)."""

    kind: str
    page: str
    query: dict[str, str]
    button: str
    values: dict[str, float] = field(default_factory=dict)
    radios: dict[str, int] = field(default_factory=dict)

    def work(self) -> dict[str, Any]:
        """The piece of work the press asks for, as the back-to-back process reads it."""
        if self.kind == "compare":
            return {"kind": "compare", "link": self.query}
        if self.kind == "sweep":
            return {"kind": "sweep", "request": [self.values[key] for key in SWEEP_KEYS]}
        if self.kind == "scaling":
            return {"kind": "scaling", "axis": AXES_ORDER[self.radios["scaling.axis"]],
                    "points": int(self.values["scaling.points"])}
        return {"kind": "example"}


AXES_ORDER = ("n_samples", "width")  # bp_core.measure.scaling.AXES: the order of the Scaling page's radio


def compare_class(learners: int) -> list[Visit]:
    """The Compare-only class: each learner opens a distinct share link and presses Train."""
    return [Visit("compare", "compare", link, "compare.train") for link in compare_links(learners)]


def mixed_class(learners: int) -> list[Visit]:
    """Learners dealt in turn to Compare, the learning-rate sweep, the Scaling live run and the lecture example."""
    links = iter(compare_links(learners))
    counts = dict.fromkeys(KINDS, 0)
    visits = []
    for i in range(learners):
        kind = KINDS[i % len(KINDS)]
        n, lang = counts[kind], "ko" if i % 3 == 0 else "en"
        counts[kind] += 1
        if kind == "compare":
            visits.append(Visit(kind, "compare", next(links), "compare.train"))
        elif kind == "sweep":
            low, high, count, epochs = SWEEPS[n % len(SWEEPS)]
            visits.append(Visit(kind, "learning_rate", {"lang": lang}, "sweep.run",
                                {"sweep.low": low, "sweep.high": high, "sweep.count": count, "sweep.epochs": epochs}))
        elif kind == "scaling":
            axis, points = SCALING[n % len(SCALING)]
            visits.append(Visit(kind, "scaling", {"lang": lang}, "scaling.run", {"scaling.points": points},
                                {"scaling.axis": AXES_ORDER.index(axis)}))
        else:
            visits.append(Visit(kind, "lecture_example", {"lang": lang}, "example.run"))
    return visits


def distinct_work(visits: list[Visit]) -> list[dict[str, Any]]:
    """Each piece of work once: the server computes identical requests once (the lecture example has one)."""
    seen: list[dict[str, Any]] = []
    for visit in visits:
        if visit.work() not in seen:
            seen.append(visit.work())
    return seen


def _back_to_back(pieces: list[dict[str, Any]]) -> dict[str, Any]:
    """In a fresh process: every piece with the page's own bp_core call, one after another."""
    import torch

    torch.set_num_threads(1)
    sys.path.insert(0, str(ROOT))
    import bp_core
    from bp_core.measure import reconcile_example, scaling
    from bp_core.teaching import learning_rate_sweep
    from ui.session.settings import Settings
    from ui.views import example_view, scaling_view

    def settings(link: dict[str, str]) -> Settings:
        return Settings(link["model"], float(link["lr"]), int(link["epochs"]), int(link.get("seed", 0)),
                        link.get("act", "sigmoid"))

    model, data = Settings().build()
    bp_core.compare(model, data, 0.01, 10)  # one-time costs, paid by the server's first page too
    start, cpu = time.perf_counter(), time.process_time()
    shown: list[Any] = []
    for piece in pieces:
        if piece["kind"] == "compare":
            s = settings(piece["link"])
            shown.append(bp_core.compare(*s.build(), s.learning_rate, s.epochs).results["manual"].final_loss)
        elif piece["kind"] == "sweep":
            low, high, count, epochs = piece["request"]
            sweep = learning_rate_sweep(*bp_core.PRESETS["line"].build(), low, high, int(count), int(epochs))
            shown.append(f"{int(sweep.table['diverging'].sum())} / {len(sweep.table)}")
        elif piece["kind"] == "scaling":
            low, high = scaling_view.LIVE_DEFAULT_RANGE[piece["axis"]]
            sizes = scaling_view.live_sizes(piece["axis"], low, high, piece["points"])
            table = scaling.scaling_study(piece["axis"], sizes, epochs=scaling_view.LIVE_EPOCHS,
                                          repeats=scaling_view.LIVE_REPEATS, rss_repeats=0)
            shown.append(len(table))
        else:
            example = reconcile_example()
            shown.append({lang: [example_view.final_sentence(example, m, lang) for m in example.times]
                          for lang in ("en", "ko")})
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "shown": shown}


if __name__ == "__main__":
    print(json.dumps(_back_to_back(json.loads(sys.stdin.read()))))
