"""The lecture's first program, bp.py: y = 2x + 1 fitted with the gradient derived by hand.

Statement for statement as the note writes it (../shared/LECTURE.md); the comments are ours. The note decorates
``main`` with memory_profiler's ``@profile`` and times the whole script from module level; both are applied from
outside here (``bp_core.lecture.run_program``, ``bp_core.measure.lecture_profile``), so importing this module runs
nothing. ``python -m bp_core.lecture.bp`` runs it as a script, timed as the note times it.
"""

import time

import torch


def main():
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]], dtype=torch.float32)  # inputs, (4, 1)
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]], dtype=torch.float32)  # true values, y = 2x + 1
    # requires_grad although nothing calls backward: every forward pass below still records a graph
    w = torch.tensor([[0.0]], requires_grad=True, dtype=torch.float32)
    b = torch.tensor([[0.0]], requires_grad=True, dtype=torch.float32)
    learning_rate = 0.01

    num_epochs = 1000
    for epoch in range(num_epochs):
        predictions = x.mm(w) + b  # forward: the estimates
        loss = ((predictions - y) ** 2).mean()  # MSE
        dw = 2 * x.t().mm(predictions - y) / x.size(0)  # dL/dw, derived by hand
        db = 2 * (predictions - y).sum() / x.size(0)  # dL/db, derived by hand
        with torch.no_grad():  # the update itself is not part of the model
            w -= learning_rate * dw
            b -= learning_rate * db
        if (epoch + 1) % 100 == 0:  # the loss of this epoch's forward pass, before its update
            print(f'Epoch [{epoch + 1}/{num_epochs}], Loss: {loss.item():.4f}')
    print("최종 학습된 가중치 w:", w.item())
    print("최종 학습된 편향 b:", b.item())


if __name__ == "__main__":
    start_time = time.time()
    main()
    execution_time = time.time() - start_time
    print(f"코드 실행 시간: {execution_time:.4f} 초")
