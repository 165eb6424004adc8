"""The kiosk room: the policy handed to the window, the controller (idle clock, reset,
PIN exit) and the touch widgets (countdown, PIN dialog, on-screen keyboard)."""
