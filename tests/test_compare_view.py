import pytest

import bp_core
from ui.session.settings import Settings
from ui.texts import sentences, t
from ui.views import compare_view as view


@pytest.fixture(scope="module")
def line_run():
    settings = Settings("line", 0.01, 300)
    model, data = settings.build()
    return settings, bp_core.compare(model, data, 0.01, 300, measure_memory=False)


@pytest.fixture(scope="module")
def network():
    settings = Settings("mlp", 1.0, 200)
    model, data = settings.build()
    return settings, bp_core.compare(model, data, 1.0, 200, measure_memory=False)


def test_every_chart_in_the_mapping_builds_a_titled_spec(network):
    settings, comparison = network
    for kind in view.FRAMES:
        option = {"loss": True, "parameters": ("W1[0,1]",)}.get(kind)
        if kind == "surface":
            continue  # the line only
        assert view.chart(kind, comparison, "en", option).to_dict()["title"]["text"], kind


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("kind", "option"), [("loss", True), ("loss", False), ("parameters", ("w", "b")),
                                              ("difference", None), ("surface", None), ("runtime", None),
                                              ("memory", None)])
def test_what_the_page_sends_is_the_whole_altair_chart_skeleton_and_data(line_run, kind, option, lang):
    """The page's fast path (a skeleton built once, this run's frames added) gives the dict Altair builds whole."""
    settings, comparison = line_run
    sent = view.chart_spec(kind, lang, option, comparison)
    whole = view.chart(kind, comparison, lang, option).to_dict()  # validated against the Vega-Lite schema
    sent["datasets"] = {name: frame.to_dict(orient="records") for name, frame in sent["datasets"].items()}
    assert sent == whole
    again = view.chart_spec(kind, lang, option, comparison)
    again.pop("datasets")  # what Streamlit does with the dict it is given: the next chart still has its data
    assert "datasets" in view.chart_spec(kind, lang, option, comparison)


def test_the_same_settings_computed_twice_give_two_runs_and_each_chart_agrees_with_its_own_sentence(line_run):
    """The runtime chart is cached by the run's identity, not its settings: a second run of the same settings (other
    timings) is drawn from its own numbers, the ones runtime_sentence quotes."""
    settings, first = line_run
    model, data = settings.build()
    second = bp_core.compare(model, data, settings.learning_rate, settings.epochs, measure_memory=False)
    assert second.run_id != first.run_id
    for comparison in (first, second, first):
        spec = view.chart_spec("runtime", "en", None, comparison)
        charted = {row["method"]: row for frame in spec["datasets"].values() for row in frame.to_dict("records")
                   if "median_us" in row}
        medians = comparison.runtime_table().set_index("method")["median_us"]
        assert {m: charted[t(m, "en")]["median_us"] for m in medians.index} == medians.to_dict()
        sentence = sentences.runtime_sentence(comparison, "en")
        assert f"{medians['manual']:.1f} µs" in sentence and f"{medians['autograd']:.1f} µs" in sentence


def test_headline_reads_the_run(network):
    settings, comparison = network
    top, bottom = view.headline(comparison, settings, "en")
    assert top[0].value == f"{comparison.results['manual'].final_loss:.4g}"
    assert bottom[0].value == "17" and bottom[1].value == "200"


def test_outputs_table_names_each_methods_outputs_in_the_language(network):
    _, comparison = network
    table = view.outputs_table(comparison, "ko")
    assert {"직접 미분 ŷ[0]", "자동 미분 ŷ[1]"} <= set(table.columns)
    assert len(table) == 4


def test_default_parameters_are_all_of_the_lines_and_four_of_the_networks():
    assert view.default_parameters(["w", "b"]) == ["w", "b"]
    names = bp_core.models.scalar_names(bp_core.MLP().init_params())
    assert view.default_parameters(names) == ["W1[0,1]", "W1[1,1]", "W2[0,0]", "W2[1,0]"]


# ---- runs that cannot give every figure (issue 9): no "nan", no ratio from too few timed epochs
LINE = Settings("line", 0.01, 50)


@pytest.fixture(scope="module")
def diverged_at_once():
    return bp_core.compare(bp_core.Line(), ([[1.0], [2.0]], [[1e20], [5.0]]), 0.01, 50, measure_memory=False)


@pytest.fixture(scope="module")
def short_run():
    return bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 3, measure_memory=False)


def texts(comparison, lang):
    metrics = [m for row in view.headline(comparison, LINE, lang) for m in row]
    return metrics, [sentences.ratio_words(comparison, lang), sentences.runtime_sentence(comparison, lang)]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_run_that_diverged_at_epoch_0_shows_dashes_and_reasons_never_nan(diverged_at_once, lang):
    metrics, said = texts(diverged_at_once, lang)
    shown = " ".join([m.value for m in metrics] + [m.help or "" for m in metrics] + said)
    assert "nan" not in shown.lower() and "inf" not in shown.lower()
    values = {m.label: m.value for m in metrics}
    assert [v for v in values.values() if v == sentences.MISSING]
    assert values[view.t("speed_ratio", lang)] == sentences.MISSING
    assert said[1] == view.t("ratio_missing", lang, manual=0, autograd=0, least=sentences.MIN_TIMED_EPOCHS)
    difference = next(m for m in metrics if m.label == view.t("max_difference", lang))
    assert diverged_at_once.max_param_difference is None
    assert (difference.value, difference.help) == (sentences.MISSING, view.t("max_difference_missing", lang))


def test_the_max_difference_metric_quotes_bp_cores_figure(short_run):
    metrics = [m for row in view.headline(short_run, LINE, "en") for m in row]
    difference = next(m for m in metrics if m.label == view.t("max_difference", "en"))
    assert difference.value == f"{short_run.max_param_difference:.2e}"
    assert difference.help == sentences.max_difference_help(short_run, "en")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_ratio_from_too_few_timed_epochs_is_not_shown_as_a_ratio(short_run, lang):
    metrics, said = texts(short_run, lang)
    assert {m.label: m.value for m in metrics}[view.t("speed_ratio", lang)] == sentences.MISSING
    assert said[0] == view.t("ratio_missing", lang, manual=3, autograd=3, least=bp_core.comparison.MIN_TIMED_EPOCHS)
    assert "×" not in " ".join(m.value for m in metrics)


@pytest.mark.parametrize("kind", ["loss", "parameters", "difference", "surface", "runtime", "memory"])
def test_every_chart_builds_from_a_run_with_no_finite_epoch(diverged_at_once, kind):
    option = ("w", "b") if kind == "parameters" else None
    assert view.chart(kind, diverged_at_once, "en", option).to_dict()
