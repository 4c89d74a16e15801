"""Texts of the app's frame (dashboard.py): the language switch and the page titles in the navigation."""

TEXTS: dict[str, dict[str, str]] = {
    "language": {"en": "Language / 언어", "ko": "언어 / Language"},
    "page_backward": {"en": "The backward pass, step by step", "ko": "역전파, 한 단계씩"},
    "page_example": {"en": "The extra example, run here", "ko": "추가 예제, 여기서 실행"},
    "page_compare": {"en": "Compare: by hand vs autograd", "ko": "비교: 직접 미분 vs 자동 미분"},
    "page_chain_rule": {"en": "Chain rule, path by path", "ko": "연쇄 법칙, 경로별로"},
    "page_step": {"en": "One step by hand", "ko": "학습 한 단계, 직접 계산"},
    "page_check": {"en": "Gradient check", "ko": "그래디언트 검증"},
    "page_sweep": {"en": "Learning rate", "ko": "학습률"},
    "page_scaling": {"en": "Scaling", "ko": "크기 늘리기"},
    "page_glossary": {"en": "Glossary", "ko": "용어집"},
}
