"""The sentences of the Compare page that state a figure, each computed from the run it describes.

A caption that quotes a number quotes this run's number; a claim that holds only for some runs (the methods stay
within rounding of each other, the paths overlap, autograd is N times slower) is made only when this run shows it,
and otherwise replaced by what the run did show and why. Pure functions of a ``bp_core.Comparison`` and a language,
unit-tested in tests/test_sentences.py.
"""

from __future__ import annotations

import math

import numpy as np

import bp_core
from bp_core import teaching, training
from bp_core.comparison import MIN_TIMED_EPOCHS
from ui.texts import t

MISSING = "—"
"""A headline figure the run cannot give; its help says why."""
SPLIT_TOLERANCE = 1e-3
"""The runs count as split once they differ by more than this fraction of the parameters' size (at least 1):
float32 rounding alone moves them by about 1e-7 of their size per step."""


def power_of_ten(value: float) -> str:
    """1e8 as 10⁸; any other number as %g.

    >>> power_of_ten(1e8), power_of_ten(3e8)
    ('10⁸', '3e+08')
    """
    exponent = round(math.log10(value)) if value > 0 else 0
    if value > 0 and 10.0**exponent == value:
        return "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{value:g}"


def divergence_rule(lang: str) -> str:
    """When training counts as diverged (bp_core.history.DIVERGENCE_FACTOR), in words: the one definition every page
    states."""
    return t("diverged_rule", lang, factor=power_of_ten(training.DIVERGENCE_FACTOR))


def _sci(value: float) -> str:
    """A small figure in scientific notation with two digits; zero as 0."""
    return "0" if value == 0 else f"{value:.1e}"


def timed_epochs(comparison: bp_core.Comparison) -> dict[str, int]:
    return {method: result.epochs_run for method, result in comparison.results.items()}


def ratio_figure(ratio: float) -> str:
    """A ratio to two significant digits: 4.9, 0.20, 12, 0.013."""
    digits = 1 - math.floor(math.log10(ratio)) if ratio > 0 and math.isfinite(ratio) else 1
    return f"{ratio:.{max(digits, 0)}f}"


def ratio_words(comparison: bp_core.Comparison, lang: str) -> str:
    """``Comparison.speed_ratio`` (autograd / manual, per epoch) with its direction and which method is faster, or
    why there is none."""
    ratio = comparison.speed_ratio
    if ratio is None:
        counts = timed_epochs(comparison)
        return t("ratio_missing", lang, manual=counts["manual"], autograd=counts["autograd"], least=MIN_TIMED_EPOCHS)
    key = "ratio_manual_faster" if ratio > 1 else "ratio_autograd_faster" if ratio < 1 else "ratio_same"
    return t(key, lang, ratio=ratio_figure(ratio))


def ratio_value(comparison: bp_core.Comparison) -> str:
    """The headline metric: ``Comparison.speed_ratio`` (autograd / manual; the label says so), or a dash when there is
    no ratio."""
    ratio = comparison.speed_ratio
    return MISSING if ratio is None else ratio_figure(ratio)


def runtime_sentence(comparison: bp_core.Comparison, lang: str) -> str:
    """Median time per epoch of each method and how many epochs each median is over."""
    counts = timed_epochs(comparison)
    if comparison.speed_ratio is None:
        return ratio_words(comparison, lang)
    median = comparison.runtime_table().set_index("method")["median_us"]
    return t("runtime_words_counted", lang, manual=median["manual"], autograd=median["autograd"],
             manual_epochs=counts["manual"], autograd_epochs=counts["autograd"],
             ratio_words=ratio_words(comparison, lang))


def _parameter_scale(comparison: bp_core.Comparison, rows: int) -> np.ndarray:
    """Per epoch both runs reached: the largest |parameter| of either method, at least 1."""
    scales = [np.abs(r.history[r.parameter_names].to_numpy()[:rows]).max(axis=1) for r in comparison.results.values()]
    return np.maximum(np.maximum(*scales), 1.0)


def split_epoch(comparison: bp_core.Comparison) -> int | None:
    """The first epoch at which the two runs differ by more than SPLIT_TOLERANCE of the parameters' size."""
    difference = comparison.difference["max_abs_param_difference"].to_numpy()
    if len(difference) == 0:
        return None
    apart = np.flatnonzero(difference > SPLIT_TOLERANCE * _parameter_scale(comparison, len(difference)))
    return int(comparison.difference["epoch"].iloc[apart[0]]) if len(apart) else None


def _diverged_at(comparison: bp_core.Comparison) -> int | None:
    epochs = [r.diverged_at for r in comparison.results.values() if r.diverged_at is not None]
    return min(epochs) if epochs else None


def difference_sentence(comparison: bp_core.Comparison, lang: str) -> str:
    """The caption under the difference chart: the measured range of this run and what explains it."""
    frame = comparison.difference
    after_start = frame[frame["epoch"] >= 1]["max_abs_param_difference"]
    if len(after_start) == 0:
        return t("difference_none", lang)
    low, high = float(after_start.min()), float(after_start.max())
    at = int(frame["epoch"].iloc[int(frame["max_abs_param_difference"].to_numpy().argmax())])
    split, diverged = split_epoch(comparison), _diverged_at(comparison)
    if split is not None:
        manual = comparison.results["manual"]
        if comparison.above_bound:
            cause = ("split_cause_bound", {"lr": repr(manual.learning_rate),
                                           "bound": comparison.bound.learning_rate_bound})
        elif diverged is not None:
            cause = ("split_cause_diverged", {"epoch": diverged})
        else:
            cause = ("split_cause_dynamics", {})
        return t("difference_split", lang, epoch=split, high=high, at=at, tolerance=SPLIT_TOLERANCE,
                 cause=t(cause[0], lang, **cause[1]))
    if high == 0.0:
        return t("difference_identical", lang, epochs=len(after_start))
    scale = float(_parameter_scale(comparison, len(frame)).max())
    if diverged is not None:
        return t("difference_diverged_close", lang, low=_sci(low), high=_sci(high), epoch=diverged)
    return t("difference_rounding", lang, low=_sci(low), high=_sci(high), epochs=len(after_start),
             relative=_sci(high / scale))


def max_difference_help(comparison: bp_core.Comparison, lang: str) -> str:
    """Help of the headline "Max parameter difference": bit-identical runs say so and nothing else; runs that differ
    without splitting apart, only by float32 rounding; runs that split, from which epoch."""
    if comparison.max_param_difference == 0:
        return t("max_difference_help_identical", lang)
    split = split_epoch(comparison)
    if split is None:
        return t("max_difference_help_rounding", lang)
    return t("max_difference_help_split", lang, epoch=split)


def surface_sentence(comparison: bp_core.Comparison, lang: str) -> str:
    """The caption under the loss surface: where the paths start and end, and whether they overlap."""
    start = comparison.results["manual"].initial_params
    last = min(len(r.history) for r in comparison.results.values()) - 1  # the last epoch both paths reach
    split = split_epoch(comparison)
    together = (t("surface_overlap", lang) if split is None else t("surface_apart", lang, epoch=split))
    if last < 0:
        end = t("surface_end_none", lang)
    elif _diverged_at(comparison) is not None:
        end = t("surface_end_diverged", lang, epoch=last)
    else:
        end = t("surface_end", lang, epoch=last)
    return t("surface_words", lang, w=float(start["w"].item()), b=float(start["b"].item()), end=end, together=together)


def one_time_sentence(comparison: bp_core.Comparison, lang: str) -> str:
    """Set-up costs kept out of the per-epoch times: this server's first autograd set-up (when known) and this run's."""
    this = comparison.results["autograd"].setup_seconds
    first = training.first_optimizer_setup_seconds()
    if first is None:
        return t("one_time_this", lang, this=this)
    imported = training.first_optimizer_setup_imported_dynamo()  # False: the server imported it at its start
    return t("one_time_first" if imported else "one_time_first_preloaded", lang, seconds=first, this=this)


def bound_sentence(bound: teaching.StabilityBound, model: str, learning_rate: float, lang: str) -> tuple[bool, str]:
    """Before training: whether the learning rate is above the stability bound 2/λmax, and the sentence that says so."""
    exact_bound = bp_core.PRESETS[model].make_model().quadratic_loss  # quadratic loss: the bound holds everywhere
    if learning_rate > bound.learning_rate_bound:
        expect = t("bound_expect_line" if exact_bound else "bound_expect_mlp", lang)
        return True, t("bound_above", lang, lr=repr(learning_rate), bound=bound.learning_rate_bound,
                       lam=bound.lambda_max, expect=expect)
    exact = t("bound_exact_line" if exact_bound else "bound_near_mlp", lang)
    return False, t("bound_info", lang, bound=bound.learning_rate_bound, exact=exact)


def divergence_sentences(comparison: bp_core.Comparison, lang: str) -> list[str]:
    """After training: one sentence per method that diverged, with the epoch and what to do about it."""
    bound = comparison.bound.learning_rate_bound
    sentences = []
    for method, result in comparison.results.items():
        if result.diverged_at is None:
            continue
        advice = (t("advice_below_bound", lang, bound=bound) if comparison.above_bound
                  else t("advice_curvature_grew", lang, bound=bound))
        sentences.append(t("diverged_at", lang, method=t(method, lang), epoch=result.diverged_at,
                           rule=divergence_rule(lang), advice=advice))
    return sentences


def above_bound_but_finite(comparison: bp_core.Comparison, lang: str) -> str | None:
    """After training: a run above the bound that did not diverge says so, with its start and final loss."""
    if not comparison.above_bound or _diverged_at(comparison) is not None:
        return None
    manual = comparison.results["manual"]
    return t("above_bound_finite", lang, epochs=manual.epochs_run, factor=power_of_ten(training.DIVERGENCE_FACTOR),
             start=float(manual.history["loss"].iloc[0]), final=manual.final_loss)


def after_training(comparison: bp_core.Comparison, lang: str) -> list[tuple[str, str]]:
    """What to say right after the run, as (Streamlit alert, text): each divergence, or a finite run above the bound."""
    said = [("error", text) for text in divergence_sentences(comparison, lang)]
    finite = above_bound_but_finite(comparison, lang)
    return said + ([("info", finite)] if finite else [])
