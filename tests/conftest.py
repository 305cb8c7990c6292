import os

# Qt tests run headless unless a display is explicitly wanted.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NN_REVIEW_ACTOR", "test-secretary")
