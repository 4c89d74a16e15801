"""Every heavy action of every page computes in the server's one queue (ui/server/queue_view.py), in the worker's
thread, never in the page's: Compare's run, the learning-rate sweep, the Scaling page's live run, the zero_grad
comparison, the lecture example's run and the fresh-process measurement (exclusive)."""

import threading

import pytest
from page_helpers import open_page

from bp_core import measure
from ui.server import queue_view
from ui.server.worker import Worker


class RecordingWorker(Worker):
    """A worker that notes, for every computation it runs, its action, whether it is exclusive and its thread."""

    def __init__(self) -> None:
        super().__init__(workers=1, trim_every_seconds=None)
        self.ran: list[tuple[str, bool, str]] = []

    def submit(self, key, compute, *, action="", exclusive=False):
        def noted(report):
            self.ran.append((action, exclusive, threading.current_thread().name))
            return compute(report)

        return super().submit(key, noted, action=action, exclusive=exclusive)


@pytest.fixture
def queue(monkeypatch):
    worker = RecordingWorker()
    monkeypatch.setattr(queue_view, "server_queue", lambda: worker)
    yield worker
    worker.shutdown()


def test_every_heavy_action_of_every_page_computes_in_the_servers_queue_not_in_the_page(queue, monkeypatch):
    monkeypatch.setattr(measure, "isolated_measurement_room", lambda: measure.MeasurementRoom(False, 412.0, 1200.0))
    at = open_page("pages/compare.py")
    at.button(key="compare.measure").click().run()
    at.switch_page("pages/learning_rate.py").run()
    at.switch_page("pages/scaling.py").run()
    at.select_slider(key="scaling.range_n_samples").set_value((4, 40))
    at.number_input(key="scaling.points").set_value(2)
    at.button(key="scaling.run").click().run()
    at.switch_page("pages/gradient_check.py").run()
    at.switch_page("pages/lecture_example.py").run()
    at.button(key="example.run").click().run()
    at.switch_page("pages/chain_rule.py").run()  # the network's run again: trained once, found kept
    assert not at.exception and not at.error
    assert [(action, exclusive) for action, exclusive, _ in queue.ran] == [
        ("stability_bound", False), ("compare", False), ("isolated_memory", True), ("sweep", False),
        ("scaling_live", False), ("teaching_run", False), ("gradient_report", False), ("zero_grad", False),
        ("lecture_example", False)]
    assert all(thread.startswith("queue-worker") for _, _, thread in queue.ran)


def test_a_refused_measurement_is_checked_in_the_queue_and_not_kept(queue, monkeypatch):
    checks = []

    def tight():
        checks.append(threading.current_thread().name)
        return measure.MeasurementRoom(False, 412.0, 1200.0)

    monkeypatch.setattr(measure, "isolated_measurement_room", tight)
    at = open_page("pages/compare.py")
    for _ in range(2):
        at.button(key="compare.measure").click().run()
        assert [w.value for w in at.warning if w.value.startswith("Not measured")]
    assert len(checks) == 2 and all(name.startswith("queue-worker") for name in checks)


def test_a_second_learner_with_the_same_request_is_served_without_a_second_computation(queue):
    first, second = open_page("pages/learning_rate.py"), open_page("pages/learning_rate.py", "ko")
    assert not first.exception and not second.exception
    assert [action for action, _, _ in queue.ran] == ["sweep"] and queue.runs_computed == 1
    first.run()  # this learner's own rerun: its session's last sweep, no trip through the queue
    assert queue.runs_computed == 1
