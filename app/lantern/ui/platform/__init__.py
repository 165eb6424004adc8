"""The platform room: workarounds and safety for PySide6 and the desktop: the None guard,
the import hook, the background worker, one instance per user, the safety net."""
