"""Secretary operations. The CLI and the Qt UI both call these; no business logic lives elsewhere."""
