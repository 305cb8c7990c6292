"""``python -m nn_review.cli``: the same as the ``nn-review`` console script."""

import sys

from . import main

sys.exit(main())
