import dataclasses

import numpy as np
import pytest

import bp_core
from ui.texts import sentences, t


def run(model: str, learning_rate: float, epochs: int) -> bp_core.Comparison:
    preset = bp_core.PRESETS[model]
    return bp_core.compare(preset.make_model(), preset.make_data(), learning_rate, epochs, measure_memory=False)


@pytest.fixture(scope="module")
def converging():
    return run("line", 0.01, 1000)


@pytest.fixture(scope="module")
def diverging():
    return run("line", 0.2, 1000)


@pytest.fixture(scope="module")
def split_network():
    return run("mlp", 70.0, 200)


def every_sentence(comparison: bp_core.Comparison, lang: str) -> list[str]:
    said = [sentences.difference_sentence(comparison, lang), sentences.runtime_sentence(comparison, lang),
            sentences.ratio_words(comparison, lang), sentences.max_difference_help(comparison, lang),
            sentences.one_time_sentence(comparison, lang)]
    if comparison.results["manual"].model.spec()["kind"] == "line":
        said.append(sentences.surface_sentence(comparison, lang))
    return said + [text for _, text in sentences.after_training(comparison, lang)]


def test_a_converging_run_quotes_its_own_measured_difference_and_speed(converging):
    high = converging.max_param_difference
    assert 0 < high < 1e-4
    text = sentences.difference_sentence(converging, "en")
    assert f"to {high:.1e} over 1000 epochs" in text and "10⁻⁵" not in text and "not more" not in text
    assert sentences.split_epoch(converging) is None
    assert sentences.ratio_value(converging) == sentences.ratio_figure(converging.speed_ratio)
    assert "(median of 1000 epochs)" in sentences.runtime_sentence(converging, "en")
    assert "overlap" in sentences.surface_sentence(converging, "en")
    assert "from the start (0, 0) to epoch 1000" in sentences.surface_sentence(converging, "en")
    assert sentences.after_training(converging, "en") == []
    assert "only float32 rounding" in sentences.max_difference_help(converging, "en")


def test_a_diverging_run_says_where_it_diverged_and_what_to_do(diverging):
    said = sentences.after_training(diverging, "en")
    assert [level for level, _ in said] == ["error", "error"]
    assert all("epoch 11" in text and "below 0.1198" in text and "10⁸" in text for _, text in said)
    assert "Up to the divergence at epoch 11" in sentences.difference_sentence(diverging, "en")
    assert "to epoch 11, the last finite one" in sentences.surface_sentence(diverging, "en")


def test_runs_that_split_apart_say_from_which_epoch_and_why(split_network):
    split = sentences.split_epoch(split_network)
    assert split is not None and 1 <= split < 200
    text = sentences.difference_sentence(split_network, "en")
    assert f"From epoch {split} on" in text and "above the stability bound" in text
    assert f"{split_network.max_param_difference:.3g}" in text
    assert "rounding in the last bits" not in text and "10⁻⁷" not in text
    assert f"split apart from epoch {split}" in sentences.max_difference_help(split_network, "en")
    level, finite = sentences.after_training(split_network, "en")[0]
    assert level == "info" and "stayed finite" in finite and "200 epochs" in finite


def test_a_ratio_from_too_few_timed_epochs_is_not_shown_as_a_ratio():
    one_epoch = run("line", 0.01, 1)
    assert one_epoch.speed_ratio is None and sentences.ratio_value(one_epoch) == "—"
    words = sentences.ratio_words(one_epoch, "en")
    assert "no speed ratio" in words and f"at least {sentences.MIN_TIMED_EPOCHS}" in words and "1 (manual)" in words
    assert "×" not in sentences.runtime_sentence(one_epoch, "en")
    assert "bit-identical" in sentences.difference_sentence(one_epoch, "en")


def test_every_speed_ratio_says_which_way_it_runs_and_is_bp_cores(converging):
    ratio = converging.speed_ratio
    assert sentences.ratio_value(converging) == sentences.ratio_figure(ratio)
    for lang in ("en", "ko"):
        label = t("speed_ratio", lang)
        assert t("autograd_short", lang) + " / " + t("manual_short", lang) in label
        words = sentences.ratio_words(converging, lang)
        assert words.startswith(f"{label.split(', ')[-1]} = {sentences.ratio_figure(ratio)}: ")


@pytest.mark.parametrize(("manual_seconds", "autograd_seconds", "key", "figure"), [
    (1e-4, 4.9e-4, "ratio_manual_faster", "4.9"), (1e-4, 2e-5, "ratio_autograd_faster", "0.20"),
    (1e-4, 1e-4, "ratio_same", "1.0"), (1e-4, 1.2e-3, "ratio_manual_faster", "12")])
def test_the_ratio_words_name_the_faster_method_from_the_ratio_itself(converging, manual_seconds, autograd_seconds,
                                                                      key, figure):
    seconds = {"manual": manual_seconds, "autograd": autograd_seconds}
    results = {m: dataclasses.replace(r, epoch_seconds=np.full(100, seconds[m])) for m, r in
               converging.results.items()}
    timed = dataclasses.replace(converging, results=results)
    assert sentences.ratio_value(timed) == figure
    assert sentences.ratio_words(timed, "en") == t(key, "en", ratio=figure)
    assert f"/ 직접 미분 = {figure}: " in sentences.ratio_words(timed, "ko")


def diverged_at_epoch_0(comparison, rows_kept):
    """``comparison`` as if both methods diverged at epoch 0, keeping ``rows_kept`` history rows and no timed epoch."""
    results = {m: dataclasses.replace(r, epoch_seconds=np.zeros(0), history=r.history.iloc[:rows_kept], diverged_at=0)
               for m, r in comparison.results.items()}
    return dataclasses.replace(comparison, results=results, difference=comparison.difference.iloc[:rows_kept])


def test_a_run_with_no_timed_epoch_has_no_ratio_and_no_nan(converging):
    at_once = diverged_at_epoch_0(converging, rows_kept=1)
    for lang in ("en", "ko"):
        said = every_sentence(at_once, lang)
        assert not any("nan" in text.lower() for text in said), said
    assert sentences.ratio_value(at_once) == "—"
    assert sentences.difference_sentence(at_once, "en") == t("difference_none", "en")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_one_time_sentence_names_torch_dynamos_import_only_where_the_first_set_up_did_it(converging, monkeypatch,
                                                                                            lang):
    """The server imports torch._dynamo when it starts, so its first set-up does not: the sentence must not put that
    import into the figure it quotes (0.00 s, seen); a process whose first set-up imported it says so."""
    monkeypatch.setattr(bp_core.training, "first_optimizer_setup_seconds", lambda: 1.25)
    this = converging.results["autograd"].setup_seconds
    for imported, key in ((True, "one_time_first"), (False, "one_time_first_preloaded")):
        monkeypatch.setattr(bp_core.training, "first_optimizer_setup_imported_dynamo",
                            lambda imported=imported: imported)
        assert sentences.one_time_sentence(converging, lang) == t(key, lang, seconds=1.25, this=this)
        assert "1.25" in sentences.one_time_sentence(converging, lang)
    assert t("one_time_first", lang, seconds=1.25, this=this) != t("one_time_first_preloaded", lang, seconds=1.25,
                                                                   this=this)


def test_the_one_time_sentence_quotes_the_first_set_up_only_when_it_is_known(converging, monkeypatch):
    assert "first autograd set-up" in sentences.one_time_sentence(converging, "en")
    monkeypatch.setattr(bp_core.training, "first_optimizer_setup_seconds", lambda: None)
    assert sentences.one_time_sentence(converging, "en") == t(
        "one_time_this", "en", this=converging.results["autograd"].setup_seconds)


def test_the_bound_sentence_promises_divergence_only_for_the_line():
    line = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line())
    above, text = sentences.bound_sentence(line, "line", 0.11987654321 * 2, "en")
    assert above and "0.23975308642" in text and "expect it to blow up" in text
    above, text = sentences.bound_sentence(line, "line", 0.05, "en")
    assert not above and "every learning rate below it converges" in text
    network = bp_core.stability_bound(bp_core.MLP(), None, bp_core.half_adder())
    above, text = sentences.bound_sentence(network, "mlp", 70.0, "en")
    assert above and "may also move to flatter ground" in text and "expect it to blow up" not in text


def test_every_sentence_renders_in_korean(converging, diverging, split_network):
    for comparison in (converging, diverging, split_network):
        assert all(text and "{" not in text for text in every_sentence(comparison, "ko"))


def test_a_run_that_diverged_at_the_start_has_sentences_and_no_figure_it_cannot_give(converging):
    at_start = diverged_at_epoch_0(converging, rows_kept=0)
    for lang in ("en", "ko"):
        said = every_sentence(at_start, lang)
        assert not any("nan" in text.lower() for text in said), said
    assert "no path to draw" in sentences.surface_sentence(at_start, "en")
    assert sentences.split_epoch(at_start) is None and sentences.ratio_value(at_start) == sentences.MISSING


def test_bit_identical_runs_say_so_and_nothing_else(converging):
    """Both sides of the verdict: runs that differ by rounding say "rounding"; identical runs (here the same run's
    difference set to zero) say identical, never rounding."""
    import dataclasses

    identical = dataclasses.replace(converging, difference=converging.difference.assign(
        max_abs_param_difference=0.0, abs_loss_difference=0.0))
    for lang in ("en", "ko"):
        help_text = sentences.max_difference_help(identical, lang)
        assert ("bit for bit identical" if lang == "en" else "비트 단위까지 같습니다") in help_text
        assert "rounding" not in help_text and "반올림" not in help_text
    assert "identical" in sentences.difference_sentence(identical, "en")
    assert "bit for bit identical" not in sentences.max_difference_help(converging, "en")
