import functools
import os

import torch
from hypothesis import HealthCheck, settings
from streamlit.components.v2 import manifest_scanner

# Every new AppTest scans every installed distribution's metadata for Streamlit's v2 components (0.12 s each here,
# a BidiComponentManager per AppTest since streamlit/streamlit#15488); a server scans once when it starts. Nothing
# is installed while the tests run, so each test process scans once and every AppTest reuses the (empty) answer.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)

torch.set_num_threads(1)
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_collection_modifyitems(session, config, items):
    """The longest tests first: the browser tests (each a few seconds, some a fresh server), then the AppTest pages,
    then the rest. pytest-xdist hands the short tests out last, so both workers finish together instead of one
    waiting on the other's long tail (about a minute here); the order of tests within each group is kept."""
    def weight(item) -> int:
        parts = item.path.parts
        if item.get_closest_marker("slow_first"):  # half a minute or more (a fresh venv, a fresh server): it leads
            return -1
        return 0 if "e2e" in parts else 1 if "app" in parts else 2

    items.sort(key=weight)
