"""The notebooks a page hands out (issue 30 D1, D2): built with nbformat from the page's settings, executed top to
bottom (nbclient + ipykernel), and their printed figures equal the page's to the last digit shown.

One kernel serves this module's notebooks, every name it holds reset (``%reset -f``) before each notebook runs: a
notebook that leans on a name it did not define itself fails as in a fresh kernel, and torch is imported once per
module instead of once per notebook (a kernel's start and torch's import took about 5 s of each notebook's 9-11 s)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from page_helpers import metric, open_page

from bp_core.lecture import note
from ui.export.lecture import PATH as LECTURE_PATH
from ui.export.lecture import lecture_notebook
from ui.export.notebook import (
    backward_notebook,
    chain_notebook,
    check_notebook,
    compare_notebook,
    notebook_bytes,
    step_notebook,
    sweep_notebook,
)
from ui.session.settings import Settings
from ui.texts import t
from ui.views.chain_view import ChainRequest, chain_paths
from ui.views.check_view import values_at as check_values_at
from ui.views.figures import NUDGE_FIGURES
from ui.views.sweep_view import default_request
from ui.views.teaching import RUNS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kernel():
    """One ipykernel, started in the project's folder, for this module's notebooks (shut down after them)."""
    from jupyter_client.manager import KernelManager

    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(ROOT))
    yield manager
    manager.shutdown_kernel(now=True)


RESET = "get_ipython().run_line_magic('reset', '-f')"
"""The cell run before each notebook: every name the kernel holds (variables, imported names) is gone."""


def printed_lines(notebook, kernel) -> list[str]:
    """Run ``notebook`` top to bottom in ``kernel``, its names reset first; every line it printed, in order."""
    notebook = nbformat.reads(notebook_bytes(notebook).decode("utf-8"), as_version=4)  # what a browser downloads
    notebook.cells.insert(0, nbformat.v4.new_code_cell(RESET))
    NotebookClient(notebook, timeout=600, km=kernel).execute()
    lines = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", output
            lines += output.get("text", "").splitlines()
    return lines


def executed(notebook, kernel) -> dict[str, str]:
    """Every printed 'label value' line of ``notebook`` run in ``kernel``, by label (the last one wins)."""
    return {label: value for label, _, value in (line.rpartition(" ") for line in printed_lines(notebook, kernel))}


def test_a_notebook_runs_with_none_of_the_names_an_earlier_notebook_left(kernel):
    first = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import torch\nleft = 1\nprint('set', left)")])
    assert printed_lines(first, kernel) == ["set 1"]
    second = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('still', 'left' in dir(), "
                                                                       "'torch' in dir())")])
    assert printed_lines(second, kernel) == ["still False False"]


def test_the_compare_notebook_prints_the_pages_final_losses_and_w_and_b(kernel):
    at = open_page("pages/compare.py")
    shown = {label: metric(at, label) for label in (t("final_loss", "en", method=t("manual", "en")),
                                                   t("final_loss", "en", method=t("autograd", "en")),
                                                   t("final_param", "en", name="w"), t("final_param", "en", name="b"))}
    printed = executed(compare_notebook(Settings(), "en", {"loss": {"mark": "point", "data": {"values": []}}}),
                       kernel)
    assert {label: printed[label] for label in shown} == shown


def test_the_step_notebook_prints_the_epochs_loss_and_the_learners_formulas_train_to_the_notes_figures(kernel):
    settings = RUNS["line"]
    printed = executed(step_notebook(settings, 0, "ko", {"dw": "2 * x.t().mm(predictions - y) / x.size(0)",
                                                         "db": "2 * (predictions - y).sum() / x.size(0)"}), kernel)
    assert printed[t("step_metric_loss", "ko", epoch=0)] == "41"  # the note's first step: loss 41 at epoch 0
    assert printed["dL/dw ="] == "-35" and printed["dL/db ="] == "-12"
    assert printed["dw = 2 * x.t().mm(predictions - y) / x.size(0) ->"] == "exact"
    assert printed["Epoch [1000/1000], Loss:"] == note.LOSSES_EVERY_100[-1]
    final = (printed["최종 학습된 가중치 w:"], printed["최종 학습된 편향 b:"])  # bp.py's own final prints
    assert final == (repr(note.FINAL_W), repr(note.FINAL_B))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_notebooks_are_valid_nbformat_4_in_the_learners_language(lang):
    notebook = compare_notebook(Settings(), lang)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4 and notebook.metadata["backprop_lab"]["lang"] == lang
    assert notebook.cells[0].source.startswith(f"# {t('compare_title', lang)}")


def test_the_chain_notebook_prints_the_pages_path_sum_and_autograds(kernel):
    at = open_page("pages/chain_rule.py")
    at.selectbox(key="chain.parameter").set_value("W1[0,1]").run()
    parameter, sample, epoch = (at.session_state[f"chain.{name}"] for name in ("parameter", "sample", "epoch"))
    settings = RUNS[at.session_state["chain.model"]]
    shown = metric(at, t("chain_autograd", "en"))
    printed = executed(chain_notebook(settings, parameter, sample, epoch, "en"), kernel)
    paths = chain_paths(ChainRequest(parameter, sample, epoch), settings)  # what the page's sum metric shows
    assert printed[t("chain_sum_short", "en")] == f"{paths.total:.9g}"
    assert printed[t("chain_autograd", "en")] == f"{paths.autograd:.9g}"
    assert shown in ("?", printed[t("chain_autograd", "en")])  # the page hides it while it is the asked value


def test_the_lecture_notebook_is_what_its_builder_makes_and_runs_the_notes_programs(kernel):
    """notebooks/lecture.ipynb (issue 30 D5): committed as ui.export.lecture builds it (regenerate with
    `python -m ui.export.lecture`), Korean and English side by side, and executed it prints the lecture's figures."""
    assert LECTURE_PATH.read_text(encoding="utf-8") == nbformat.writes(lecture_notebook()) + "\n"
    notebook = lecture_notebook()
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "역전파" in markdown and "backpropagation" in markdown.lower()
    lines = printed_lines(notebook, kernel)
    assert "loss at w = b = 0: 41.0" in lines and "dL/dw = -35.0  dL/db = -12.0" in lines
    bp = lines[lines.index("--- bp.py"):lines.index("--- bp_pytorch.py")]  # bp.py's own output
    assert [line.rsplit(" ", 1)[1] for line in bp if line.startswith("Epoch")] == list(note.LOSSES_EVERY_100)
    assert f"최종 학습된 가중치 w: {note.FINAL_W!r}" in bp and f"최종 학습된 편향 b: {note.FINAL_B!r}" in bp


def test_the_backward_notebook_prints_the_pages_nudge_and_the_walks_gradients_equal_autograds(kernel):
    at = open_page("pages/backward.py", "ko")
    settings = RUNS[at.session_state["backward.model"]]
    sample, epoch = at.session_state["backward.sample"], at.session_state["backward.epoch"]
    parameter, epsilon = at.session_state["backward.nudge_param"], at.session_state["backward.nudge_eps"]
    shown = {label: metric(at, label) for label in (t(key, "ko") for key, _, _ in NUDGE_FIGURES)}
    lines = printed_lines(backward_notebook(settings, None if sample == "batch" else sample, epoch, parameter,
                                            epsilon, "ko"), kernel)
    printed = {label: value for label, _, value in (line.rpartition(" ") for line in lines)}
    assert {label: printed[label] for label in shown} == shown
    walked = [line.split(": ")[1].split() for line in lines if "(walk, autograd):" in line]
    assert len(walked) == 17 and all(float(a) == pytest.approx(float(b), rel=1e-9, abs=1e-12) for a, b in walked)


def test_the_gradient_check_notebook_prints_the_pages_verdict_and_counts(kernel):
    at = open_page("pages/gradient_check.py")
    shown = [(m.label, m.value) for m in at.metric][:3]
    settings = RUNS[at.session_state["check.model"]]
    values = check_values_at(settings, "initial", 0)
    lines = printed_lines(check_notebook(settings, values, "en"), kernel)
    for label, value in shown:
        assert f"{label} {value}" in lines


def test_the_learning_rate_notebook_prints_the_pages_bound_and_diverging_runs(kernel):
    at = open_page("pages/learning_rate.py")
    shown = [(m.label, m.value) for m in at.metric][:3]
    request = default_request(at.session_state["sweep.model"])
    lines = printed_lines(sweep_notebook(request.model, request.low, request.high, request.count, request.epochs,
                                         "en"), kernel)
    for label, value in shown:
        assert f"{label} {value}" in lines


def test_every_page_with_a_run_hands_out_a_notebook():
    """Issue 30 D1: Compare, step, chain rule, backward, gradient check, learning rate and the extra example."""
    for page in ("compare", "step_by_hand", "chain_rule", "backward", "gradient_check", "learning_rate",
                 "lecture_example"):
        at = open_page(f"pages/{page}.py")
        labels = [b.proto.label for b in at.get("download_button")]
        assert t("nb_download", "en") in labels or t("nb_download_lecture", "en") in labels, (page, labels)
