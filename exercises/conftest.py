"""pytest (nbval) set-up for the exercise notebooks.

The notebooks' kernels import ``redrev`` from this checkout's ``src`` (as ``make`` does through
PYTHONPATH), and keep progress in memory only, so that running the tests writes no file.
"""
import os
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
os.environ["PYTHONPATH"] = os.pathsep.join([SRC, *filter(None, [os.environ.get("PYTHONPATH")])])
os.environ["REDREV_PROGRESS"] = "off"
