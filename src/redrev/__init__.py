"""Shared code of the Red Revolutions in Transcaucasia module: data, model, charts, cards, checks."""
import sys

# altair validates charts with jsonschema, which imports rfc3987_syntax whenever it is installed
# (the lab extras bring it, through jupyter_events); that module compiles a grammar on import,
# 1-8 s per kernel on a 2-core machine, for "iri" format checks altair never makes. Marking it
# absent before altair loads makes jsonschema skip it (an ImportError it expects); only this
# process is affected. Measured by `make bench` (notebook_s).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)

from .checks import check, exercise_ids, progress  # noqa: E402
from .data import DataError, dataset, load  # noqa: E402
from .i18n import get_language, set_language  # noqa: E402
from .renderer import setup  # noqa: E402
from .selfcheck import selfcheck  # noqa: E402

__all__ = ["DataError", "check", "dataset", "exercise_ids", "get_language", "load", "progress", "selfcheck", "set_language", "setup"]
