"""Guide catalogs (申报指南) as validated data."""

from .catalog import Guide, GuideError, Item, Direction, Requirement, PlanType, load_guide, parse_guide, builtin_guide_files

__all__ = ["Guide", "GuideError", "Item", "Direction", "Requirement", "PlanType",
           "load_guide", "parse_guide", "builtin_guide_files"]
