"""Extraction records to JSON and back, checked against their types on the way back.

Only the dataclasses of :mod:`histkg.model` (and :class:`~histkg.errors.CodedWarning`) are
written and read; a value of any other shape is refused with :class:`CodecError`, so bytes
from a cache are never trusted to build arbitrary objects (no pickle). The mutable records
(a tenure's ``started_by`` is one of its extraction's events, resolution compares them by
identity) are written once and referred to after: ``{"$ref": n}``, the ``n``-th record
written; reading gives the same sharing back.

>>> from histkg.model import Span, Mention
>>> m = Mention("person", "A B", Span("doc", 0, 3))
>>> decode(encode([m, m]), list[Mention]) == [m, m]
True
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from histkg import model
from histkg.errors import CodedWarning

#: the classes a document's results are made of, by name
CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        model.Date,
        model.Span,
        model.Mention,
        model.OfficeRef,
        model.TenureRecord,
        model.EventRecord,
        model.OrgFacts,
        model.WorkRecord,
        model.Extraction,
        CodedWarning,
    )
}
#: fields not written (the article of an extraction is the one it was read from)
SKIPPED = {("Extraction", "article")}


class CodecError(ValueError):
    """Bytes that are not the JSON of the records they claim to be."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model) | {"CodedWarning": CodedWarning})


def encode(value: Any) -> Any:
    """``value`` (records, lists, tuples, str, int, bool, None) as JSON-ready data."""
    return _Encoder().encode(value)


def decode(data: Any, kind: Any, **given: Any) -> Any:
    """The value of type ``kind`` that :func:`encode` made ``data`` of; ``given`` fills the
    fields that are not written (``article=``).

    Raises:
        CodecError: ``data`` does not have the shape of ``kind``.
    """
    return _Decoder(given).decode(data, kind)


class _Encoder:
    def __init__(self) -> None:
        self.seen: dict[int, int] = {}
        self.keep: list[Any] = []  # holds what ``seen`` refers to while encoding

    def encode(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | int | str):
            return value
        if isinstance(value, list | tuple):
            return [self.encode(v) for v in value]
        name = type(value).__name__
        if dataclasses.is_dataclass(value) and CLASSES.get(name) is type(value):
            if id(value) in self.seen:
                return {"$ref": self.seen[id(value)]}
            self.seen[id(value)] = len(self.seen)
            self.keep.append(value)
            out: dict[str, Any] = {}
            for f in dataclasses.fields(value):
                if (name, f.name) not in SKIPPED:
                    out[f.name] = self.encode(getattr(value, f.name))
            return out
        raise CodecError(f"cannot write a {name}")


class _Decoder:
    def __init__(self, given: dict[str, Any]) -> None:
        self.given = given
        self.made: list[Any] = []

    def decode(self, data: Any, kind: Any) -> Any:
        origin = typing.get_origin(kind)
        if origin in (typing.Union, types.UnionType):
            options = typing.get_args(kind)
            if data is None and type(None) in options:
                return None
            for option in options:
                if option is type(None):
                    continue
                made = len(self.made)
                try:
                    return self.decode(data, option)
                except CodecError:
                    del self.made[made:]
            raise CodecError(f"{data!r:.40} is none of {kind}")
        if origin is list:
            (item,) = typing.get_args(kind)
            return [self.decode(v, item) for v in self._list(data)]
        if origin is tuple:
            args = typing.get_args(kind)
            items = self._list(data)
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(self.decode(v, args[0]) for v in items)
            if len(items) != len(args):
                raise CodecError(f"expected {len(args)} items, found {len(items)}")
            return tuple(self.decode(v, a) for v, a in zip(items, args, strict=True))
        if kind is str or kind is bool:
            if type(data) is not kind:
                raise CodecError(f"expected {kind.__name__}, found {data!r:.40}")
            return data
        if kind is int:
            if type(data) is not int:
                raise CodecError(f"expected an integer, found {data!r:.40}")
            return data
        if kind is Path and isinstance(data, str):
            return Path(data)
        if isinstance(kind, type) and CLASSES.get(kind.__name__) is kind:
            return self._record(data, kind)
        raise CodecError(f"cannot read a {kind}")

    def _list(self, data: Any) -> list[Any]:
        if not isinstance(data, list):
            raise CodecError(f"expected a list, found {data!r:.40}")
        return data

    def _record(self, data: Any, cls: type) -> Any:
        if not isinstance(data, dict):
            raise CodecError(f"expected a {cls.__name__}, found {data!r:.40}")
        if "$ref" in data:
            ref = data["$ref"]
            if type(ref) is not int or not 0 <= ref < len(self.made):
                raise CodecError(f"a reference to no record: {ref!r:.20}")
            if not isinstance(self.made[ref], cls):
                raise CodecError(f"record {ref} is not a {cls.__name__}")
            return self.made[ref]
        slot = len(self.made)
        self.made.append(None)
        hints = _hints(cls)
        fields = {f.name for f in dataclasses.fields(cls) if (cls.__name__, f.name) not in SKIPPED}
        if set(data) != fields:
            raise CodecError(f"a {cls.__name__} with the fields {sorted(data)}")
        values = {}
        for f in dataclasses.fields(cls):  # in the order they were written
            if f.name in fields:
                values[f.name] = self.decode(data[f.name], hints[f.name])
            else:
                if f.name not in self.given:
                    raise CodecError(f"no value for {cls.__name__}.{f.name}")
                values[f.name] = self.given[f.name]
        try:
            record = cls(**values)
        except (TypeError, ValueError) as exc:
            raise CodecError(f"not a {cls.__name__}: {exc}") from None
        self.made[slot] = record
        return record
