import pytest

from bp_core import measure
from bp_core.measure.isolated import MIN_REPEATS
from ui.texts import TEXTS


def test_the_memory_section_states_exact_tensor_bytes_and_takes_rss_only_from_isolated_runs(app):
    at = app()
    assert not at.exception
    lines = [m.value for m in at.markdown if "bytes of tensors" in m.value]
    assert len(lines) == 2 and lines[0].startswith("**manual (chain rule)**: 64 bytes")
    assert not any(m.label.startswith("Peak RSS") for m in at.metric)  # no in-process RSS delta per method
    captions = [c.value for c in at.caption]
    assert TEXTS["memory_tensor_source"]["en"] in captions
    assert any(c.startswith("Source: the shipped scaling-study table") for c in captions)  # line, 4 points: measured
    assert any(c.startswith(("Resolvable", "Not resolvable")) for c in captions)
    assert at.button(key="compare.measure").label == TEXTS["memory_measure_button"]["en"]


def test_the_memory_section_reads_in_korean(app):
    at = app({"lang": "ko"})
    assert any("텐서" in m.value and "바이트" in m.value for m in at.markdown)
    assert TEXTS["memory_tensor_source"]["ko"] in [c.value for c in at.caption]


def test_pressing_measure_where_the_server_lacks_memory_is_refused_with_the_figures(app, monkeypatch):
    monkeypatch.setattr(measure, "isolated_measurement_room", lambda: measure.MeasurementRoom(False, 412.0, 1200.0))
    at = app()
    at.button(key="compare.measure").click().run()
    assert not at.exception
    refused = [w.value for w in at.warning if w.value.startswith("Not measured")]
    assert refused == [TEXTS["memory_measure_refused"]["en"].format(available=412.0, needed=1200.0)]
    assert len([m for m in at.markdown if "bytes of tensors" in m.value]) == 2  # the exact figures stay
    assert any(c.value.startswith("Source: the shipped scaling-study table") for c in at.caption)


def test_pressing_measure_runs_fresh_processes_and_shows_their_spread(app):
    """A real measurement: 3 rounds of one fresh process per method; the page shows what the library measured."""
    if not measure.isolated_measurement_room().allowed:
        pytest.skip("this machine lacks the free memory for the fresh processes")
    at = app({"epochs": "200"})
    at.button(key="compare.measure").click().run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert TEXTS["memory_rss_source_measured"]["en"].format(epochs=200, repeats=MIN_REPEATS) in captions
    lines = [c for c in captions if c.startswith("Peak RSS Δ")]
    assert len(lines) == 2  # one line per method: median and range of its fresh-process peaks
    assert any(c.startswith(("Resolvable", "Not resolvable")) for c in captions)
    at.toggle(key="compare.log_scale").set_value(False).run()  # a rerun keeps the measurement for these settings
    assert TEXTS["memory_rss_source_measured"]["en"].format(epochs=200, repeats=MIN_REPEATS) in [
        c.value for c in at.caption]
