"""Sphinx extension for the book: offline, accessible pages, and the data download.

* Jupyter Book always loads sphinx-thebe, which declares ``const THEBE_JS_URL`` twice on every
  page (a JavaScript error) and names a CDN. This book has no thebe (``launch_buttons.thebe:
  false``), so its scripts are dropped from every page.
* ``redrev.css`` styles the source cards, chart figures and self-checks, and raises the contrast of
  the ipywidgets tab labels.
* Accessibility (WCAG 2.1 AA, checked by axe-core in ``tests/test_accessibility.py``):
  ``templates/`` overrides two theme buttons whose accessible name did not contain their visible
  text (``label-content-name-mismatch``); in page bodies, the bibliography's deprecated ARIA role
  ``doc-biblioentry`` (which also broke the required ``list`` > ``listitem`` structure) becomes
  ``listitem`` (``ARIA_FIXES``).
* Valid HTML (the Nu HTML checker): fixes of upstream markup live in :mod:`redrev.htmlfix`.
* Downloads: at the end of an HTML build, ``downloads/red-revolutions-data.zip`` holds every file
  of ``data/`` (the CSV tables, ``datapackage.json`` and the codebook ``README.md``) and the data
  licence. The footer of every page links to it, and a page can link to it with the role
  ``{download-data}`Download the data```. Chapter notebooks are downloaded with the theme's
  download button (``_sources/...ipynb``).
* Print: the build sets ``REDREV_STATIC_CHARTS=1`` for the notebooks it runs, so each chart also
  carries a static SVG (:mod:`redrev.static_charts`). The download menu's ".pdf" entry links the
  page's PDF, which ``make pdf`` writes (:mod:`redrev.printing`), in place of the print dialog.
"""
from __future__ import annotations

import io
import os
import posixpath
import zipfile
from pathlib import Path

from docutils import nodes

from . import editions, launch, printing, static_charts, translation

HERE = Path(__file__).resolve().parent
WEB = HERE / "web"
TEMPLATES = HERE / "templates"
DATA_ZIP = "downloads/red-revolutions-data.zip"
ZIP_FOLDER = "red-revolutions-data"
ZIP_EXTRA = ("LICENSE-CC-BY-4.0.md",)   # files of the book root that travel with the data


def _filename(asset) -> str:
    # Sphinx >= 7.2 passes _JavaScript/_CascadingStyleSheet objects (str() is their repr), older a str.
    return str(getattr(asset, "filename", asset) or "")


def _is_thebe(script) -> bool:
    body = script.attributes.get("body", "") if hasattr(script, "attributes") else ""
    return _filename(script).endswith("sphinx-thebe.js") or "THEBE_JS_URL" in body


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe(s)]
    if "css_files" in context:
        context["css_files"] = [c for c in context["css_files"] if not _filename(c).endswith("sphinx-thebe.css")]


# Deprecated or invalid ARIA that docutils writes into page bodies, and its replacement.
ARIA_FIXES = {
    # DPUB-ARIA 1.1 deprecates doc-biblioentry; inside docutils' role="list" it must be a listitem.
    'role="doc-biblioentry"': 'role="listitem"',
}


def fix_aria(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body:
        for old, new in ARIA_FIXES.items():
            body = body.replace(old, new)
        context["body"] = body


def add_download_context(app, pagename, templatename, context, doctree) -> None:
    data = getattr(app, "redrev_data_zip", None)
    context["redrev_data_zip"] = DATA_ZIP if data else ""


def data_zip_bytes(root: Path) -> bytes:
    """The data package as a zip with fixed timestamps (the same bytes for the same files)."""
    files = sorted(p for p in (root / "data").iterdir() if p.is_file() and not p.name.startswith("."))
    files += [root / name for name in ZIP_EXTRA if (root / name).is_file()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def prepare_download(app) -> None:
    root = Path(app.srcdir)
    app.redrev_data_zip = data_zip_bytes(root) if (root / "data").is_dir() else None


def write_download(app, exception) -> None:
    data = getattr(app, "redrev_data_zip", None)
    if exception is not None or data is None or app.builder.format != "html":
        return
    target = Path(app.outdir) / DATA_ZIP
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def download_data_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{download-data}`link text``: a link to the data zip, relative to the current page."""
    env = inliner.document.settings.env
    uri = posixpath.relpath(DATA_ZIP, posixpath.dirname(env.docname) or ".")
    node = nodes.reference(rawtext, text or "Download the data (zip)", refuri=uri,
                           classes=["redrev-download"])
    return [node], []


def draw_static_charts(app, config) -> None:
    os.environ[static_charts.ENV] = "1"   # read by the renderer in the kernels the build starts


def link_pdf(app, pagename, templatename, context, doctree) -> None:
    if doctree is None:
        return   # search, index: no PDF of their own
    for group in context.get("header_buttons") or []:
        for i, button in enumerate(group.get("buttons") or []):
            if button.get("label") == "download-pdf-button":
                group["buttons"][i] = {"type": "link", "text": button["text"], "icon": button["icon"],
                                       "label": button["label"], "tooltip": "Download this page as PDF",
                                       "url": context["pathto"](printing.site_path(pagename), 1)}


def add_static(app) -> None:
    app.config.html_static_path.append(str(WEB / "static"))


def add_templates(app, config) -> None:
    # First in the search path, so these win over the themes' own components of the same name.
    config.templates_path.insert(0, str(TEMPLATES))


def setup(app):
    app.setup_extension("redrev.htmlfix")
    app.setup_extension("redrev.finder_ext")   # the document finder and self-check progress
    app.connect("config-inited", add_templates)
    app.connect("config-inited", draw_static_charts)
    app.connect("builder-inited", add_static)
    app.connect("builder-inited", prepare_download)
    app.add_css_file("redrev.css")
    app.add_role("download-data", download_data_role)
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("html-page-context", fix_aria, priority=900)
    app.connect("html-page-context", add_download_context)
    app.connect("html-page-context", link_pdf, priority=600)   # after the theme's buttons (501)
    app.connect("build-finished", write_download)
    app.connect("builder-inited", launch.report_fork_notice)
    translation.setup(app)
    editions.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
