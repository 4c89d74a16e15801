"""The lecture's second program, bp_pytorch.py: the same fit with autograd (MSELoss, SGD, backward).

Statement for statement as the note writes it (../shared/LECTURE.md); the comments are ours. As in bp.py, the
``@profile`` decorator and the script-level timing are applied from outside; importing this module runs nothing.
"""

import time

import torch


def main():
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]], dtype=torch.float32)  # inputs, (4, 1)
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]], dtype=torch.float32)  # true values, y = 2x + 1
    w = torch.tensor([[0.0]], requires_grad=True, dtype=torch.float32)  # autograd tracks w and b
    b = torch.tensor([[0.0]], requires_grad=True, dtype=torch.float32)
    learning_rate = 0.01

    loss_fn = torch.nn.MSELoss()
    optimizer = torch.optim.SGD([w, b], lr=learning_rate)  # the note calls it 확률적 경사 하강법; here full batch
    num_epochs = 1000
    for epoch in range(num_epochs):
        predictions = x.mm(w) + b  # forward: the estimates
        loss = loss_fn(predictions, y)  # MSE
        optimizer.zero_grad()  # clear the previous epoch's .grad
        loss.backward()  # backward: dL/dw and dL/db into w.grad and b.grad
        optimizer.step()  # the update: p <- p - lr * p.grad
        if (epoch + 1) % 100 == 0:
            print(f'Epoch [{epoch + 1}/{num_epochs}], Loss: {loss.item():.4f}')
    print("최종 학습된 가중치 w:", w.item())
    print("최종 학습된 편향 b:", b.item())


if __name__ == "__main__":
    start_time = time.time()
    main()
    execution_time = time.time() - start_time
    print(f"코드 실행 시간: {execution_time:.4f} 초")
