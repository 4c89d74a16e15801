"""The least a Streamlit page costs here: one metric, nothing imported but Streamlit (bench_cold_page.py's floor)."""

import streamlit as st

st.metric("floor", 1)
