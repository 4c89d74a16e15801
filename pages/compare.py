"""Compare: the same model trained by hand (chain rule) and by autograd, side by side."""

import json
from dataclasses import replace

import streamlit as st

import bp_core
from ui import charts
from ui.state import (
    ACTIVATIONS,
    DEFAULTS,
    EPOCHS_CAP,
    LR_OPTIONS,
    Settings,
    language,
    points_problem,
    reset_for_model,
    to_query_params,
)
from ui.texts import t

state = st.session_state
lang = language()


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def run_comparison(settings_json: str, _lang: str = "en") -> bp_core.Comparison:
    """Both methods, measured; a progress bar while they train (created here, so a cache hit replays nothing)."""
    settings = Settings(**_settings_args(settings_json))
    model, data = settings.build()
    slot = st.empty()

    def show(fraction: float, method: str) -> None:
        slot.progress(min(fraction, 1.0), text=t("training", _lang, method=t(method, _lang)))

    comparison = bp_core.compare(model, data, settings.learning_rate, settings.epochs, progress=show)
    slot.empty()
    return comparison


@st.cache_data(max_entries=16, show_spinner=False)
def stability(settings_json: str) -> bp_core.StabilityBound:
    model, data = Settings(**_settings_args(settings_json)).build()
    return bp_core.stability_bound(model, None, data)


@st.cache_data(max_entries=64, show_spinner=False)
def chart_spec(kind: str, settings_json: str, lang: str, option=None) -> dict:
    """One chart of the cached run as a Vega-Lite dict, built (and validated by Altair) once per run, language and
    option: a rerun that changes nothing redraws from here instead of rebuilding every chart."""
    comparison = run_comparison(settings_json)
    histories = {m: r.history for m, r in comparison.results.items()}
    if kind == "loss":
        chart = charts.loss_chart(histories, lang, option)
    elif kind == "parameters":
        chart = charts.parameter_chart(histories, list(option), lang)
    elif kind == "difference":
        chart = charts.difference_chart(comparison.difference, lang)
    elif kind == "surface":
        _, data = Settings(**_settings_args(settings_json)).build()
        chart = charts.surface_chart(bp_core.loss_surface(data, *comparison.surface_window(), 41), histories, lang)
    elif kind == "runtime":
        chart = charts.runtime_chart(comparison.runtime_table(), lang)
    else:
        chart = charts.memory_chart(comparison.tensor_bytes_table(), lang)
    return chart.to_dict()


def draw(kind: str, option=None) -> None:
    st.vega_lite_chart(chart_spec(kind, settings_json, lang, option), width="stretch")


def _settings_args(settings_json: str) -> dict:
    args = json.loads(settings_json)
    args["points"] = tuple(tuple(p) for p in args["points"])
    return args


st.title(t("compare_title", lang))
st.markdown(t("compare_intro", lang))
for name in state.get("url_problems", []):
    st.warning(t("bad_url", lang, name=name))

# ---- controls: model switch (instant), everything else in a form (no training run per slider tick)
with st.sidebar:
    st.radio(t("model", lang), options=["line", "mlp"], format_func=lambda m: t(f"model_{m}", lang), key="model",
             on_change=reset_for_model)
    with st.form("settings_form"):
        st.subheader(t("settings", lang))
        st.select_slider(t("learning_rate", lang), options=LR_OPTIONS, key="lr", format_func=lambda v: f"{v:g}")
        st.number_input(t("learning_rate_exact", lang), key="lr_exact", format="%g", step=0.001)
        st.number_input(t("epochs", lang, cap=EPOCHS_CAP), min_value=1, max_value=EPOCHS_CAP, step=100, key="epochs")
        edited = None
        if state["model"] == "mlp":
            st.number_input(t("seed", lang), min_value=0, max_value=2**31 - 1, step=1, key="seed")
            st.selectbox(t("activation", lang), ACTIVATIONS, key="activation")
            st.caption(t("data_mlp", lang))
        else:
            edited = st.data_editor(state["points_base"], key="points_editor", num_rows="dynamic", hide_index=True,
                                    width="stretch")
            st.caption(t("data", lang))
        st.form_submit_button(t("train", lang), type="primary", key="train", width="stretch")

# ---- settings from the widgets; bad input explained, last valid settings kept
if edited is not None:
    problem = points_problem(edited)
    if problem is None:
        state["valid_points"] = tuple((float(x), float(y)) for x, y in edited[["x", "y"]].to_numpy(dtype=float))
    else:
        key, values = problem
        st.error(t("bad_data", lang, reason=t(key, lang, **values)))
lr_entered = state["lr_exact"] if state["lr_exact"] is not None else state["lr"]
settings = Settings(state["model"], lr_entered, int(state["epochs"]), int(state["seed"]), state["activation"],
                    state["valid_points"])
try:
    bp_core.check_learning_rate(lr_entered)
except ValueError:
    st.error(t("bad_lr", lang, cap=bp_core.MAX_LEARNING_RATE, value=lr_entered))
    settings = state.get("last_valid") or replace(settings, learning_rate=DEFAULTS[settings.model]["lr"])
settings_json = json.dumps(settings.as_dict())
if state["lr_exact"] is not None:
    st.caption(t("lr_used", lang, lr=settings.learning_rate))

bound = stability(settings_json)
bound_words = t("bound_exact_line" if settings.model == "line" else "bound_near_mlp", lang)
if settings.learning_rate > bound.learning_rate_bound:
    st.warning(t("bound_before", lang, lr=settings.learning_rate, bound=bound.learning_rate_bound,
                 lam=bound.lambda_max))
else:
    st.caption(t("bound_info", lang, bound=bound.learning_rate_bound, exact=bound_words))

comparison = run_comparison(settings_json, lang)
state["last_valid"] = settings
st.query_params.from_dict(to_query_params(settings, lang))
results = comparison.results
model_obj, data = settings.build()

# ---- divergence, explained after training
for method, result in results.items():
    if result.diverged_at is not None:
        st.error(t("diverged", lang, method=t(method, lang), epoch=result.diverged_at,
                   bound=comparison.bound.learning_rate_bound))

# ---- headline numbers
ratio = comparison.speed_ratio
ratio_words = (t("ratio_manual_faster", lang, ratio=ratio) if ratio >= 1
               else t("ratio_autograd_faster", lang, ratio=1 / ratio))
top = st.columns(3)
for col, method in zip(top[:2], results):
    col.metric(t("final_loss", lang, method=t(method, lang)), f"{results[method].final_loss:.4g}")
top[2].metric(t("max_difference", lang), f"{comparison.max_param_difference:.2e}",
              help=t("max_difference_help", lang))
bottom = st.columns(3)
if settings.model == "line":
    for col, name in zip(bottom[:2], ("w", "b")):
        col.metric(t("final_param", lang, name=name), f"{results['manual'].params[name].item():.6f}",
                   help=t("final_param_help", lang, autograd=results["autograd"].params[name].item()))
else:
    bottom[0].metric(t("parameter_count", lang), f"{len(results['manual'].parameter_names)}")
    bottom[1].metric(t("epochs_run", lang), f"{results['manual'].epochs_run}")
bottom[2].metric(t("speed_ratio", lang), f"{max(ratio, 1 / ratio):.1f}×", help=ratio_words)
st.caption(ratio_words)

# ---- charts, two per row
left, right = st.columns(2)
with left:
    log_scale = st.toggle(t("log_scale", lang), value=True, key="log_scale")
    draw("loss", log_scale)
with right:
    names = results["manual"].parameter_names
    default = names if len(names) <= 4 else ["W1[0,1]", "W1[1,1]", "W2[0,0]", "W2[1,0]"]
    chosen = st.multiselect(t("choose_params", lang), names, default=default, key="params_shown")
    shown = [name for name in chosen if name in names] or default
    draw("parameters", tuple(shown))

left, right = st.columns(2)
with left:
    draw("difference")
    st.caption(t("difference_caption", lang))
with right:
    if settings.model == "line":
        draw("surface")
        st.caption(t("surface_caption", lang))
    else:
        st.markdown(f"**{t('outputs_title', lang)}**")
        outputs = bp_core.predictions(results, data)
        st.dataframe(outputs.rename(columns=lambda c: c.replace("manual", t("manual_short", lang))
                                    .replace("autograd", t("autograd_short", lang))),
                     hide_index=True, width="stretch", key="outputs")
        st.caption(t("outputs_caption", lang))

left, right = st.columns(2)
runtime = comparison.runtime_table()
with left:
    draw("runtime")
    st.markdown(t("runtime_words", lang, manual=runtime["median_us"][0], autograd=runtime["median_us"][1],
                  epochs=results["manual"].epochs_run, ratio_words=ratio_words))
    st.caption(t("runtime_note", lang))
    first = bp_core.first_optimizer_setup_seconds()
    st.caption(t("one_time", lang, seconds=first or 0.0, this=results["autograd"].setup_seconds))
with right:
    memory = comparison.memory
    draw("memory")
    rss_cols = st.columns(2)
    for col, (method, mem) in zip(rss_cols, memory.items()):
        col.metric(t("rss_metric", lang, method=t(f"{method}_short", lang)), f"{mem.peak_rss_delta_mib:+.2f} MiB",
                   help=t("rss_help", lang))
    if not comparison.memory_resolvable:
        st.info(t("rss_below_resolution", lang, res=bp_core.RSS_RESOLUTION_MIB))

# ---- the code behind the numbers
with st.expander(t("code_title", lang)):
    code_cols = st.columns(2)
    for col, method in zip(code_cols, results):
        col.markdown(f"**{t(method, lang)}**")
        col.code(bp_core.update_step_source(model_obj, method), language="python")

# ---- export and share
st.subheader(t("downloads", lang))
history_csv = comparison.history_csv()
summary = {"settings": settings.as_dict()} | comparison.summary()
dl_left, dl_right = st.columns(2)
dl_left.download_button(t("download_csv", lang), history_csv, "backprop_lab_history.csv", "text/csv",
                        key="download_csv", on_click="ignore")
dl_right.download_button(t("download_json", lang), json.dumps(summary, indent=2), "backprop_lab_run.json",
                         "application/json", key="download_json", on_click="ignore")
st.caption(t("share", lang))
