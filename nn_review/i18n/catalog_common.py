"""Messages shared by every part of the core. Each part keeps its own catalog_<part>.py."""

CATALOG = {
    "common.yes": ("是", "yes"),
    "common.no": ("否", "no"),
    "common.none": ("—", "—"),
}
