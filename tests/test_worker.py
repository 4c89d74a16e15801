import threading

import pytest

from ui.server.worker import DEFAULT_WORKERS, WORKERS_VARIABLE, Job, Worker, default_workers, give_back_memory


@pytest.fixture
def worker():
    made = []

    def make(**options) -> Worker:
        made.append(Worker(**options))
        return made[-1]

    yield make
    for w in made:
        w.shutdown()


def blocked_run(gate: threading.Event, value=None):
    def compute(report):
        report(0.5, "manual")
        gate.wait(30)
        return value

    return compute


def test_one_run_at_a_time_unless_the_server_says_otherwise(monkeypatch):
    monkeypatch.delenv(WORKERS_VARIABLE, raising=False)
    assert default_workers() == DEFAULT_WORKERS == 1
    with pytest.raises(ValueError, match="workers"):
        Worker(workers=0)
    monkeypatch.setenv(WORKERS_VARIABLE, "4")
    assert default_workers() == 4
    for junk in ("0", "65", "-1", "two", "١", ""):
        monkeypatch.setenv(WORKERS_VARIABLE, junk)
        assert default_workers() == DEFAULT_WORKERS


def test_a_queued_run_knows_how_many_runs_are_ahead_of_it(worker):
    w = worker(workers=1)
    gate = threading.Event()
    first = w.submit("a", blocked_run(gate, 1))
    second = w.submit("b", blocked_run(gate, 2))
    third = w.submit("c", blocked_run(gate, 3))
    assert w.ahead(second) == 1 and w.ahead(third) == 2 and w.queued() == 3
    gate.set()
    assert [job.result() for job in (first, second, third)] == [1, 2, 3]
    assert w.ahead(third) == 0 and w.queued() == 0


def test_a_running_job_reports_its_progress_to_whoever_waits():
    job = Job("k", 0)
    job.report(1.7, "autograd")
    assert (job.fraction, job.stage) == (1.0, "autograd")
    assert not job.wait(0.01)


def test_ten_threads_asking_for_the_same_key_at_once_compute_it_once(worker):
    w = worker(workers=2)
    calls, gate, start = [], threading.Event(), threading.Barrier(10)
    results = [None] * 10

    def compute(report):
        calls.append(1)
        gate.wait(30)
        return object()

    def ask(i):
        start.wait()
        results[i] = w.submit("same settings", compute).result()

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join(30)
    assert len(calls) == 1 and w.runs_computed == 1
    assert all(r is results[0] for r in results)  # one result, shared
    assert w.submit("same settings", compute).result() is results[0] and len(calls) == 1  # and kept


def test_an_exception_reaches_its_own_callers_only_and_the_worker_keeps_serving(worker):
    w = worker(workers=1)

    def broken(report):
        raise RuntimeError("this run failed")

    failing = w.submit("bad", broken)
    fine = w.submit("good", lambda report: 42)
    with pytest.raises(RuntimeError, match="this run failed"):
        failing.result()
    assert fine.result() == 42
    assert w.submit("later", lambda report: "still serving").result() == "still serving"
    retry = w.submit("bad", lambda report: "fixed")  # a failure is not kept: asking again runs again
    assert retry.result() == "fixed"


def test_kept_results_are_bounded_and_expire(worker):
    w = worker(workers=1, keep=2)
    for key in "abc":
        w.submit(key, lambda report, k=key: k.upper()).result()
    computed = w.runs_computed
    assert w.submit("c", lambda report: "new").result() == "C"  # kept
    assert w.submit("a", lambda report: "new").result() == "new"  # the oldest was dropped
    assert w.runs_computed == computed + 1
    expiring = worker(workers=1, ttl_seconds=0.0)
    expiring.submit("a", lambda report: 1).result()
    assert expiring.submit("a", lambda report: 2).result() == 2


def test_freed_memory_is_given_back_after_every_run(worker):
    trims = []
    w = worker(workers=1, trim=lambda: trims.append(1), trim_every_seconds=None)
    w.submit("a", lambda report: 1).result()
    with pytest.raises(ZeroDivisionError):
        w.submit("b", lambda report: 1 / 0).result()
    w.shutdown()  # the trim runs after the result is handed over: wait for the pool
    assert len(trims) == 2
    assert give_back_memory() in (True, False)


def test_memory_and_the_code_files_page_cache_are_also_given_back_now_and_then_while_no_run_finishes(worker):
    trims, releases = threading.Semaphore(0), threading.Semaphore(0)
    worker(workers=1, trim=trims.release, trim_every_seconds=0.01, release_files=releases.release)
    assert trims.acquire(timeout=10) and trims.acquire(timeout=10)
    assert releases.acquire(timeout=10) and releases.acquire(timeout=10)


def test_exclusive_jobs_run_one_at_a_time_even_with_two_workers_and_others_go_past_them(worker):
    w = worker(workers=2, trim_every_seconds=None)
    gate, running, most = threading.Event(), [], []
    lock = threading.Lock()

    def measuring(value):
        def compute(report):
            with lock:
                running.append(value)
                most.append(len(running))
            gate.wait(30)
            with lock:
                running.remove(value)
            return value

        return compute

    first = w.submit("measure a", measuring("a"), exclusive=True)
    second = w.submit("measure b", measuring("b"), exclusive=True)
    training = w.submit("train", lambda report: "trained")  # the second worker takes it past the waiting measurement
    assert training.result() == "trained"
    assert first.wait(0.2) is False and not second.started and w.ahead(second) == 1
    gate.set()
    assert (first.result(), second.result()) == ("a", "b")
    assert max(most) == 1  # never two measurements at once


def test_every_action_waits_in_the_same_queue(worker):
    w = worker(workers=1, trim_every_seconds=None)
    gate = threading.Event()
    compare = w.submit(("compare", 1), blocked_run(gate, "comparison"), action="compare")
    sweep = w.submit(("sweep", 1), lambda report: "sweep", action="sweep")
    example = w.submit(("lecture_example", ()), lambda report: "example", action="lecture_example")
    assert w.ahead(sweep) == 1 and w.ahead(example) == 2 and not sweep.started
    gate.set()
    assert [job.result() for job in (compare, sweep, example)] == ["comparison", "sweep", "example"]


def test_the_same_request_under_two_actions_is_two_computations_and_each_is_computed_once(worker):
    w = worker(workers=1, trim_every_seconds=None)
    gate = threading.Event()
    calls = []

    def counted(name):
        def compute(report):
            calls.append(name)
            gate.wait(30)
            return name

        return compute

    jobs = [w.submit((action, "same request"), counted(action), action=action)
            for action in ("sweep", "zero_grad", "sweep", "zero_grad")]
    assert jobs[0] is jobs[2] and jobs[1] is jobs[3]  # single flight within an action
    gate.set()
    assert [job.result() for job in jobs] == ["sweep", "zero_grad", "sweep", "zero_grad"]
    assert sorted(calls) == ["sweep", "zero_grad"] and w.runs_computed == 2


def test_results_are_kept_per_action_so_one_action_cannot_push_out_another(worker):
    w = worker(workers=1, keep=1, trim_every_seconds=None)
    w.submit(("lecture_example", ()), lambda report: "example", action="lecture_example").result()
    for epochs in (100, 200, 300):
        w.submit(("compare", epochs), lambda report, e=epochs: e, action="compare").result()
    computed = w.runs_computed
    assert w.submit(("lecture_example", ()), lambda report: "again", action="lecture_example").result() == "example"
    assert w.submit(("compare", 300), lambda report: 0, action="compare").result() == 300  # the newest, kept
    assert w.submit(("compare", 100), lambda report: "new", action="compare").result() == "new"  # pushed out
    assert w.runs_computed == computed + 1


def test_a_job_reports_figures_for_its_progress_text():
    job = Job("k", 0)
    job.report(0.25, done=6, total=24)
    assert (job.fraction, job.stage, job.figures) == (0.25, "", {"done": 6, "total": 24})


def test_shutdown_runs_what_was_queued_and_refuses_new_jobs(worker):
    w = Worker(workers=1, trim_every_seconds=None)
    gate = threading.Event()
    first = w.submit("a", blocked_run(gate, 1))
    second = w.submit("b", lambda report: 2)
    threading.Timer(0.1, gate.set).start()
    w.shutdown()
    assert (first.result(), second.result()) == (1, 2)
    with pytest.raises(RuntimeError, match="shut down"):
        w.submit("c", lambda report: 3)
