"""A page's run as an nbformat-4 notebook that reproduces it with bp_core: a title and the settings in Markdown (in the
learner's language), the bp_core calls with the page's arguments, prints of the figures the page shows (same labels,
same digits) and the charts the page draws (their Vega-Lite specs). Built with ``nbformat``, never hand-written JSON;
no Streamlit here (tests build and execute the notebooks in a fresh kernel: tests/test_notebooks.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import bp_core
from bp_core.lecture.note import EPOCHS, PRINT_EVERY
from ui.session.presets import view
from ui.session.settings import Settings
from ui.texts import t
from ui.views.figures import NUDGE_FIGURES, SWEEP_FIGURES

__all__ = ["backward_notebook", "build_notebook", "chain_notebook", "check_notebook", "compare_notebook",
           "notebook_bytes", "step_notebook", "sweep_notebook"]


def _build_cell(settings: Settings) -> str:
    """The code that builds the page's model and data, with the preset's own call and the page's options."""
    preset = bp_core.PRESETS[settings.model]
    options = {name: getattr(settings, name) for name in preset.options}
    points = [list(point) for point in settings.points] if preset.editable_points else None
    return (f"import bp_core\n\nmodel, data = bp_core.PRESETS[{settings.model!r}].build({points!r}, **{options!r})\n"
            "print(model)")


def _settings_markdown(settings: Settings, lang: str, title: str, extra: Sequence[str] = ()) -> str:
    preset = bp_core.PRESETS[settings.model]
    lines = [f"# {title}", "", t("nb_intro", lang), "",
             f"- {t('model', lang)}: {t(f'model_{settings.model}', lang)}",
             f"- {t('nb_learning_rate', lang)}: {settings.learning_rate!r}",
             f"- {t('nb_epochs', lang)}: {settings.epochs}"]
    lines += [f"- {name}: {getattr(settings, name)!r}" for name in preset.options]
    if preset.editable_points:
        lines.append(f"- {t('nb_points', lang)}: {list(settings.points)!r}")
    return "\n".join([*lines, *extra])


def _chart_cell(spec: Mapping[str, Any]) -> str:
    """A cell that draws a Vega-Lite spec as the page drew it (Jupyter renders the mime bundle itself)."""
    text = json.dumps(spec, ensure_ascii=False)
    return ("import json\nfrom IPython.display import display\n\n"
            f"spec = json.loads({text!r})\n"
            "display({'application/vnd.vegalite.v5+json': spec}, raw=True)")


def compare_notebook(settings: Settings, lang: str, specs: Mapping[str, Mapping[str, Any]] | None = None) -> Any:
    """The Compare page's run: the same ``bp_core.compare`` call, the headline figures printed as the page shows
    them, and the page's charts (``specs``: title → Vega-Lite spec)."""
    named = view(settings.model).headline_parameters
    prints = [f"print({t('final_loss', lang, method=t(m, lang))!r}, f\"{{comparison.results[{m!r}].final_loss:.4g}}\")"
              for m in ("manual", "autograd")]
    prints.append(f"print({t('max_difference', lang)!r}, f\"{{comparison.max_param_difference:.2e}}\")")
    prints += [f"print({t('final_param', lang, name=name)!r}, "
               f"f\"{{comparison.results['manual'].params[{name!r}].item():.6f}}\")" for name in named]
    cells = [new_markdown_cell(_settings_markdown(settings, lang, t("compare_title", lang))),
             new_code_cell(_build_cell(settings)),
             new_code_cell(f"comparison = bp_core.compare(model, data, {settings.learning_rate!r}, "
                           f"{settings.epochs!r})"),
             new_markdown_cell(t("nb_figures", lang)),
             new_code_cell("\n".join(prints))]
    for title, spec in dict(specs or {}).items():
        cells += [new_markdown_cell(f"### {title}"), new_code_cell(_chart_cell(spec))]
    return build_notebook(cells, lang)


def step_notebook(settings: Settings, epoch: int, lang: str, formulas: Mapping[str, str] | None = None) -> Any:
    """The step page at ``epoch``: the lecture's run by hand, the step from its row ``epoch`` (bp_core's
    ``manual_step``), its loss and gradient norm printed as the page shows them; with the learner's ``formulas``
    (quantity → text, each checked right on the page), their check against autograd and, for the line's dw and db,
    bp.py trained with them."""
    cells = [new_markdown_cell(_settings_markdown(settings, lang, t("step_title", lang),
                                                  [f"- {t('nb_epoch', lang)}: {epoch}"])),
             new_code_cell(_build_cell(settings)),
             new_code_cell(_params_cell(settings, epoch) + "\n"
                           f"step = bp_core.teaching.manual_step(model, params, data, {settings.learning_rate!r})"),
             new_markdown_cell(t("nb_figures", lang)),
             new_code_cell(f"print({t('step_metric_loss', lang, epoch=epoch)!r}, f\"{{step.loss:.7g}}\")\n"
                           f"print({t('step_metric_norm', lang)!r}, f\"{{step.grad_norm:.7g}}\")\n"
                           "for name, value in zip(bp_core.models.scalar_names(step.gradient),\n"
                           "                       bp_core.models.flatten(step.gradient).tolist()):\n"
                           "    print(f'dL/d{name} = {value:.7g}')")]
    formulas = dict(formulas or {})
    if formulas:
        line = set(formulas) <= {"dw", "db"}
        problem = ("bp_core.teaching.line_problem(params, data)" if line
                   else "bp_core.teaching.network_problem(model, params, data)")
        check = [f"problem = {problem}", f"formulas = {formulas!r}",
                 "for target, text in formulas.items():",
                 "    print(target, '=', text, '->', problem.check(text, target).verdict)"]
        cells += [new_markdown_cell(t("nb_formulas", lang)), new_code_cell("\n".join(check))]
        if line and set(formulas) == {"dw", "db"}:
            cells.append(new_code_cell(
                f"yours = bp_core.teaching.line_with_formulas({formulas['dw']!r}, {formulas['db']!r})\n"
                f"for epoch, loss in zip(range({PRINT_EVERY}, {EPOCHS + 1}, {PRINT_EVERY}), yours.printed):\n"
                "    print(f'Epoch [{epoch}/1000], Loss: {loss}')\n"
                "print('최종 학습된 가중치 w:', yours.w)  # bp.py's own final prints\n"
                "print('최종 학습된 편향 b:', yours.b)"))
    return build_notebook(cells, lang)


def chain_notebook(settings: Settings, parameter: str, sample: int | None, epoch: int, lang: str) -> Any:
    """The chain-rule page's question: the lecture's run by hand to ``epoch``, then every path from ``parameter`` to
    the loss for ``sample`` (None: the whole batch), their sum and autograd's, printed as the page shows them."""
    where = t("chain_one_sample", lang, number=sample) if sample is not None else t("chain_batch_mean", lang, n="N")
    cells = [new_markdown_cell(_settings_markdown(settings, lang, t("chain_title", lang),
                                                  [f"- {t('nb_epoch', lang)}: {epoch}", f"- {parameter}: {where}"])),
             new_code_cell(_build_cell(settings)),
             new_code_cell(_params_cell(settings, epoch) + "\n"
                           f"paths = bp_core.chain_rule_paths(model, params, data, {parameter!r}, {sample!r})\n"
                           "paths.paths[['sample', 'product']]"),
             new_markdown_cell(t("nb_figures", lang)),
             new_code_cell(f"print({t('chain_sum_short', lang)!r}, f\"{{paths.total:.9g}}\")\n"
                           f"print({t('chain_autograd', lang)!r}, f\"{{paths.autograd:.9g}}\")")]
    return build_notebook(cells, lang)


def _prints(result: str, figures: Sequence[tuple[str, str, str]], lang: str) -> list[str]:
    """print() lines of figures (text key, attribute of ``result``, format) as the page writes them."""
    return [f"print({t(text, lang)!r}, format({result}.{name}, {spec!r}))" for text, name, spec in figures]


def _params_cell(settings: Settings, epoch: int) -> str:
    """The parameters the teaching pages start from at ``epoch``: the lecture's run by hand, its history row."""
    return (f"run = bp_core.train(model, data, 'manual', {settings.learning_rate!r}, {settings.epochs!r})\n"
            f"params = bp_core.teaching.params_at(run, {epoch!r})")


def backward_notebook(settings: Settings, sample: int | None, epoch: int, parameter: str, epsilon: float,
                      lang: str) -> Any:
    """The backward page: the walk at ``epoch`` for ``sample`` (None: the whole batch), every parameter's gradient
    from the walk beside autograd's, and the nudge of ``parameter`` by ``epsilon`` printed as the page shows it."""
    where = t("chain_one_sample", lang, number=sample) if sample is not None else t("chain_batch_mean", lang, n="N")
    cells = [new_markdown_cell(_settings_markdown(settings, lang, t("backward_title", lang), [
                 f"- {t('nb_epoch', lang)}: {epoch}", f"- {where}", f"- {parameter}, ε = {epsilon!r}"])),
             new_code_cell(_build_cell(settings)),
             new_code_cell(_params_cell(settings, epoch) + "\n"
                           f"walk = bp_core.teaching.backward_walk(model, params, data, {sample!r})\nwalk"),
             new_markdown_cell(t("nb_figures", lang)),
             new_code_cell("for name in walk.autograd:\n"
                           "    print(f'dL/d{name} (walk, autograd):', f'{walk.gradient[name]:.9g}', "
                           "f'{walk.autograd[name]:.9g}')"),
             new_code_cell(f"nudged = bp_core.teaching.nudge(model, params, data, {parameter!r}, {epsilon!r})\n"
                           + "\n".join(_prints("nudged", NUDGE_FIGURES, lang)))]
    return build_notebook(cells, lang)


def check_notebook(settings: Settings, values: Sequence[float], lang: str) -> Any:
    """The gradient-check page at the parameters ``values`` (flattened, in the model's order, as the page holds
    them): the three gradients in both precisions, gradcheck, and the counts of parameters that pass."""
    cells = [new_markdown_cell(_settings_markdown(settings, lang, t("check_title", lang))),
             new_code_cell(_build_cell(settings)),
             new_code_cell("import torch\n\n"
                           f"values = {[float(v) for v in values]!r}\n"
                           "params = bp_core.models.unflatten(torch.tensor(values, dtype=torch.float64),\n"
                           "                                  model.init_params(torch.float64))\n"
                           "report = bp_core.teaching.gradient_report(model, params, data)\nreport"),
             new_markdown_cell(t("nb_figures", lang)),
             new_code_cell(f"verdicts = {{True: {t('check_passed', lang)!r}, False: {t('check_failed', lang)!r}}}\n"
                           f"print({t('check_gradcheck', lang)!r}, verdicts[report.gradcheck_passed])\n"
                           "for dtype, table in report.tables.items():\n"
                           "    passed = int((table.table['verdict'] == 'pass').sum())\n"
                           f"    print({t('check_summary', lang, dtype='{dtype}')!r}.format(dtype=dtype), "
                           "f'{passed} / {len(table.table)}')")]
    return build_notebook(cells, lang)


def sweep_notebook(model: str, low: float, high: float, count: int, epochs: int, lang: str) -> Any:
    """The learning-rate page's sweep: the same ``learning_rate_sweep`` call, λmax, the bound and the runs that
    diverged, printed as the page shows them, and every run's final loss."""
    settings = Settings.for_model(model)
    cells = [new_markdown_cell("\n".join([f"# {t('sweep_title', lang)}", "", t("nb_intro", lang), "",
                                           f"- {t('model', lang)}: {t(f'model_{model}', lang)}",
                                           f"- {t('sweep_low', lang)}: {low!r}", f"- {t('sweep_high', lang)}: {high!r}",
                                           f"- {t('nb_rates', lang)}: {count}",
                                           f"- {t('nb_epochs', lang)}: {epochs}"])),
             new_code_cell(_build_cell(settings)),
             new_code_cell(f"sweep = bp_core.teaching.learning_rate_sweep(model, data, {low!r}, {high!r}, {count!r}, "
                           f"{epochs!r})\nsweep.table"),
             new_markdown_cell(t("nb_figures", lang)),
             new_code_cell("\n".join([*_prints("sweep", SWEEP_FIGURES, lang),
                                       f"print({t('sweep_metric_diverging', lang)!r}, "
                                       "f\"{int(sweep.table['diverging'].sum())} / {len(sweep.table)}\")"]))]
    return build_notebook(cells, lang)


def build_notebook(cells: list[Any], lang: str) -> Any:
    """``cells`` as a validated nbformat-4 notebook for a python3 kernel, with stable cell ids and ``lang`` noted."""
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"  # stable ids: the same page and settings give the same file
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["backprop_lab"] = {"lang": lang}
    nbformat.validate(notebook)
    return notebook


def notebook_bytes(notebook: Any) -> bytes:
    """The notebook as the .ipynb file a browser downloads."""
    return nbformat.writes(notebook).encode("utf-8")
