"""Reading response headers in tests."""


def vary(response) -> set[str]:
    """The header names a response varies by, lower-cased."""
    return {header.strip().lower() for header in response.get("Vary", "").split(",") if header}
