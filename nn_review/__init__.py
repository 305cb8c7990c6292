"""nn_review — offline expert review for the Nanning S&T plan (domain core, no Qt)."""

__version__ = "0.1.0"
