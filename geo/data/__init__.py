"""The gazetteer's build tool (``python -m geo.data build``); nothing here runs at run time.

The runtime reads only the artifacts in ``data/`` (see :mod:`geo.gazetteer`); the build
module and its source packages are imported only when you run the build.
"""

__all__: list[str] = []
