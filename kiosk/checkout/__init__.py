"""The sale as a state machine, and the steps that drive it. Plain Python, no Qt: testable without a screen."""
