"""What a page hands a learner to take away: the run on screen as a Jupyter notebook (nbformat) that reproduces it."""
