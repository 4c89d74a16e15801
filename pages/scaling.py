"""Scaling: time per epoch and memory of both methods as the data or the layers grow.

Drawn by ui.views.screens.scaling."""

from ui.views.screens import scaling

scaling.draw()
