"""``python -m geo.data build [--out data/]``: rebuild the bundled gazetteer."""

import sys

from geo.data.build import main

sys.exit(main())
