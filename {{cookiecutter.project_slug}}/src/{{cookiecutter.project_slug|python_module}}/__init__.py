"""The project's Python package. Replace this example with your own code."""

__version__ = "0.1.0"


def greet(name: str) -> str:
    """Return a friendly greeting."""
    return f"Hello, {name}!"
