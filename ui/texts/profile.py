"""Texts of the Compare page's lecture memory profile (ui/profile_view.py): memory_profiler line by line."""

TEXTS: dict[str, dict[str, str]] = {
    "profile_title": {"en": "The lecture's memory profile (memory_profiler, line by line)",
                      "ko": "강의의 메모리 프로파일 (memory_profiler, 줄 단위)"},
    "profile_intro": {"en": "The lecture measures its two scripts with memory_profiler's `@profile`. Here the note's "
                            "two programs themselves, `main` of bp.py and of bp_pytorch.py as written, run under the "
                            "same line profiler, inside this server. Every line is traced, so it takes a few seconds; "
                            "a result is shared by everyone.",
                      "ko": "강의에서는 두 스크립트를 memory_profiler의 `@profile`로 측정합니다. 여기서는 강의의 두 "
                            "프로그램 그대로, 즉 bp.py와 bp_pytorch.py의 `main`을 같은 줄 단위 프로파일러로 이 서버 "
                            "안에서 실행합니다. 모든 줄을 추적하므로 몇 초 걸리며, 결과는 모든 사용자가 함께 씁니다."},
    "profile_run": {"en": "Profile", "ko": "프로파일 실행"},
    "profile_running": {"en": "Tracing every line: {method} ...", "ko": "모든 줄을 추적하는 중: {method} ..."},
    "profile_result_for": {"en": "Last profile: {epochs} epochs, as the note's programs run them. Highlighted: "
                                 "lines whose Increment reads above 0.0 MiB.",
                           "ko": "마지막 프로파일: 강의의 프로그램대로 {epochs} 에폭. 강조된 줄: Increment가 "
                                 "0.0 MiB보다 큰 줄."},
    "profile_times": {"en": "Run time: traced {traced:.3f} s, untraced {untraced:.3f} s (traced is {ratio:.0f}× "
                            "slower).",
                      "ko": "실행 시간: 추적하면 {traced:.3f}초, 추적 없이 {untraced:.3f}초 (추적하면 {ratio:.0f}배 "
                            "느림)."},
    "profile_bytes": {"en": "Exact tensor bytes one epoch keeps: {total} (parameters {parameters}, gradients "
                            "{gradients}, saved for backward {saved}, optimizer state {optimizer}).",
                      "ko": "한 에폭이 유지하는 정확한 텐서 바이트: {total} (파라미터 {parameters}, 기울기 "
                            "{gradients}, 역전파용 저장 {saved}, 옵티마이저 상태 {optimizer})."},
    "profile_warmup": {"en": "One untraced warm-up run of the program went first and took the one-time costs out of "
                             "the table: RSS +{mib:.1f} MiB then (the first `torch.optim.SGD` in a process imports "
                             "torch._dynamo, about 70 MiB; later ones take nothing).",
                       "ko": "추적 전에 프로그램을 추적 없이 한 번 먼저 실행해 1회성 비용을 표에서 뺐습니다: 그때 RSS "
                             "+{mib:.1f} MiB (프로세스에서 처음 만드는 `torch.optim.SGD`는 torch._dynamo를 불러와 "
                             "약 70 MiB를 쓰고, 그 뒤로는 더 쓰지 않습니다)."},
    "profile_increment": {"en": "**Increment** is how much the resident memory (RSS) of this whole process grew "
                                "while that line ran, added up over all its runs, first-time allocations included. "
                                "On the `def` line memory_profiler counts from zero, so there it shows the whole "
                                "process's memory at the call.",
                          "ko": "**Increment**는 그 줄이 실행되는 동안 이 프로세스 전체의 상주 메모리(RSS)가 늘어난 "
                                "양을 모든 실행에 걸쳐 더한 값이며, 처음 한 번 하는 할당도 포함합니다. `def` 줄에서는 "
                                "memory_profiler가 0부터 세기 때문에 호출 시점의 프로세스 메모리 전체가 나옵니다."},
    "profile_zero": {"en": "Most lines read 0.0 MiB because memory is taken once and reused: each epoch's tensors "
                           "go back to the allocator and the next epoch gets the same memory. RSS also moves in "
                           "pages (4 KiB and up) while these tensors are a few bytes, so they never show; the exact "
                           "bytes are counted under each table.",
                     "ko": "대부분의 줄이 0.0 MiB인 이유는 메모리를 한 번 받아 재사용하기 때문입니다: 매 에폭의 "
                           "텐서는 할당자로 돌아가고 다음 에폭이 같은 메모리를 다시 씁니다. 또 RSS는 페이지 단위"
                           "(4 KiB 이상)로 움직이는데 이 텐서들은 몇 바이트뿐이라 드러나지 않습니다. 정확한 바이트 "
                           "수는 각 표 아래에 적었습니다."},
    "profile_slow": {"en": "The traced run takes many times the real one because every line is traced: "
                           "memory_profiler stops at each line of the loop and of every Python function it calls, "
                           "and reads the process's memory at each line of the loop. Read memory from the table, "
                           "and time from the untraced run.",
                     "ko": "추적한 실행이 실제보다 몇 배나 느린 이유는 모든 줄을 추적하기 때문입니다: "
                           "memory_profiler는 반복문과 그 안에서 부르는 모든 Python 함수의 줄마다 멈추고, 반복문의 "
                           "줄마다 프로세스 메모리를 읽습니다. 메모리는 표에서, 시간은 추적하지 않은 실행에서 "
                           "읽으세요."},
    "profile_occurrences": {"en": "**Occurrences** is how many times a line ran: 1 outside the loop, epochs + 1 for "
                                  "the `for` line (the last check ends the loop), epochs for the body, twice that "
                                  "for the `with` line (Python reports it again when the block exits), and "
                                  "epochs // 100 for the `print` in the loop.",
                            "ko": "**Occurrences**는 그 줄이 실행된 횟수입니다: 반복문 밖은 1, `for` 줄은 에폭 수 + 1 "
                                  "(마지막 검사에서 반복이 끝남), 반복문 본문은 에폭 수, `with` 줄은 그 두 배 (블록을 "
                                  "나갈 때 Python이 한 번 더 알림), 반복문 안의 `print` 줄은 에폭 수 // 100입니다."},
    "profile_shared": {"en": "RSS belongs to the whole server: while other learners train, their allocations can "
                             "land in these rows.",
                       "ko": "RSS는 서버 전체의 값입니다: 다른 학습자가 동시에 학습하면 그 할당이 이 표의 줄에 "
                             "섞일 수 있습니다."},
    "profile_error": {"en": "The profile could not be made ({error}). Try again.",
                      "ko": "프로파일을 만들지 못했습니다 ({error}). 다시 시도해 보세요."},
}
