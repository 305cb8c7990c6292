"""The store's refusal: a plain exception with a Chinese message (no SQLAlchemy here, so the
expert side can share it through the format errors without loading the store)."""


class StoreError(RuntimeError):
    pass
