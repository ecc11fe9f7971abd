#!/usr/bin/env bash
# Refresh the pinned JavaScript the book and the tests use, from the npm registry.
# The book loads only these local copies: no CDN at build or read time.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fetch() {  # fetch NAME@VERSION DEST FILE...
  local pkg=$1 dest=$2; shift 2
  (cd "$tmp" && rm -rf package && npm pack -q "$pkg" >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
  mkdir -p "$dest"
  for f in "$@"; do cp $tmp/package/$f "$dest/"; done  # unquoted: a name may be a glob
  rm -rf "$tmp/package"
}
fetch vega@6.4.0 src/redrev/web/vendor/vega build/vega.min.js LICENSE
fetch vega-lite@6.5.0 src/redrev/web/vendor/vega-lite build/vega-lite.min.js LICENSE
fetch vega-embed@7.3.0 src/redrev/web/vendor/vega-embed build/vega-embed.min.js LICENSE
# Its npm package ships no LICENSE file: src/redrev/web/vendor/html-manager/LICENSE is the Jupyter Widgets BSD-3 text, kept by hand.
# Its icon fonts (Font Awesome, SIL OFL 1.1) sit beside embed.js; woff2 is enough for every current browser.
fetch @jupyter-widgets/html-manager@1.0.15 src/redrev/web/vendor/html-manager dist/embed.js dist/embed.js.LICENSE.txt 'dist/*.woff2'
fetch axe-core@4.14.1 tests/vendor/axe-core axe.min.js LICENSE
# Source-map comments point at files we do not ship; drop them so browsers do not ask for them.
sed -i -E 's~^//# sourceMappingURL=.*$~~' src/redrev/web/vendor/*/*.js
