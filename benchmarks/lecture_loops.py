"""The lecture's two training loops, copied as written (AI Deep Dive ch. 4), as references for the benchmarks.

Only two things differ from the note: the code sits in functions so it can be timed, and ``print`` goes to the
stream the caller passes (the benchmark passes an in-memory one).
"""

import sys

import torch
import torch.nn as nn
import torch.optim as optim


def lecture_manual(epochs=1000, lr=0.01, out=sys.stdout):
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]])
    w = torch.tensor([[0.0]], requires_grad=True)
    b = torch.tensor([[0.0]], requires_grad=True)

    for epoch in range(epochs):
        pred = torch.matmul(x, w) + b
        loss = torch.mean((pred - y) ** 2)

        dw = 2 * torch.matmul(x.T, (pred - y)) / len(x)
        db = 2 * torch.sum(pred - y) / len(x)

        with torch.no_grad():
            w -= lr * dw
            b -= lr * db

        if (epoch + 1) % 100 == 0:
            print(f"Epoch [{epoch + 1}/{epochs}], Loss: {loss.item():.4f}", file=out)
    return w, b


def lecture_autograd(epochs=1000, lr=0.01, out=sys.stdout):
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]])
    w = torch.tensor([[0.0]], requires_grad=True)
    b = torch.tensor([[0.0]], requires_grad=True)

    criterion = nn.MSELoss()
    optimizer = optim.SGD([w, b], lr=lr)

    for epoch in range(epochs):
        pred = torch.matmul(x, w) + b
        loss = criterion(pred, y)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if (epoch + 1) % 100 == 0:
            print(f"Epoch [{epoch + 1}/{epochs}], Loss: {loss.item():.4f}", file=out)
    return w, b
