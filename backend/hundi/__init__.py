"""Hundi: invoice financing for India's small and medium enterprises."""

__version__ = "0.1.0"
