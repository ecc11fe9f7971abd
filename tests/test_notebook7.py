"""Every notebook runs in Notebook 7 as in JupyterLab (test_jupyterlab.py): the same checks, offline.

A file of its own so that pytest-xdist (``--dist loadfile`` in ``make test``) runs it on another worker
than the JupyterLab runs.
"""
from __future__ import annotations

import pytest

from test_jupyterlab import check_notebook, notebook_params


@pytest.mark.parametrize("path", notebook_params())
def test_notebook_runs_in_notebook7_offline(notebook7, notebook7_page, path):
    """The same in Notebook 7 (the same output rendering as JupyterLab 4)."""
    check_notebook(notebook7, notebook7_page, path)
