"""The secretary's store: one folder with an SQLite database and content-addressed blobs."""

from .db import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
