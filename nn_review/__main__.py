"""``python -m nn_review``: the same as the ``nn-review`` console script."""

import sys

from .cli import main

sys.exit(main())
