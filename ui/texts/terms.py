"""One table of terms: each concept's one Korean word (the note's own, where it has one: LECTURE.md, "Words the note
uses") and its English, and the Korean words the app does not use for it. tests/test_texts.py fails when a Korean
text uses one of those."""

from __future__ import annotations

TERMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (English, 한국어, Korean synonyms not used)
    ("gradient", "그래디언트", ("기울기",)),
    ("update", "업데이트", ("갱신",)),
    ("sample", "샘플", ("표본",)),
    ("epoch", "에폭", ("에포크",)),
    ("learning rate", "학습률", ("학습 속도", "러닝 레이트")),
    ("backpropagation", "역전파", ("오차 역전파",)),
    ("forward pass", "순전파", ("정방향 전파",)),
    ("bias", "편향", ("바이어스",)),
    ("weight", "가중치", ("웨이트",)),
    ("activation function", "활성화 함수", ("활성 함수",)),
    ("chain rule", "연쇄 법칙", ("체인 룰", "연쇄법칙")),
    ("true value", "참값", ("정답값", "목표값")),
    ("trainer", "학습기", ("학습 함수",)),
    ("loop", "반복문", ("루프",)),
    ("tuned", "최적화한", ("튜닝된",)),
    ("loss", "손실", ("로스 값",)),
)


def avoided(text: str) -> list[tuple[str, str]]:
    """(synonym, the word to use) for each avoided synonym in ``text``.

    >>> avoided("기울기를 구합니다"), avoided("그래디언트를 구합니다")
    ([('기울기', '그래디언트')], [])
    """
    return [(synonym, korean) for _, korean, synonyms in TERMS for synonym in synonyms if synonym in text]
