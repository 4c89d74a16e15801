"""What the dashboard's pages share: texts in two languages, chart builders, settings and the shared sidebar."""
