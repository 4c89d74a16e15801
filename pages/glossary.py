"""Glossary: the lecture's terms in Korean and English, then the few this app adds.

Drawn by ui.views.screens.glossary."""

from ui.views.screens import glossary

glossary.draw()
