"""Gradient check: hand-derived, autograd and finite-difference gradients in float32 and float64, and the training
that forgot ``optimizer.zero_grad()``.

Drawn by ui.views.screens.gradient_check."""

from ui.views.screens import gradient_check

gradient_check.draw()
