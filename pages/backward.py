"""The backward pass walked on the drawn network, step by step, each step's formula with its numbers; the next value
as an exercise; a nudged parameter against its gradient. Layout only."""

import streamlit as st

from ui import backward_view as view
from ui import teaching
from ui.exercises import exercise_box
from ui.presets import LECTURE_NETWORK
from ui.session import language
from ui.shell import run_app_if_alone
from ui.start_view import page_link, where_next
from ui.texts import t
from ui.widget_state import kept, set_value

run_app_if_alone()

state = st.session_state
lang = language()
st.title(t("backward_title", lang))
st.markdown(t("backward_intro", lang))
settings = teaching.choose_run("bw_model", lang, "backward", LECTURE_NETWORK)  # the 2-3-2 network first
model, data = settings.build()
last_epoch = teaching.last_epoch(settings)

# ---- which walk: sample (or the whole batch), epoch, layout
samples = [*range(data.n_samples), view.BATCH]
with kept({"bw_sample": data.n_samples - 1, "bw_epoch": 0, "bw_layout": view.LAYOUTS[0], "backward_play": False}):
    if state["bw_sample"] not in samples:  # kept from another model
        set_value("bw_sample", data.n_samples - 1)
    if not 0 <= state["bw_epoch"] <= last_epoch:
        set_value("bw_epoch", 0)
    left, middle, right = st.columns([1.2, 1.6, 1.2])
    chosen = left.selectbox(t("backward_sample", lang), samples, key="bw_sample",
                            format_func=lambda s: t("backward_whole_batch", lang, n=data.n_samples) if s == view.BATCH
                            else t("backward_sample_label", lang, number=s))
    epoch = middle.slider(t("backward_epoch", lang), 0, last_epoch, key="bw_epoch")
    layout = right.radio(t("backward_layout", lang), view.LAYOUTS, key="bw_layout", horizontal=True,
                         format_func=lambda option: t(f"backward_layout_{option}", lang))
    sample = None if chosen == view.BATCH else int(chosen)
    walk = view.walk_at(settings, sample, epoch)
    ident, last = view.walk_id(settings, sample, epoch), len(walk.steps)
    done = view.position(ident, last)
    if state["backward_play"] and done >= last:  # played to the end: stop
        set_value("backward_play", False)
    columns = st.columns([1, 1, 1, 1.2, 2.5], vertical_alignment="center")
    for column, action in zip(columns, ("previous", "next", "reset")):
        column.button(t(f"backward_{action}", lang), key=f"backward_{action}", on_click=view.move,
                      args=(ident, action, last), width="stretch")
    playing = columns[3].toggle(t("backward_play", lang), key="backward_play")
columns[4].progress(done / last, text=t("backward_position", lang, done=done, total=last))
if playing:
    view.play(ident, last)

# ---- the graph, and what this step computes
st.graphviz_chart(view.walk_dot(walk, view.parameter_values(settings, epoch), done, layout, lang), width="stretch")
if layout == "TB":  # the compact graph's other figures, readable on a phone
    st.dataframe(view.unit_table(walk, done, lang), hide_index=True, width="stretch", key="walk_units")
if sample is None:
    st.caption(t("backward_batch_note", lang, n=data.n_samples))
if done == 0:
    st.info(t("backward_forward_only", lang, what=view.loss_label(walk, lang), loss=walk.loss))
else:
    current = walk.steps[done - 1]
    st.markdown(view.step_caption(walk, current, lang))
    for line in view.step_latex(walk, current):
        st.latex(line)
exercise = view.next_exercise(walk, done, ident)
if exercise is not None:
    exercise_box("backward", exercise, lang)
else:
    table = view.gradient_table(walk, lang)
    st.success(t("walk_done", lang, difference=float(table.iloc[:, 3].abs().max())))
    st.dataframe(table, hide_index=True, width="stretch", key="walk_gradients",
                 column_config=view.number_columns(table))

# ---- nudge a parameter
st.subheader(t("nudge_title", lang))
st.markdown(t("nudge_intro", lang))
names = list(walk.autograd)
with kept({"nudge_param": names[0], "nudge_eps": view.NUDGES[3]}):
    if state["nudge_param"] not in names:
        set_value("nudge_param", names[0])
    left, right = st.columns([1, 2])
    parameter = left.selectbox(t("nudge_param", lang), names, key="nudge_param")
    epsilon = right.select_slider(t("nudge_epsilon", lang), view.NUDGES, key="nudge_eps",
                                  format_func=lambda e: f"{e:+g}")
nudged = view.nudge_at(settings, epoch, parameter, epsilon)
for column, (label, value) in zip(st.columns(4), view.nudge_metrics(nudged, lang)):
    column.metric(label, value)
st.markdown(t("nudge_digits", lang, epsilon=nudged.epsilon, change=nudged.change, param=parameter,
              gradient=nudged.gradient, predicted=nudged.predicted, digits=nudged.agreeing_digits))
page_link("check", t("nudge_check_link", lang))
where_next("backward", lang)
