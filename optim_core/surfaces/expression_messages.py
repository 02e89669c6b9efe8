"""What the typed-surface language says when it refuses a text, in one place.

The parser and the surface raise these reasons (``TEMPLATE.format(...)``);
the GUI translates them where it shows them, a template and its fields apart,
so every reason here is listed in ``TEMPLATES`` or ``FIXED``.
"""

from __future__ import annotations

NOT_TEXT = "the expression must be text, got {kind}"
TOO_LONG = "the expression is {length} characters long; the limit is {limit}"
BAD_CHARACTER = "character {char} is not allowed (use ASCII: x**2, not x²)"
EMPTY = "the expression is empty"
BRACKETS_TOO_DEEP = "brackets nest deeper than {limit}"
TOO_DEEP = "the expression nests deeper than {limit} levels"
SYNTAX = "syntax error: {message}"
NOT_IN_LANGUAGE = "{node} is not part of the language"
NOT_REAL = "the constant {part} is not a real number"
OVERFLOW = "the constant {part} overflows a float"
ONLY_REAL = "{kind} is not allowed; only real numbers"
TOO_LARGE = "the number is too large for a float"
IS_FUNCTION = "{name} is a function: write {name}(…)"
UNKNOWN_NAME = "unknown name {name}; the names are {known}"
UNKNOWN_FUNCTION = "unknown function {name}; the functions are {listed}"
OPERATOR = "operator {op} is not allowed"
ONE_ARGUMENT = "{name} takes 1 argument, got {count}"
TWO_ARGUMENTS = "{name} takes 2 arguments, got {count}"
ONLY_LISTED = "only the listed functions can be called (sin(x), max(x, y))"
KEYWORDS = "keyword arguments are not allowed"
NOT = "'not' is not allowed"
INVERT = "'~' is not allowed"
PARAMETER_NAME = "parameter name {name}: use a letter, then letters, digits or _ (at most 16)"
PARAMETER_TAKEN = "parameter name {name} is taken by the language"
PARAMETER_VALUE = "parameter {name} must be a finite number within ±{limit}, got {value}"
BOUNDS_FORM = "bounds must be ((x0, x1), (y0, y1)), got {bounds}"
BOUNDS_FINITE = "bounds: {axis} must be finite numbers within ±{limit}"
BOUNDS_ORDER = "bounds: {axis} runs from {lo} to {hi}; the first must be smaller"

#: Operators outside the language, by the reason given.
OPERATORS = {
    "BitXor": "'^' is not a power here: write ** (x**2)",
    "FloorDiv": "'//' (floor division) is not allowed",
    "Mod": "'%' is not allowed",
    "MatMult": "'@' is not allowed",
}
#: Syntax outside the language (``ast`` node names), by the reason given.
NODES = {
    "Attribute": "attribute access ('.') is not allowed",
    "Subscript": "indexing with [ ] is not allowed",
    "Lambda": "lambda is not allowed",
    "ListComp": "comprehensions are not allowed", "SetComp": "comprehensions are not allowed",
    "DictComp": "comprehensions are not allowed",
    "GeneratorExp": "comprehensions are not allowed",
    "JoinedStr": "text (strings) is not allowed", "Compare": "comparisons are not allowed",
    "BoolOp": "'and'/'or' are not allowed", "IfExp": "'if … else' is not allowed",
    "NamedExpr": "':=' is not allowed", "Starred": "'*' unpacking is not allowed",
    "Tuple": "tuples (a, b) are not allowed", "List": "lists [ ] are not allowed",
    "Set": "sets { } are not allowed", "Dict": "dictionaries { } are not allowed",
    "Await": "'await' is not allowed", "Yield": "'yield' is not allowed",
    "YieldFrom": "'yield' is not allowed", "Slice": "slices are not allowed",
}

TEMPLATES = (NOT_TEXT, TOO_LONG, BAD_CHARACTER, BRACKETS_TOO_DEEP, TOO_DEEP, SYNTAX,
             NOT_IN_LANGUAGE, NOT_REAL, OVERFLOW, ONLY_REAL, IS_FUNCTION, UNKNOWN_NAME,
             UNKNOWN_FUNCTION, OPERATOR, ONE_ARGUMENT, TWO_ARGUMENTS, PARAMETER_NAME,
             PARAMETER_TAKEN, PARAMETER_VALUE, BOUNDS_FORM, BOUNDS_FINITE, BOUNDS_ORDER)
FIXED = (EMPTY, TOO_LARGE, ONLY_LISTED, KEYWORDS, NOT, INVERT, *OPERATORS.values(),
         *NODES.values())
