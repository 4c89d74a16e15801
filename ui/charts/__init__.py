"""Chart and graph builders: pure functions from data to Altair charts and Graphviz DOT (no Streamlit)."""
