"""`python -m tests.scripted_cli brief ...`: the real command line with the scripted extractor
of tests/store_support.py (claims from the file named by $SUPPLYBRIEF_TEST_CLAIMS)."""

from __future__ import annotations

import os
from pathlib import Path

import service.briefing
from service.__main__ import main
from tests.store_support import SCRIPT_ENV, ScriptedExtractor

if __name__ == "__main__":
    service.briefing.extract_claims = ScriptedExtractor.load(Path(os.environ[SCRIPT_ENV]))  # type: ignore[assignment]
    main()
