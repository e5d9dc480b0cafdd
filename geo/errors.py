"""The errors geo raises: one base class, a few subclasses that also subclass a builtin.

Catching :class:`GeoError` catches everything geo raises on purpose; catching the
builtin (``ValueError``, ``FileNotFoundError``, ``LookupError``) works too.
"""

__all__ = ["GeoError", "InputError", "DataError", "NotFoundError", "UnknownNameError"]


class GeoError(Exception):
    """Base class of every error geo raises on purpose."""


class InputError(GeoError, ValueError):
    """The caller's input (text, file, option value) cannot be used."""


class DataError(GeoError, RuntimeError):
    """The bundled gazetteer in ``data/`` is missing, damaged or could not be indexed."""


class NotFoundError(GeoError, LookupError):
    """A place id or name is not in the gazetteer."""


class UnknownNameError(GeoError, KeyError):
    """A name picked from a registry (a format, a writer) is not one of the valid names.

    The message lists the valid names.
    """

    def __init__(self, what: str, value: object, valid: "list[str] | tuple[str, ...]"):
        self.what, self.value, self.valid = what, value, tuple(valid)
        super().__init__(f"unknown {what}: got {value!r}; valid names are {', '.join(self.valid)}")

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return self.args[0]
