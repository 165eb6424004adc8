"""The window room: the main window, its actions and menus, loading, navigation, state,
appearance, printing and index progress."""
