"""The Compare page's memory section, read through its pure function ``presented``: what it states must not change
from one run to the next, and RSS must appear only from isolated, repeated measurements."""

import pandas as pd
import pytest

import bp_core
from ui.session.settings import Settings
from ui.texts import TEXTS
from ui.views import memory_view

DEFAULTS = {"line": Settings(), "mlp": Settings(model="mlp", learning_rate=1.0, epochs=5000)}


@pytest.mark.parametrize("model", ["line", "mlp"])
def test_five_consecutive_comparisons_never_present_a_difference_the_next_contradicts(model):
    """The page's run (its default epochs) and four more: the same memory lines each time. The tensor bytes are
    counted on one step, not over the run, so the four after the first train 100 epochs (the network's 5,000 took
    about 4 s each); that their lines equal the page run's is part of what is checked."""
    settings = DEFAULTS[model]
    shown = []
    for epochs in (settings.epochs, 100, 100, 100, 100):
        built, data = settings.build()
        comparison = bp_core.compare(built, data, settings.learning_rate, epochs)
        figure = memory_view.table_figure(settings, data.n_samples, "en", memory_view.scaling.shipped_table())
        shown.append(memory_view.presented(comparison, figure, "en"))
    assert all(lines == shown[0] for lines in shown)
    assert not any("Peak RSS" in line and "this server process" in line for line in shown[0])


def test_the_live_figures_are_the_counted_tensor_bytes_with_the_analytic_count_beside_them():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 10)
    lines = memory_view.presented(comparison, None, "en")
    assert lines[0].startswith("**manual (chain rule)**: 64 bytes") and "analytic count from the shapes: 64" in lines[0]
    assert lines[1].startswith("**autograd (backward)**: 80 bytes")
    assert lines[2] == TEXTS["memory_tensor_source"]["en"] and lines[3] == TEXTS["memory_rss_not_shown"]["en"]


def spread(method, *values):
    return bp_core.measure.RSSSpread(method, values)


def test_rss_is_called_resolvable_only_when_the_ranges_do_not_overlap_and_exceed_the_resolution():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 10)
    overlapping = memory_view.RSSFigure({"manual": spread("manual", 1.0, 3.0, 9.0),
                                         "autograd": spread("autograd", 5.0, 7.0, 8.0)}, "source", False)
    apart = memory_view.RSSFigure({"manual": spread("manual", 1.0, 1.1, 1.2),
                                   "autograd": spread("autograd", 9.0, 9.5, 9.9)}, "source", True)
    assert memory_view.presented(comparison, overlapping, "en")[-1].startswith("Not resolvable")
    assert "autograd (backward) used 8.40 MiB more than manual (chain rule)" in memory_view.presented(
        comparison, apart, "en")[-1]
    assert not bp_core.measure.rss_difference_resolvable(spread("a", 1.0, 1.2, 1.1), spread("b", 2.0, 2.1, 2.2))


def test_rss_from_the_shipped_table_names_its_source_and_applies_only_to_the_same_model_and_size():
    table = pd.DataFrame([
        {"axis": "n_samples", "model": "line", "size": 4, "method": m, "rss_repeats": 3, "epochs": 5,
         "peak_rss_delta_mib_low": lo, "peak_rss_delta_mib_median": med, "peak_rss_delta_mib_high": hi,
         "machine": "AMD EPYC, 2 CPUs", "date": "2026-11-28"}
        for m, lo, med, hi in (("manual", 0.1, 0.11, 0.12), ("autograd", 0.1, 0.11, 0.13))])
    figure = memory_view.table_figure(Settings(), 4, "en", table)
    assert figure is not None and not figure.resolvable and "AMD EPYC, 2 CPUs, 2026-11-28" in figure.source
    assert memory_view.table_figure(Settings(), 5, "en", table) is None  # five points: not measured
    assert memory_view.table_figure(DEFAULTS["mlp"], 4, "en", table) is None  # no 2-3-2 rows in this table
    assert memory_view.table_figure(Settings(), 4, "en", None) is None


def test_the_isolated_measurement_is_refused_when_the_machine_lacks_the_memory(monkeypatch):
    import psutil

    class Tight:
        available = 100 * 2**20

    monkeypatch.setattr(psutil, "virtual_memory", lambda: Tight())
    room = bp_core.measure.isolated_measurement_room()
    assert not room.allowed and room.available_mib == 100 and room.needed_mib == 1200
    with pytest.raises(MemoryError, match="1200 MiB"):
        bp_core.measure.measure_isolated_memory(bp_core.Line(), bp_core.seed_line(), 0.01, 10)
