"""SafeSteps: safeguarding-checklist decision support."""

__version__ = "0.1.0"
