"""Compare: the same model trained by hand (chain rule) and by autograd, side by side.

Drawn by ui.views.screens.compare."""

from ui.views.screens import compare

compare.draw()
