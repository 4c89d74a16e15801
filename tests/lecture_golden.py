"""The lecture's printed results (AI Deep Dive ch. 4), in one place: every test that checks them imports them here.

Fit y = 2x + 1 on x = [1, 2, 3, 4] from w = b = 0 with learning rate 0.01 for 1000 epochs.
"""

LEARNING_RATE = 0.01
EPOCHS = 1000
MANUAL_W, MANUAL_B = 2.0048611164093018, 0.9857079386711121  # hand-derived dw, db (float32, printed with repr)
AUTOGRAD_W, AUTOGRAD_B = 2.004861354827881, 0.9857069253921509  # MSELoss + SGD + backward
LOSSES_EVERY_100 = ["0.0076", "0.0042", "0.0023", "0.0013", "0.0007", "0.0004", "0.0002", "0.0001", "0.0001", "0.0000"]
LOSS_LINES = [f"Epoch [{k}/{EPOCHS}], Loss: {v}" for k, v in zip(range(100, EPOCHS + 1, 100), LOSSES_EVERY_100)]
SHOWN_W, SHOWN_B = f"{MANUAL_W:.6f}", f"{MANUAL_B:.6f}"  # as the dashboard's metrics show them: 2.004861, 0.985708
LOSS_BOUND = 0.11976  # 2 / lambda_max of H = [[15, 5], [5, 2]] on the lecture's data, to 5 digits
