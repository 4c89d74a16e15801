"""The compare page, drawn top to bottom: pages/compare.py runs ``draw()``.

Compare: the same model trained by hand (chain rule) and by autograd, side by side. Layout only.
"""

import pandas as pd
import streamlit as st

import bp_core
from ui.export.notebook import compare_notebook, notebook_bytes
from ui.session import state
from ui.session.links import to_query_params
from ui.session.presets import view as view_of
from ui.session.settings import EPOCHS_CAP, LR_OPTIONS, Settings, resolve_settings
from ui.session.shared import compare_first, compare_start, language, on_phone, points_base, url_problems
from ui.session.state import key
from ui.texts import render, t
from ui.texts import sentences as say
from ui.views import compare_view as view
from ui.views.memory_view import memory_section
from ui.views.shell import run_app_if_alone
from ui.views.start_view import page_link, where_next
from ui.views.tables import show_table, table_alt


def points_editor(lang: str) -> pd.DataFrame | None:
    """The data points' table, folded: drawn only while its expander is open (the grid is the heaviest element of the
    page's first paint), so a closed editor returns None and the run keeps the last valid points. Opened again, after
    a visit elsewhere or a fold, the table starts from what was typed in it last, bad cells included."""
    used = len(state.recall("compare", "valid_points"))
    with state.widgets("compare", {"points_open": False}):
        box = st.expander(t("data_points_open", lang, n=used), key=key("compare", "points_open"), on_change="rerun")
    with box:
        if not box.open:
            return None
        if not state.editor_known("compare", "points") or state.recall("compare", "points_table") is None:
            # a new table: from what was typed last, else the link's
            typed = state.recall("compare", "points_typed")
            state.remember("compare", "points_table", points_base() if typed is None else typed)
        base = state.recall("compare", "points_table")
        st.caption(t("data_line", lang))
        edited = state.data_editor(base, page="compare", name="points", num_rows="dynamic", hide_index=True,
                                   width="stretch", alt=table_alt(base, lang),
                                   column_config={c: st.column_config.TextColumn(c) for c in "xy"})  # text, exact
    state.remember("compare", "points_typed", edited)
    return edited


REST_AFTER_S = 1.0
"""A session's first view of Compare's results draws the numbers alone, and the rest of the page (charts, code,
downloads; on a laptop the sidebar's settings form too) this many seconds later, on the browser's own timer
(``rest_soon``): the browser then puts the numbers on screen before it loads and draws the settings' widgets and six
Vega charts (issue 31, item 4; the figures in benchmarks/README.md)."""


def rest_now() -> bool:
    """True when the whole page is drawn in this run; False (once per session) on the first draw of the results,
    whose rest ``rest_soon`` brings (it keeps "due", then "drawn", under ``rest``)."""
    return state.recall("compare", "rest") is not None


@st.fragment(run_every=REST_AFTER_S)
def rest_soon(lang: str) -> None:
    """Said where the rest will be, run inline after the numbers; the browser's timer runs it again after
    ``REST_AFTER_S`` and it then reruns the whole page, whose full run ends the timer (the fragment is not drawn in it).
    Any earlier run (a press, a switch) draws the whole page as well."""
    if state.recall("compare", "rest") == "due":
        state.remember("compare", "rest", "drawn")
        st.rerun()
    state.remember("compare", "rest", "due")
    with st.container(key=key("compare", "rest_pending")):  # the e2e tests wait for it to go
        st.caption(t("compare_rest_soon", lang))


def settings_form(lang: str, start: dict, *, drawn: bool) -> tuple[str, pd.DataFrame | None]:
    """The model switch and the settings form (Train included); returns the model and the points typed (None: the
    last valid points are kept). Not ``drawn`` (a session's first view, in the sidebar): the same blocks restore and
    keep the same values, so the run trains what the form will show, and a line says the settings come with the
    rest of the page; the browser then draws the numbers before the settings' widgets (issue 31, item 4)."""
    with state.widgets("compare", {"model": start["model"]}) as switch:
        if drawn:
            model_key = st.radio(t("model", lang), options=list(bp_core.PRESETS), key=key("compare", "model"),
                                 format_func=lambda m: t(f"model_{m}", lang))
        else:
            model_key = state.value("compare", "model")
            switch.not_drawn("model")
    first = compare_first(model_key)
    firsts = {name: first[name] for name in ("lr", "lr_exact", "epochs", "seed", "activation")}
    with state.widgets("compare", firsts, model=model_key) as block:
        if block.switched:  # another model: its own rate and epochs came back; the other's last run does not apply
            state.forget("compare", "last_valid")
        preset = bp_core.PRESETS[model_key]
        if not drawn:
            block.not_drawn(*firsts)
            st.caption(t("compare_settings_soon", lang, train=t("train", lang)))
            return model_key, None
        block.not_drawn(*(name for name in ("seed", "activation") if name not in preset.options))
        return model_key, settings_widgets(lang, preset)


def settings_widgets(lang: str, preset: bp_core.Preset) -> pd.DataFrame | None:
    """The settings form of the chosen model's ``preset`` (what it offers: options, editable points), inside its
    ``state.widgets`` block; returns the points typed, if shown."""
    with st.form("settings_form"):
        st.header(t("settings", lang))
        st.select_slider(t("learning_rate", lang), options=LR_OPTIONS, key=key("compare", "lr"),
                         format_func=lambda v: f"{v:g}")
        # float boxes, empty by default: a value Streamlit cannot use (NaN, inf from a modified client)
        # comes back as an empty box that resolve_settings names, never as 0 or int(NaN) inside Streamlit
        st.number_input(t("learning_rate_exact", lang), key=key("compare", "lr_exact"), format="%g", step=0.001,
                        value=None)
        st.number_input(t("epochs", lang, cap=EPOCHS_CAP), min_value=1.0, max_value=float(EPOCHS_CAP),
                        step=100.0, format="%g", value=None, key=key("compare", "epochs"))
        if "seed" in preset.options:
            st.number_input(t("seed", lang), min_value=0.0, max_value=float(bp_core.limits.MAX_SEED), step=1.0,
                            format="%.0f", value=None, key=key("compare", "seed"))
        if "activation" in preset.options:
            st.selectbox(t("activation", lang), bp_core.activations.HIDDEN_ACTIVATIONS,
                         key=key("compare", "activation"))
        if state.dropped_edits("compare", "points"):
            st.warning(t("edits_dropped", lang))
        if preset.editable_points:
            edited = points_editor(lang)
        else:
            edited = None
            st.caption(t(f"data_{preset.key}", lang))
        st.form_submit_button(t("train", lang), type="primary", key=key("compare", "train"), width="stretch")
    return edited


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()

    phone = on_phone()  # the settings then sit on the page, under the intro, not in the folded sidebar
    whole = rest_now()  # False on a session's first view: the numbers first, the rest on the browser's timer
    st.title(t("compare_title", lang))
    change = "compare_change_on_page" if phone else "compare_change_sidebar"
    st.markdown(f"{t('compare_intro', lang)} {t(change, lang)}")
    for problem in url_problems():  # a link's setting that cannot be used: named, its default used
        st.warning(render(problem, lang))

    # ---- controls: model switch (instant), everything else in a form (no training run per slider tick)
    start = compare_start()  # the link's values first, then the learner's (each model's own), kept across pages
    # on a phone the sidebar is folded away: the settings and Train sit on the page itself, above the results
    with st.expander(t("settings", lang), expanded=True) if phone else st.sidebar:
        model_key, edited = settings_form(lang, start, drawn=phone or whole)

    # ---- settings from the widgets; bad input explained, last valid settings kept
    widget_values = state.values("compare")
    resolved = resolve_settings(widget_values, edited, state.recall("compare", "valid_points"),
                                state.recall("compare", "last_valid"))
    for message in resolved.messages:
        st.error(render(message, lang))
    settings = resolved.settings
    state.remember("compare", "valid_points", resolved.valid_points)
    if widget_values.get("lr_exact") is not None:
        st.caption(t("lr_used", lang, lr=repr(settings.learning_rate)))

    above_bound, bound_text = view.bound_sentence(settings, lang)
    (st.warning if above_bound else st.caption)(bound_text)

    # the server's worker: queue position, progress; stops on error
    comparison = view.run_comparison(settings, lang, settings_on_page=phone)
    state.remember("compare", "last_valid", settings)
    st.query_params.from_dict(to_query_params(settings, lang))

    for level, text in say.after_training(comparison, lang):  # divergence (or its absence above the bound)
        getattr(st, level)(text)

    # ---- headline numbers
    for row in view.headline(comparison, settings, lang):
        for col, metric in zip(st.columns(3), row):
            col.metric(metric.label, metric.value, help=metric.help)
    st.caption(say.ratio_words(comparison, lang))
    if whole:
        draw_rest(comparison, settings, lang)
    else:
        rest_soon(lang)


def draw_rest(comparison: bp_core.Comparison, settings: Settings, lang: str) -> None:
    """Everything below the headline numbers: the charts with their sentences, the code, the downloads."""
    results = comparison.results
    drawn: dict[str, dict] = {}  # every chart drawn, by title: the notebook draws the same

    def draw(kind: str, option: object = None) -> None:
        spec = view.chart_spec(kind, lang, option, comparison)
        title = spec.get("title", {})
        text = title.get("text", kind) if isinstance(title, dict) else title
        drawn[" ".join(text) if isinstance(text, list) else str(text)] = spec
        st.vega_lite_chart(spec, width="stretch")

    # ---- charts, two per row
    left, right = st.columns(2)
    names = results["manual"].parameter_names
    default = view.default_parameters(names)
    with left, state.widgets("compare", {"log_scale": True}):
        draw("loss", st.toggle(t("log_scale", lang), key=key("compare", "log_scale")))
    with right, state.widgets("compare", {"params_shown": default}, model=settings.model):
        shown_before = state.value("compare", "params_shown")
        if not set(shown_before) <= set(names):  # crafted, or kept from another run: keep what this model has
            state.set_value("compare", "params_shown", [name for name in shown_before if name in names] or default)
        chosen = st.multiselect(t("choose_params", lang), names, key=key("compare", "params_shown"))
        draw("parameters", tuple(chosen) or tuple(default))

    left, right = st.columns(2)
    with left:
        draw("difference")
        st.caption(say.difference_sentence(comparison, lang))
    with right:
        if view_of(settings.model).loss_surface:
            draw("surface")
            st.caption(say.surface_sentence(comparison, lang))
        else:
            st.markdown(f"**{t('outputs_title', lang)}**")
            show_table(st, lang, view.outputs_table(comparison, lang), hide_index=True, width="stretch",
                         key=key("compare", "outputs"))
            st.caption(t("outputs_caption", lang))

    left, right = st.columns(2)
    with left:
        draw("runtime")
        st.markdown(say.runtime_sentence(comparison, lang))
        st.caption(t("runtime_note", lang))
        st.caption(say.one_time_sentence(comparison, lang))
    with right:
        draw("memory")
        memory_section(comparison, settings, lang)  # exact tensor bytes; peak RSS only from isolated runs

    page_link("example", t("compare_example_link", lang))  # the note's programs, timed and profiled, beside its figures

    view.code_expander(results["manual"].model, lang)  # the plain loops that produced the numbers; tuned on request

    # ---- export and share
    st.header(t("downloads", lang))
    dl_left, dl_middle, dl_right = st.columns(3)  # files made on click only (a callable): a rerun builds no CSV
    dl_left.download_button(t("download_csv", lang), comparison.history_csv, "backprop_lab_history.csv", "text/csv",
                            key=key("compare", "download_csv"), on_click="ignore")
    dl_middle.download_button(t("nb_download", lang), lambda: notebook_bytes(compare_notebook(settings, lang, drawn)),
                              "backprop_lab_compare.ipynb", "application/x-ipynb+json",
                              help=t("nb_download_help", lang), key=key("compare", "notebook"), on_click="ignore")
    dl_right.download_button(t("download_json", lang), lambda: view.export_json(settings, comparison),
                             "backprop_lab_run.json", "application/json",
                             key=key("compare", "download_json"), on_click="ignore")
    st.caption(t("share", lang))
    where_next("compare", lang)
