from ui.server import queue_view
from ui.server.worker import Job
from ui.texts import t


def test_a_queued_job_shows_how_many_runs_are_ahead_and_a_running_one_its_progress():
    job = Job("k", 3)
    text = lambda job: t("sweep_running", "en", done=job.figures.get("done", 0), total=24)  # noqa: E731
    assert queue_view.waiting_view(1, job, 1, "en", text) == ("info", 0.0, t("queue_one", "en", workers=1))
    kind, _, shown = queue_view.waiting_view(3, job, 2, "ko", text)
    assert kind == "info" and shown == t("queue_many", "ko", ahead=3, workers=2) and "3" in shown
    job.report(0.254, done=6, total=24)
    assert queue_view.waiting_view(0, job, 1, "en", text) == ("progress", 0.25, "Training run 6 of 24 ...")
