"""Print `tracker extract --batch` output for a JSON Lines file, for score.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.extract.batch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
