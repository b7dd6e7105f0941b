"""`record`: the decorator of the pipeline's internal value types (blocks, containers, features, decisions).

A page makes about a thousand of them. A frozen dataclass sets each field through
`object.__setattr__`, which made building them some 6% of an extraction; these are plain slots
dataclasses at run time, and frozen to the type checker: `mypy --strict` (run in CI) rejects
any assignment to their fields, so no code changes one after it is built. They hash by value, as
frozen dataclasses do. The public types (`articlex.model`) are frozen pydantic models.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

_Class = TypeVar("_Class")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
    def record(cls: type[_Class]) -> type[_Class]:
        """A value type: slots, compared and hashed by value, read-only to the type checker."""

else:

    def record(cls: type[Any]) -> type[Any]:
        """A value type: slots, compared and hashed by value, read-only to the type checker."""
        return dataclasses.dataclass(slots=True, unsafe_hash=True)(cls)
