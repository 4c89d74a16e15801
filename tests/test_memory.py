import subprocess

import pytest

import bp_core
import bp_core.measure.isolated
import bp_core.measure.memory


def test_tensor_bytes_are_counted_from_the_tensors_themselves():
    line = bp_core.measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), "manual")
    assert line.parameter_bytes == 2 * 4 and line.gradient_bytes == 2 * 4
    assert line.saved_for_backward_bytes == (4 * 2 + 4 * 1) * 4  # [x, 1] and pred - y, float32
    auto = bp_core.measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), "autograd")
    assert auto.optimizer_state_bytes == 0  # plain SGD keeps no state
    mlp = bp_core.measure.count_tensor_bytes(bp_core.MLP(), bp_core.half_adder(), "manual")
    assert mlp.parameter_bytes == 17 * 4
    # the cache: x (4x2), n1 = f(d1) (4x3), n2 = f(d2) (4x2); the d's are not kept
    assert mlp.saved_for_backward_bytes == (8 + 12 + 8) * 4
    assert mlp.total_bytes == 17 * 4 * 2 + 28 * 4


def test_memory_in_this_process_measures_a_delta_and_the_tensor_bytes():
    result = bp_core.measure.measure_memory(bp_core.Line(), bp_core.seed_line(), ("manual", "autograd"), 0.01, 200,
                                    isolated=False)
    for method, m in result.items():
        assert m.method == method and not m.isolated
        assert m.baseline_rss_mib > 10
        assert m.peak_rss_delta_mib >= -bp_core.measure.RSS_RESOLUTION_MIB
        assert m.tensor_bytes == bp_core.measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), method)


def test_memory_in_fresh_processes_reports_the_one_time_cost_of_the_first_optimizer():
    result = bp_core.measure.measure_memory(bp_core.Line(), bp_core.seed_line(), ("manual", "autograd"), 0.01, 100)
    assert result["autograd"].isolated and result["manual"].isolated
    assert result["autograd"].setup_seconds_cold > result["manual"].setup_seconds_cold
    assert result["manual"].setup_seconds_cold == 0.0


def test_single_runs_below_the_resolution_are_no_difference_by_the_one_rss_verdict():
    one = {mib: bp_core.measure.RSSSpread("run", (mib,)) for mib in (1.0, 1.5, 3.0, 9.0)}
    assert not bp_core.measure.rss_difference_resolvable(one[1.0], one[1.5])
    assert bp_core.measure.rss_difference_resolvable(one[1.0], one[3.0])  # exactly the resolution apart
    assert bp_core.measure.rss_difference_resolvable(one[1.0], one[9.0])


def test_the_isolated_measurement_is_measure_memory_repeated(monkeypatch):
    tb = bp_core.budget.TensorBytes(8, 8, 48, 0)
    peaks = iter([1.0, 5.0, 2.0, 6.0, 3.0, 7.0])
    calls = []

    def one_round(model, data, methods, learning_rate, epochs):
        calls.append((methods, learning_rate, epochs))
        return {m: bp_core.measure.MemoryMeasurement(m, next(peaks), 300.0, 0.0, 0.0, True, tb) for m in methods}

    monkeypatch.setattr(bp_core.measure.isolated, "measure_memory", one_round)
    monkeypatch.setattr(bp_core.measure.isolated, "isolated_measurement_room",
                        lambda: bp_core.measure.MeasurementRoom(True, 4096.0, 1200.0))
    measured = bp_core.measure.measure_isolated_memory(bp_core.Line(), bp_core.seed_line(), 0.01, 10, repeats=3)
    assert calls == [(("manual", "autograd"), 0.01, 10)] * 3
    assert measured.rss["manual"].samples_mib == (1.0, 2.0, 3.0)
    assert measured.rss["autograd"].samples_mib == (5.0, 6.0, 7.0)
    assert measured.resolvable and (measured.repeats, measured.epochs, measured.n_samples) == (3, 10, 4)


def test_peak_rss_sees_a_short_lived_allocation():
    import time

    import torch

    with bp_core.measure.memory.PeakRSS() as peak:
        baseline = bp_core.measure.memory.current_rss_mib()
        block = torch.ones(64 * 1024 * 1024 // 4 * 4)  # 256 MiB, touched
        time.sleep(0.05)
        del block
    assert peak.peak_mib - baseline > 200


def test_measuring_a_run_starts_no_child_process():
    """memory_profiler's memory_usage((f, ...)) forks; in a threaded server such forks were seen to hang."""
    import threading

    import psutil

    me = psutil.Process()
    seen, stop = set(), threading.Event()

    def watch():
        while not stop.is_set():
            seen.update(child.pid for child in me.children(recursive=True))

    watcher = threading.Thread(target=watch)
    watcher.start()
    before = {child.pid for child in me.children(recursive=True)}
    try:
        bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 2000)
    finally:
        stop.set()
        watcher.join()
    assert seen - before == set()


def test_a_probe_that_fails_reports_its_last_error_line():
    process = subprocess.Popen(["python3", "-c", "import sys; sys.stderr.write('x' * 200000 + '\\nboom'); sys.exit(3)"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with pytest.raises(RuntimeError, match="boom"):  # 200 kB of stderr: communicate() drains it, no deadlock
        bp_core.measure.memory.finish_probe(process)


@pytest.mark.parametrize("model", [bp_core.Line(), bp_core.MLP((2, 4, 3, 2), "tanh", "identity", seed=5)])
def test_a_model_travels_to_the_probe_by_its_spec(model):
    assert bp_core.contract.model_from_spec(model.spec()) == model
    assert bp_core.contract.model_from_spec(model.spec()).spec() == model.spec()


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"isolated": "yes"}, "isolated"), ({"methods": ()}, "methods"), ({"methods": 5}, "methods"),
    ({"learning_rate": "0.1"}, "learning_rate"), ({"model": bp_core.Line}, "model"), ({"epochs": 1.5}, "epochs"),
])
def test_measure_memory_checks_every_argument_before_a_process_starts(monkeypatch, kwargs, argument):
    def no_process(*args, **kwargs):
        raise AssertionError("a probe process started before the arguments were checked")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    call = {"model": bp_core.Line(), "data": bp_core.seed_line(), "methods": ("manual",), "learning_rate": 0.01,
            "epochs": 10} | kwargs
    with pytest.raises((ValueError, TypeError), match=argument):
        bp_core.measure.measure_memory(**call)
