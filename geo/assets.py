"""The JavaScript and CSS a map page inlines, read at run time from installed xstatic packages.

Maps must open with no network, so Leaflet, jQuery (folium's popups call ``$``) and
Leaflet.markercluster are copied into the page instead of linked from a CDN. The code
itself is never stored in this repository: :func:`read_asset` reads the upstream files
that the ``xstatic-*`` packages ship, and makes them safe to put inside ``<script>`` or
``<style>`` elements.

>>> js = read_asset("leaflet.js")
>>> "L.map" in js or "createMap" in js or "Leaflet" in js
True
>>> "</script" in read_asset("jquery.js").lower()
False
>>> read_asset("leaflet.css").count("url(images/")
0
>>> read_asset("bootstrap.js")
Traceback (most recent call last):
...
geo.errors.UnknownNameError: unknown asset: got 'bootstrap.js'; valid names are jquery.js, leaflet.css, leaflet.js, markercluster.css, markercluster.js
"""

from __future__ import annotations

import base64
import importlib
import re
from pathlib import Path

from geo.errors import DataError, UnknownNameError

__all__ = ["ASSETS", "read_asset", "script_safe", "style_safe"]

#: Asset name -> (xstatic module, files in its data directory, joined in this order).
ASSETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "jquery.js": ("xstatic.pkg.jquery", ("jquery.min.js",)),
    "leaflet.css": ("xstatic.pkg.leaflet", ("leaflet.css",)),
    "leaflet.js": ("xstatic.pkg.leaflet", ("leaflet.js",)),
    "markercluster.css": (
        "xstatic.pkg.leaflet_markercluster",
        ("MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
    "markercluster.js": ("xstatic.pkg.leaflet_markercluster", ("leaflet.markercluster.js",)),
}

# Source-map comments name files the page does not have; drop them so nothing asks for them.
_SOURCE_MAP = re.compile(r"^\s*(//|/\*)#\s*sourceMappingURL=.*$", re.MULTILINE)
# Inside <script>, "</script" ends the element and "<!--" switches the parser into an
# escaped state. In the shipped files these only occur in strings and regex literals,
# where "\x3C" means the same "<".
_SCRIPT_BREAKERS = re.compile(r"<(?=/script|!--|script)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[\w.-]+\.png)\1\)")


def script_safe(code: str) -> str:
    r"""JavaScript source made safe to sit between ``<script>`` and ``</script>``.

    >>> script_safe('var re = /<script|<!--/i; s = "</SCRIPT>";')
    'var re = /\\x3Cscript|\\x3C!--/i; s = "\\x3C/SCRIPT>";'
    """
    return _SCRIPT_BREAKERS.sub(r"\\x3C", code)


def style_safe(css: str) -> str:
    r"""CSS made safe to sit inside ``<style>``: a literal ``</style`` would end the element.

    >>> style_safe('a::after { content: "</style>" }')
    'a::after { content: "\\3C/style>" }'
    """
    return re.sub(r"<(?=/style)", r"\\3C", css, flags=re.IGNORECASE)


def _data_dir(module: str) -> Path:
    try:
        return Path(importlib.import_module(module).BASE_DIR)
    except ImportError as exc:  # the package is a declared dependency, so this is a broken install
        package = "xstatic-" + module.rsplit(".", 1)[-1].replace("_", "-")
        raise DataError(f"cannot inline map code: {package} is not installed (pip install {package})") from exc


def _inline_images(css: str, base: Path) -> str:
    # Leaflet's CSS points at a few small PNGs next to it; embed them as data URIs.
    def repl(match: re.Match[str]) -> str:
        png = (base / match.group(2)).read_bytes()
        return "url(data:image/png;base64," + base64.b64encode(png).decode("ascii") + ")"

    return _CSS_URL.sub(repl, css)


def read_asset(name: str) -> str:
    """The text of one asset (see :data:`ASSETS`), ready to inline into a page.

    Raises :class:`~geo.errors.UnknownNameError` for a name not in :data:`ASSETS` and
    :class:`~geo.errors.DataError` when the package that ships it is not installed.
    """
    if name not in ASSETS:
        raise UnknownNameError("asset", name, sorted(ASSETS))
    module, files = ASSETS[name]
    base = _data_dir(module)
    try:
        text = "\n".join((base / f).read_text(encoding="utf-8") for f in files)
    except OSError as exc:
        raise DataError(f"cannot read {name} from {base}: {exc}") from exc
    text = _SOURCE_MAP.sub("", text)
    if name.endswith(".css"):
        return style_safe(_inline_images(text, base))
    return script_safe(text)
