"""Shared code of the Red Revolutions in Transcaucasia module: data, model, charts, cards, checks."""
from .data import DataError, dataset, load
from .renderer import setup
from .checks import check, exercise_ids, progress
from .selfcheck import selfcheck

__all__ = ["DataError", "dataset", "load", "setup"]
__all__ += ["check", "exercise_ids", "progress", "selfcheck"]
