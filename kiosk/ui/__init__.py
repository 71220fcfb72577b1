"""Qt lives here and only here: the window, the screens, the workers' threads."""
