"""Launch links for a chapter (Binder, your own JupyterHub through nbgitpuller, Colab).

Everything is derived from ``_config.yml`` (``repository.url``, ``repository.branch`` and
``launch_buttons``), in the same form as the launch buttons at the top of each page, so that
a fork only changes the configuration.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode, urlparse

import yaml

INTERFACES = {"classic": "tree", "jupyterlab": "lab/tree"}
# The module's own repository: a fork that still builds with it has launch buttons into this one.
PROJECT_REPOSITORY = "https://github.com/redrev-module/red-revolutions-transcaucasia"


def config(path: str | Path | None = None) -> dict:
    """The book's ``_config.yml`` (the nearest one above the current folder, or ``path``)."""
    if path is None:
        for folder in [Path.cwd(), *Path.cwd().parents]:
            if (folder / "_config.yml").is_file():
                path = folder / "_config.yml"
                break
        else:
            raise FileNotFoundError("No _config.yml found above the current folder.")
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def links(notebook: str, cfg: dict) -> dict[str, str]:
    """Binder, JupyterHub (nbgitpuller) and Colab links for ``notebook`` (a path in the repository)."""
    repo_url = cfg["repository"]["url"].rstrip("/")
    branch = cfg["repository"].get("branch", "main")
    buttons = cfg.get("launch_buttons", {})
    ui = INTERFACES[buttons.get("notebook_interface", "classic")]
    parts = urlparse(repo_url).path.strip("/").split("/")
    org, repo = parts[0], parts[1]
    found = {}
    if buttons.get("binderhub_url"):
        found["Binder"] = (f"{buttons['binderhub_url'].rstrip('/')}/v2/gh/{org}/{repo}/{branch}"
                           f"?urlpath={ui}/{notebook}")
    if buttons.get("jupyterhub_url"):
        query = urlencode({"repo": repo_url, "urlpath": f"{ui}/{repo}/{notebook}", "branch": branch}, safe="/")
        found["JupyterHub"] = f"{buttons['jupyterhub_url'].rstrip('/')}/hub/user-redirect/git-pull?{query}"
    if buttons.get("colab_url"):
        found["Colab"] = f"{buttons['colab_url'].rstrip('/')}/github/{org}/{repo}/blob/{branch}/{notebook}"
    return found


def colab_setup(cfg: dict) -> str:
    """The commands a Colab session needs first: fetch the repository (data included) and install it."""
    repo_url = cfg["repository"]["url"].rstrip("/")
    branch = cfg["repository"].get("branch", "main")
    name = urlparse(repo_url).path.strip("/").split("/")[1]
    return (f"!git clone --depth 1 --branch {branch} {repo_url}\n"
            f"%cd {name}\n"
            "!pip install --quiet .")


def fork_notice(repository_url: str | None) -> str | None:
    """What a build says while ``repository.url`` is still the module's own (None once it is changed)."""
    if (repository_url or "").rstrip("/") != PROJECT_REPOSITORY:
        return None
    return (f"repository.url in _config.yml is the module's own repository ({PROJECT_REPOSITORY}). "
            "In a fork, set it (and repository.branch) to your repository first: every launch button "
            "(Binder, JupyterHub, Colab) and the repository button are made from it "
            "(README.md, 'Forking: first step').")


def report_fork_notice(app) -> None:
    """Sphinx ``builder-inited``: log :func:`fork_notice` as information (a strict build does not fail on it)."""
    from sphinx.util import logging

    notice = fork_notice(app.config.html_theme_options.get("repository_url"))
    if notice:
        logging.getLogger(__name__).info(f"redrev: {notice}")
