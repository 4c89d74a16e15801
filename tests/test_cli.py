import io
import subprocess
import sys

import pytest

from bp_core.__main__ import main

LECTURE_LINES = [f"Epoch [{k}/1000], Loss: {v}" for k, v in zip(range(100, 1001, 100), [
    "0.0076", "0.0042", "0.0023", "0.0013", "0.0007", "0.0004", "0.0002", "0.0001", "0.0001", "0.0000"])]


def test_cli_prints_the_lectures_lines_and_final_parameters_for_both_methods():
    out = io.StringIO()
    assert main(["--method", "both", "--no-measure"], out) == 0
    text = out.getvalue()
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("Epoch")] == LECTURE_LINES * 2
    assert "w = 2.0048611164093018" in lines and "b = 0.9857079386711121" in lines
    assert "w = 2.004861354827881" in lines and "b = 0.9857069253921509" in lines
    assert text.count("Run time:") == 2


def test_cli_measures_runtime_and_memory_when_asked():
    out = io.StringIO()
    assert main(["--method", "manual", "--epochs", "50"], out) == 0
    text = out.getvalue()
    assert "us/epoch" in text and "peak RSS" in text and "tensor bytes 64" in text


def test_cli_trains_the_network():
    out = io.StringIO()
    assert main(["--model", "mlp", "--method", "autograd", "--epochs", "100", "--no-measure"], out) == 0
    assert "W1 = [" in out.getvalue() and "Epoch [100/100]" in out.getvalue()


@pytest.mark.parametrize("argv", [["--lr", "-1"], ["--lr", "nan"], ["--epochs", "0"], ["--epochs", "x"],
                                  ["--method", "magic"], ["--model", "cnn"]])
def test_cli_bad_arguments_give_one_line_and_exit_status_2(argv):
    completed = subprocess.run([sys.executable, "-m", "bp_core", *argv], capture_output=True, text=True)
    assert completed.returncode == 2
    assert len(completed.stderr.strip().splitlines()) == 1
    assert "error" in completed.stderr and "Traceback" not in completed.stderr
