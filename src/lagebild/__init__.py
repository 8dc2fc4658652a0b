"""lagebild: a situation picture from noisy multi-outlet news."""

__version__ = "0.1.0"
