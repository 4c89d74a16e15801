import io
import subprocess
import sys

import pytest
from lecture_golden import AUTOGRAD_B, AUTOGRAD_W, LOSS_LINES, MANUAL_B, MANUAL_W

import bp_core
from bp_core.__main__ import main


def test_cli_prints_the_lectures_lines_and_final_parameters_for_both_methods():
    out = io.StringIO()
    assert main(["--method", "both", "--no-measure"], out) == 0
    text = out.getvalue()
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("Epoch")] == LOSS_LINES * 2
    assert f"w = {MANUAL_W!r}" in lines and f"b = {MANUAL_B!r}" in lines
    assert f"w = {AUTOGRAD_W!r}" in lines and f"b = {AUTOGRAD_B!r}" in lines
    assert text.count("Run time:") == 2


def test_cli_measures_runtime_and_memory_when_asked():
    out = io.StringIO()
    assert main(["--method", "manual", "--epochs", "50"], out) == 0
    text = out.getvalue()
    assert "us/epoch" in text and "peak RSS" in text and "tensor bytes 64" in text


@pytest.mark.parametrize(("autograd_mib", "noted"), [(1.5, True), (9.0, False)])
def test_cli_notes_a_peak_rss_difference_below_the_resolution(monkeypatch, autograd_mib, noted):
    import bp_core.__main__ as cli

    peaks = {"manual": 1.0, "autograd": autograd_mib}
    tb = bp_core.budget.TensorBytes(8, 8, 48, 0)
    monkeypatch.setattr(cli, "measure_memory", lambda model, data, methods, lr, epochs: {
        m: bp_core.measure.MemoryMeasurement(m, peaks[m], 300.0, 0.0, 0.0, True, tb) for m in methods})
    out = io.StringIO()
    assert main(["--method", "both", "--epochs", "20"], out) == 0
    assert ("below what RSS resolves here (2 MiB)" in out.getvalue()) is noted


def test_cli_trains_the_network():
    out = io.StringIO()
    assert main(["--model", "mlp", "--method", "autograd", "--epochs", "100", "--no-measure"], out) == 0
    assert "W1 = [" in out.getvalue() and "Epoch [100/100]" in out.getvalue()


@pytest.mark.parametrize("argv", [["--lr", "-1"], ["--lr", "nan"], ["--epochs", "0"], ["--epochs", "x"],
                                  ["--method", "magic"], ["--model", "cnn"]])
def test_cli_bad_arguments_give_one_line_and_exit_status_2(argv, capsys):
    """In this process (each interpreter start costs seconds of torch's import); the command itself below."""
    try:
        status = main(argv, io.StringIO())  # a refused value: 2 returned
    except SystemExit as exited:  # argparse's own refusal
        status = exited.code
    assert status == 2
    stderr = capsys.readouterr().err
    assert len(stderr.strip().splitlines()) == 1
    assert "error" in stderr and "Traceback" not in stderr


def test_cli_bad_arguments_from_the_command_line_give_one_line_and_exit_status_2():
    completed = subprocess.run([sys.executable, "-m", "bp_core", "--lr", "nan"], capture_output=True, text=True)
    assert completed.returncode == 2
    assert len(completed.stderr.strip().splitlines()) == 1
    assert "error" in completed.stderr and "Traceback" not in completed.stderr


@pytest.mark.parametrize(("argv", "refused"), [
    (["--profile", "--epochs", "100"], "--epochs"), (["--profile", "--epochs", "0"], "--epochs"),
    (["--profile", "--lr", "0.01"], "--lr"), (["--profile", "--lr", "0"], "--lr"),
    (["--model", "line", "--profile"], "--model"), (["--profile", "--no-measure"], "--no-measure"),
    (["--profile", "--method", "manual", "--model", "mlp", "--lr", "1"], "--lr, --model"),
])
def test_cli_profile_refuses_the_flags_it_would_ignore_in_one_line_with_exit_status_2(monkeypatch, capsys, argv,
                                                                                      refused):
    import bp_core.measure.lecture_profile as lecture_profile

    def never(**kwargs):
        raise AssertionError("the profile ran although its arguments were refused")

    monkeypatch.setattr(lecture_profile, "lecture_memory_profile", never)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        main(argv, out)
    assert exited.value.code == 2 and out.getvalue() == ""
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1 and stderr.startswith("python -m bp_core: error: --profile ")
    assert stderr.rstrip().endswith(f"it takes no {refused}")


def test_cli_profile_takes_method_and_profiles_only_that_program(monkeypatch):
    import bp_core.measure.lecture_profile as lecture_profile

    asked = []

    class Stop(Exception):
        """Raised in place of the profile, once its arguments are recorded."""

    def stops_after_recording(**kwargs):  # the real profile is tested in tests/test_lecture_profile.py
        asked.append(kwargs)
        raise Stop

    monkeypatch.setattr(lecture_profile, "lecture_memory_profile", stops_after_recording)
    with pytest.raises(Stop):
        main(["--profile", "--method", "autograd"], io.StringIO())
    assert asked == [{"methods": ("autograd",)}]


def test_cli_says_so_when_no_epoch_was_timed(monkeypatch):
    import bp_core.__main__ as cli

    untimed = bp_core.measure.RuntimeMeasurement("manual", 50, 3, None, None, None, 0.002, 0.0, 0.0, 0)
    monkeypatch.setattr(cli, "measure_runtime", lambda *args, **kwargs: untimed)
    out = io.StringIO()
    assert main(["--method", "manual", "--epochs", "50"], out) == 0
    assert "manual: no epoch timed (the loss was not finite at epoch 0), whole run 2.0 ms" in out.getvalue()


@pytest.mark.parametrize(("shell", "says"), [
    # the reader closes its end at once (as head does once it has its lines), long before Python has imported torch
    ("python -m bp_core --no-measure --epochs 1000 | (exec 0<&-)", "broken pipe"),
    ("python -m bp_core --no-measure --epochs 10 > /dev/full", "cannot write to standard output"),
    ("python -m bp_core --no-measure --epochs 10 >&-", "standard output is closed"),
])
def test_cli_under_pipes_full_disks_and_closed_output_says_one_line_and_fails_without_a_traceback(shell, says):
    command = shell.replace("python", sys.executable, 1) + "; echo status=${PIPESTATUS[0]}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120,
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    assert "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if line.strip()] == [
        line for line in done.stderr.splitlines() if line.startswith("python -m bp_core: error:")]
    assert says in done.stderr and "status=1" in done.stdout


@pytest.mark.parametrize("argv", [["--epochs", "١٠"], ["--lr", "1_0"], ["--lr", "nan"], ["--lr", "inf"],
                                  ["--epochs", "1e3"], ["--epochs", "+5"], ["--ep", "5"], ["--lr", "9" * 100]])
def test_cli_reads_numbers_with_the_dashboards_grammar_and_takes_no_abbreviations(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--no-measure"], io.StringIO())
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("python -m bp_core: error:") and len(error) < 200


_ROOT = str(__import__("pathlib").Path(__file__).resolve().parents[1])


@pytest.mark.parametrize("shell", [
    "python -m bp_core --help > /dev/full",
    "python -m bp_core --profile --method manual --help > /dev/full",
])
def test_cli_help_to_a_full_disk_fails_in_one_line(shell):
    command = shell.replace("python", sys.executable, 1) + "; echo status=$?"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120, cwd=_ROOT)
    assert done.stderr.splitlines() == ["python -m bp_core: error: cannot write to standard output: "
                                        "No space left on device"]
    assert "status=1" in done.stdout


def test_cli_output_is_safe_under_an_ascii_encoding():
    done = subprocess.run([sys.executable, "-m", "bp_core", "--method", "manual", "--epochs", "9" * 41],
                          capture_output=True, text=True, timeout=120, cwd=_ROOT,
                          env={**__import__("os").environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "\\u2026" in done.stderr  # the quoted value's ellipsis, escaped where the encoding has none


def test_cli_refuses_a_measurement_it_cannot_finish_before_it_trains(capsys):
    # 100,000 epochs train within the bound, but the runtime measurement (1 warm-up + 3 repeats) would not
    out = io.StringIO()
    assert main(["--method", "manual", "--epochs", "100000"], out) == 2
    assert out.getvalue() == ""  # nothing trained, nothing printed
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--epochs (the runtime measurement" in error and "--no-measure" in error


def test_cli_ctrl_c_says_one_line_exits_130_and_leaves_no_probe_running():
    import os
    import signal
    import time

    import psutil
    process = subprocess.Popen([sys.executable, "-m", "bp_core", "--method", "both", "--epochs", "500"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=_ROOT)
    me = psutil.Process(process.pid)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(
            "bp_core.measure.probe" in " ".join(child.cmdline()) for child in me.children(recursive=True)):
        time.sleep(0.05)  # until the memory probes run (the last part, after training and timing)
    children = me.children(recursive=True)
    assert children, "the memory probes never started"
    os.kill(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.splitlines() == ["python -m bp_core: interrupted"]
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive
