"""Entry point of the bundled program (PyInstaller): the same ``nn-review`` as the console script."""

import sys

from nn_review.cli import main

if __name__ == "__main__":
    sys.exit(main())
