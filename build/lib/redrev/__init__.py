"""Shared code of the Red Revolutions in Transcaucasia module: data, model, charts, cards, checks."""
from .data import DataError, dataset, load
from .renderer import setup

__all__ = ["DataError", "dataset", "load", "setup"]
