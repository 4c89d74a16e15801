import math

import pytest
from apptest_helpers import chart_data, chart_specs, chart_title
from lecture_golden import LOSS_BOUND, SHOWN_B, SHOWN_W
from page_helpers import kept

import bp_core
from ui.session.settings import Settings
from ui.texts import TEXTS
from ui.views.compare_view import COMPARE


def final_line(at) -> tuple[str, str]:
    return metric(at, "Final w"), metric(at, "Final b")


def expected_line(params) -> tuple[str, str]:
    return f"{params['w'].item():.6f}", f"{params['b'].item():.6f}"


def metric(at, label_start: str) -> str:
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise AssertionError(f"no metric {label_start!r}: {[m.label for m in at.metric]}")


def test_the_page_opened_without_a_link_asks_for_the_run_the_server_warms_at_start(app):
    """ui/server/start.py warms Settings() under the Compare key; the page, opened plainly, asks for exactly that."""
    at = app()
    assert kept(at, "app", "results")[COMPARE][0] == Settings()


def test_a_changed_preset_default_is_what_the_warm_up_warms_and_what_the_page_asks_for(app, monkeypatch):
    """One home for the default run: change the default preset's epochs and the warm-up submits that run, under the
    key the page, opened plainly, then asks for (so the first learner joins the warm-up's job)."""
    import dataclasses

    import bp_core
    from ui.server import queue_view
    from ui.session.presets import DEFAULT_MODEL
    from ui.views import compare_view

    changed = dataclasses.replace(bp_core.PRESETS[DEFAULT_MODEL], epochs=321)
    monkeypatch.setitem(bp_core.presets._TABLE, DEFAULT_MODEL, changed)  # PRESETS is a read-only view of it
    submitted = []
    real_submit = queue_view.submit
    monkeypatch.setattr(compare_view, "submit", lambda action, request, compute, **kw: submitted.append(
        (action, request)) or real_submit(action, request, compute, **kw))
    compare_view.start_default_run().result()
    at = app()
    asked = kept(at, "app", "results")[COMPARE][0]
    assert submitted == [(COMPARE, asked)] and asked.epochs == 321 and not at.exception


def test_app_starts_and_shows_the_lectures_run_without_exception(app):
    at = app()
    assert not at.exception
    assert at.title[0].value == TEXTS["compare_title"]["en"]
    assert metric(at, "Final w") == SHOWN_W and metric(at, "Final b") == SHOWN_B
    assert float(metric(at, "Final loss, manual")) == pytest.approx(3.412e-05, rel=1e-3)
    assert not at.error
    assert at.query_params["lr"] == "0.01" and at.query_params["model"] == "line"


def test_changing_learning_rate_and_epochs_changes_the_results(app):
    at = app()
    before = final_line(at)
    at.select_slider(key="compare.lr").set_value(0.05)
    at.number_input(key="compare.epochs").set_value(200)
    at.button(key="compare.train").click().run()
    assert not at.exception
    after = final_line(at)
    assert after != before
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.05, 200).params
    assert after == expected_line(expected)
    assert at.query_params["lr"] == "0.05" and at.query_params["epochs"] == "200"


def test_moving_the_slider_without_pressing_train_does_not_retrain(app):
    at = app()
    before = final_line(at)
    at.select_slider(key="compare.lr").set_value(0.05).run()
    assert final_line(at) == before


def test_a_diverging_learning_rate_is_explained_before_and_after_with_no_exception(app):
    at = app()
    at.select_slider(key="compare.lr").set_value(0.15)
    at.button(key="compare.train").click().run()
    assert not at.exception
    assert any("above the stability bound 2/λmax = 0.1198" in w.value for w in at.warning)
    errors = [e.value for e in at.error]
    assert len(errors) == 2 and all("diverged" in e and "epoch 23" in e for e in errors)
    loss = chart_data(at, TEXTS["chart_loss"]["en"])[0]
    assert math.isfinite(loss["loss"].max()) and len(loss) > 0


def test_an_invalid_exact_learning_rate_is_explained_and_kept_in_the_box(app):
    at = app()
    before = final_line(at)
    at.number_input(key="compare.lr_exact").set_value(-1.0)
    at.button(key="compare.train").click().run()
    assert not at.exception
    assert any("exact learning rate -1.0 cannot be used" in e.value and "outside [1.18e-38, 100]" in e.value
               for e in at.error)
    assert at.number_input(key="compare.lr_exact").value == -1.0
    assert final_line(at) == before


def test_the_exact_learning_rate_overrides_the_slider(app):
    at = app()
    at.number_input(key="compare.lr_exact").set_value(0.119)
    at.button(key="compare.train").click().run()
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.119, 1000).params
    assert final_line(at) == expected_line(expected)
    assert at.query_params["lr"] == "0.119"
    assert "Learning rate used: 0.119" in [c.value for c in at.caption]


def test_korean_switch_changes_every_visible_text(app):
    at = app()
    at.radio(key="app.lang").set_value("ko").run()
    assert not at.exception
    assert at.title[0].value == TEXTS["compare_title"]["ko"]
    assert at.button(key="compare.train").label == "학습"
    assert metric(at, "최종 손실, 직접 미분")
    titles = [chart_title(s) for s in chart_specs(at)]
    assert TEXTS["chart_loss"]["ko"] in titles and TEXTS["chart_surface"]["ko"] in titles
    loss = chart_data(at, TEXTS["chart_loss"]["ko"])[0]
    assert set(loss["method"]) == {TEXTS["manual"]["ko"], TEXTS["autograd"]["ko"]}


def test_charts_hold_both_methods_data(app):
    at = app()
    loss = chart_data(at, TEXTS["chart_loss"]["en"])[0]
    assert set(loss["method"]) == {"manual (chain rule)", "autograd (backward)"}
    manual = loss[loss["method"] == "manual (chain rule)"].set_index("epoch")["loss"]
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 1000).history["loss"]
    assert manual.loc[0] == pytest.approx(41.0) and manual.loc[1000] == pytest.approx(expected.iloc[-1])
    params = chart_data(at, TEXTS["chart_params"]["en"])[0]
    assert set(params["parameter"]) == {"w", "b"} and params["method"].nunique() == 2
    runtime = chart_data(at, TEXTS["chart_runtime"]["en"])
    assert any(len(frame) == 2 for frame in runtime)
    memory = chart_data(at, TEXTS["chart_memory"]["en"])[0]
    manual_bytes = memory[memory["method"] == "manual (chain rule)"]["bytes"].sum()
    assert manual_bytes == bp_core.measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), "manual").total_bytes
    surface_frames = chart_data(at, TEXTS["chart_surface"]["en"])
    assert any({"w", "b", "loss"} <= set(f.columns) for f in surface_frames)


def test_the_network_trains_with_its_own_defaults(app):
    at = app()
    at.radio(key="compare.model").set_value("mlp").run()
    assert not at.exception
    assert at.number_input(key="compare.epochs").value == 5000 and at.select_slider(key="compare.lr").value == 1.0
    expected = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 5000).final_loss
    assert float(metric(at, "Final loss, manual")) == pytest.approx(expected, rel=1e-3)
    at.selectbox(key="compare.activation").set_value("tanh")
    at.number_input(key="compare.seed").set_value(3)
    at.button(key="compare.train").click().run()
    tanh = bp_core.train(bp_core.MLP(activation="tanh", seed=3), bp_core.half_adder(), "manual", 1.0, 5000)
    assert float(metric(at, "Final loss, manual")) == pytest.approx(tanh.final_loss, rel=1e-3)
    assert at.query_params["act"] == "tanh" and at.query_params["seed"] == "3"
    every_parameter = bp_core.models.scalar_names(bp_core.MLP().init_params())
    at.multiselect(key="compare.params_shown").set_value(every_parameter).run()
    assert not at.exception
    assert set(chart_data(at, TEXTS["chart_params"]["en"])[0]["parameter"]) == set(every_parameter)


def test_editing_the_points_retrains_and_bad_edits_keep_the_last_valid_points(app):
    at = app()
    editor_key = "compare.points"
    at.session_state["compare.points_open"] = True  # the table is folded until opened
    at.session_state[editor_key] = {"edited_rows": {"3": {"y": "10"}}, "added_rows": [], "deleted_rows": []}
    at.button(key="compare.train").click().run()
    assert not at.exception
    expected = bp_core.train(bp_core.Line(), ([[1.0], [2.0], [3.0], [4.0]], [[3.0], [5.0], [7.0], [10.0]]),
                             "manual", 0.01, 1000).params
    assert final_line(at) == expected_line(expected)
    at.session_state[editor_key] = {"edited_rows": {}, "added_rows": [{"x": "5.0"}], "deleted_rows": []}
    at.button(key="compare.train").click().run()
    assert not at.exception
    assert any("cannot be used" in e.value and "row 5, y “”: empty" in e.value for e in at.error)
    assert kept(at, "compare", "valid_points") == ((1.0, 3.0), (2.0, 5.0), (3.0, 7.0), (4.0, 10.0))
    assert final_line(at) == expected_line(expected)


def test_a_shared_link_opens_the_same_run(app):
    at = app({"model": "line", "lr": "0.05", "epochs": "300", "lang": "ko"})
    assert not at.exception
    assert at.title[0].value == TEXTS["compare_title"]["ko"]
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.05, 300).params
    assert (metric(at, "최종 w"), metric(at, "최종 b")) == expected_line(expected)


def test_a_link_with_out_of_range_settings_falls_back_and_says_so(app):
    at = app({"lr": "-3", "epochs": "999999999"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "setting lr = “-3” cannot be used" in warnings and "setting epochs = “999999999”" in warnings
    assert final_line(at) == (SHOWN_W, SHOWN_B)


def test_downloads_are_built_on_click_and_hold_the_history_of_both_methods_and_the_settings(app):
    import io
    import json

    import pandas as pd

    from ui.views import compare_view as view

    at = app()
    buttons = {b.key: b for b in at.get("download_button")}
    assert all(buttons[key].proto.deferred_file_id and not buttons[key].proto.url  # nothing built before a click
               for key in ("compare.download_csv", "compare.download_json"))
    settings, comparison = kept(at, "app", "results")["compare"]  # what the two callables build on a click
    history = pd.read_csv(io.StringIO(comparison.history_csv()))
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 1000).history
    manual = history[history["method"] == "manual"].reset_index(drop=True)
    assert len(history) == 2 * 1001 and set(history["method"]) == {"manual", "autograd"}
    pd.testing.assert_frame_equal(manual[expected.columns.drop("epoch")], expected.drop(columns="epoch"),
                                  check_dtype=False)
    summary = json.loads(view.export_json(settings, comparison))
    assert summary["settings"]["learning_rate"] == 0.01 and summary["settings"]["epochs"] == 1000
    assert summary["results"]["manual"]["params"]["w"] == [expected["w"].iloc[-1]]
    assert summary["stability_bound"]["learning_rate_bound"] == pytest.approx(LOSS_BOUND, abs=1e-5)


def test_glossary_page_lists_the_lectures_terms(app):
    at = app()
    at.switch_page("pages/glossary.py").run()
    assert not at.exception
    terms = " ".join(block.value for block in at.markdown)
    assert "**역전파** · backpropagation" in terms and "**경사 하강법** · gradient descent" in terms
    assert [header.value for header in at.header][:2] == ["The note's words", "Words this app adds"]
    note_part = next(block.value for block in at.markdown if "**역전파**" in block.value)  # the note's words
    assert "gradient descent" in note_part and "output error" not in note_part and not at.dataframe


def test_switching_language_keeps_the_settings_and_the_results(app):
    at = app()
    at.select_slider(key="compare.lr").set_value(0.05)
    at.number_input(key="compare.epochs").set_value(300)
    at.button(key="compare.train").click().run()
    english = final_line(at)
    at.radio(key="app.lang").set_value("ko").run()
    assert not at.exception
    assert at.select_slider(key="compare.lr").value == 0.05 and at.number_input(key="compare.epochs").value == 300
    assert (metric(at, "최종 w"), metric(at, "최종 b")) == english
    assert at.query_params["lang"] == "ko" and at.query_params["epochs"] == "300"


def test_training_twice_then_visiting_the_glossary_and_back_keeps_every_setting(app):
    """Plain AppTest reruns a page without its shell (Streamlit's legacy pages/ mode): the page must run the app itself,
    and settings live in the page's record (ui.session.state), so nothing raises and nothing is lost."""
    at = app()
    at.select_slider(key="compare.lr").set_value(0.05)
    at.button(key="compare.train").click().run()
    at.select_slider(key="compare.lr").set_value(0.1)
    at.number_input(key="compare.epochs").set_value(400)
    at.button(key="compare.train").click().run()
    assert not at.exception
    assert at.radio(key="app.lang").value == "en"  # the shell is drawn on a rerun too
    at.switch_page("pages/glossary.py").run()
    assert not at.exception and at.title[0].value == "Glossary"
    at.switch_page("pages/compare.py").run()
    assert not at.exception
    assert at.select_slider(key="compare.lr").value == 0.1 and at.number_input(key="compare.epochs").value == 400
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.1, 400).params
    assert final_line(at) == expected_line(expected)


def test_the_code_behind_the_numbers_is_the_plain_loop_and_the_tuned_one_shows_on_request(app):
    at = app()
    assert not at.code  # drawn when the learner opens the expander, not with every run
    at.session_state["compare.code_open"] = True
    at.run()
    shown = [c.value for c in at.code]
    assert any("optimizer.zero_grad()" in c and "loss.backward()" in c for c in shown)
    assert any("def manual_packed" in c and "def by_hand_loop" in c for c in shown)
    assert not any("backward(one)" in c or "recorder" in c for c in shown)
    at.toggle(key="compare.code_tuned").set_value(True).run()
    assert any("loss.backward(one)" in c for c in [c.value for c in at.code])
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_page_says_where_the_settings_are_on_a_laptop_and_on_a_phone_and_after_a_failed_run(app, monkeypatch,
                                                                                               lang):
    """A laptop keeps the settings in the sidebar; a phone's sit on the page, in the Training settings box below the
    intro (its sidebar is folded away): the intro and a failed run's message name the place the learner can see."""
    from ui.texts import t
    from ui.views import compare_view
    from ui.views.screens import compare as screen

    def failing(*args, **kwargs):
        raise RuntimeError("no run")

    for phone, change, failed in ((False, "compare_change_sidebar", "run_failed"),
                                  (True, "compare_change_on_page", "run_failed_on_page")):
        monkeypatch.setattr(screen, "on_phone", lambda phone=phone: phone)
        at = app({"lang": lang})
        intro = [block.value for block in at.markdown if block.value.startswith(t("compare_intro", lang))]
        assert intro == [f"{t('compare_intro', lang)} {t(change, lang)}"]
        assert (t("settings", lang) in [box.label for box in at.expander]) is phone
        with monkeypatch.context() as failing_run:
            failing_run.setattr(compare_view, "queued", failing)
            at = app({"lang": lang})
        assert [box.value for box in at.error] == [t(failed, lang, error="RuntimeError: no run")]
        assert not at.exception


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_sessions_first_view_draws_the_numbers_first_and_the_rest_on_the_next_run(app, lang):
    """Issue 31, item 4: a new learner's first Compare run draws the headline numbers and says the rest follows (the
    browser's timer then brings it); on a laptop the sidebar's settings come with the rest, and the first run trains
    the values the form then shows. The next run draws the whole page, and the session never waits again, after
    another page either."""
    from page_helpers import open_page, rest_drawn

    from ui.texts import t

    at = app({"lang": lang, "lr": "0.05", "epochs": "300"}, whole=False)
    assert not at.exception
    assert len(at.metric) == 6 and chart_specs(at) == []
    assert [c.value for c in at.main.caption][-1] == TEXTS["compare_rest_soon"][lang]
    assert at.get("download_button") == [] and kept(at, "compare", "rest") == "due"
    assert [c.value for c in at.sidebar.caption] == [t("compare_settings_soon", lang, train=t("train", lang))]
    assert at.get("select_slider") == [] and at.get("number_input") == [] and not at.get("radio")[1:]  # the shell's
    assert "compare.lr" not in at.session_state  # kept in the record only (see settings_form)
    shown = [(m.label, m.value) for m in at.metric]
    trained = kept(at, "compare", "last_valid")
    assert (trained.learning_rate, trained.epochs) == (0.05, 300)

    rest_drawn(at)  # the timer's rerun
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == shown  # the same numbers
    assert len(chart_specs(at)) == 6 and len(at.get("download_button")) == 3
    assert TEXTS["compare_rest_soon"][lang] not in [c.value for c in at.caption]
    assert t("compare_settings_soon", lang, train=t("train", lang)) not in [c.value for c in at.caption]
    assert at.select_slider(key="compare.lr").value == 0.05 and at.number_input(key="compare.epochs").value == 300
    assert at.radio(key="compare.model").value == trained.model

    at.switch_page("pages/glossary.py").run()
    at.switch_page("pages/compare.py").run()
    assert len(chart_specs(at)) == 6
    assert len(chart_specs(open_page("pages/compare.py", lang))) == 6  # the helpers every page test uses bring it


def test_settings_changed_after_a_deferred_first_view_survive_a_page_switch(app):
    """The first view keeps the settings in the page's record without drawing them: what the learner then chooses
    in the form, not the first view's values, comes back after another page (a value Streamlit had kept under the
    bare key would have come back instead)."""
    at = app(whole=False)
    rest_first = app(whole=True)  # the same page after the timer, for the form's defaults
    assert at.session_state["compare.record"].widgets["lr"] == rest_first.select_slider(key="compare.lr").value
    at.run()  # the timer's rerun: the form is drawn
    at.select_slider(key="compare.lr").set_value(0.1)
    at.number_input(key="compare.epochs").set_value(400)
    at.button(key="compare.train").click().run()
    at.switch_page("pages/glossary.py").run()
    at.switch_page("pages/compare.py").run()
    assert not at.exception
    assert at.select_slider(key="compare.lr").value == 0.1 and at.number_input(key="compare.epochs").value == 400


def test_a_press_before_the_timer_draws_the_whole_page(app, monkeypatch):
    """A learner who presses Train on a phone (whose settings are drawn at once) or switches the language on a laptop
    before the timer's rerun gets the whole page from that run."""
    from ui.views.screens import compare as screen

    with monkeypatch.context() as phone:
        phone.setattr(screen, "on_phone", lambda: True)
        at = app(whole=False)
        assert chart_specs(at) == [] and at.select_slider(key="compare.lr")
        at.button(key="compare.train").click().run()
        assert not at.exception and len(chart_specs(at)) == 6
    at = app(whole=False)
    assert chart_specs(at) == []
    at.radio(key="app.lang").set_value("ko").run()
    assert not at.exception and len(chart_specs(at)) == 6 and at.select_slider(key="compare.lr")
