"""Statistics tables: schema (canonical ids and labels), model (typed cells) and extraction."""

from ..catalogue import TABLE_NAMES
from .model import StatCell, StatTable, Unmapped, Value, parse_value
from .schema import SCHEMAS, Identity, identities, norm, schema

__all__ = [
    "SCHEMAS",
    "TABLE_NAMES",
    "Identity",
    "StatCell",
    "StatTable",
    "Unmapped",
    "Value",
    "identities",
    "norm",
    "parse_value",
    "schema",
]
