"""The desktop workbench (PySide6). Adapts the core; never runs SQL itself."""
