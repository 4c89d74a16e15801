"""The backward pass walked on the drawn network, step by step, each step's formula with its numbers; the next value
as an exercise; a nudged parameter against its gradient.

Drawn by ui.views.screens.backward."""

from ui.views.screens import backward

backward.draw()
