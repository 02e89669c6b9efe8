"""The typed-surface language: a whitelist over Python's ``ast``, nothing executed.

The text is read with ``ast.parse(mode="eval")`` (which only builds a
syntax tree) and every node is checked against the language:

    numbers · x · y · named parameters · pi · e
    + − * / ** and unary ± · parentheses
    sin cos tan exp log sqrt abs tanh sinh cosh arctan (one argument), min max (two)

Anything else — attribute access, other names, calls of other names,
lambdas, comprehensions, strings, subscripts, keyword arguments, … — is an
``ExpressionError`` (a ValueError) giving the reason and the column (1-based).
Work is bounded before any of it is done: the text is at most
``MAX_LENGTH`` characters, brackets and the tree nest at most ``MAX_DEPTH``
deep, and constant parts are folded in float64, so 9**9**9 is refused as
an overflow instead of being computed as an integer.
"""

from __future__ import annotations

import ast
import keyword
import math
import re
import warnings
from typing import NamedTuple

from optim_core.surfaces import expression_messages as m
from optim_core.surfaces.expression_graph import FUNCTIONS, FUNCTIONS2, Graph

MAX_LENGTH = 400
MAX_DEPTH = 64
CONSTANTS = {"pi": math.pi, "e": math.e}
VARIABLES = ("x", "y")
RESERVED = frozenset(VARIABLES) | set(CONSTANTS) | set(FUNCTIONS) | set(FUNCTIONS2)
PARAMETER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,15}$")
#: Look-alike characters from slides and word processors, read as their ASCII twins.
_TWINS = str.maketrans({"−": "-", "×": "*", "·": "*", "÷": "/"})
_OPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
_REFUSED_OPS = {getattr(ast, name): reason for name, reason in m.OPERATORS.items()}
_REFUSED = {getattr(ast, name): reason for name, reason in m.NODES.items()}


class ExpressionError(ValueError):
    """Text outside the language: ``reason`` at ``column`` (1-based)."""

    def __init__(self, reason: str, column: int):
        self.reason, self.column = reason, column
        super().__init__(f"column {column}: {reason}")


class Parsed(NamedTuple):
    """``root`` is f's node in ``graph``; variable k is x, y, then ``params[k − 2]``."""

    graph: Graph
    root: int
    params: tuple[str, ...]
    text: str


def check_parameter_name(name: str) -> None:
    """Raise ValueError unless ``name`` can be a parameter (a, b2, width …)."""
    if not isinstance(name, str) or not PARAMETER_NAME.match(name):
        raise ValueError(m.PARAMETER_NAME.format(name=repr(name)))
    if name in RESERVED or keyword.iskeyword(name):
        raise ValueError(m.PARAMETER_TAKEN.format(name=repr(name)))


def free_names(text: str) -> list[str]:
    """The names ``text`` uses that could be parameters (not x, y, pi, e or a
    function), in order of first use; [] where the text is not readable. A
    dialog offers a slider for each."""
    try:
        tree = _syntax_tree(_checked_text(text).lstrip())
        _check_depth(tree.body)
    except (ExpressionError, SyntaxError):
        return []
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    names = sorted((n.col_offset, n.id) for n in ast.walk(tree)
                   if isinstance(n, ast.Name) and id(n) not in called)
    out: list[str] = []
    for _col, name in names:
        if name not in out and name not in RESERVED and PARAMETER_NAME.match(name) \
                and not keyword.iskeyword(name):
            out.append(name)
    return out


def parse(text: str, params: tuple[str, ...] = ()) -> Parsed:
    """Read ``text`` as an expression in x, y and ``params`` into an expression graph."""
    for name in params:
        check_parameter_name(name)
    text = _checked_text(text)
    body = text.lstrip()  # Python reads leading blanks as an indent
    lead = len(text) - len(body)
    try:
        tree = _syntax_tree(body)
    except SyntaxError as e:
        raise ExpressionError(m.SYNTAX.format(message=e.msg), lead + (e.offset or 1)) from None
    try:
        _check_depth(tree.body)
        graph = Graph()
        variables = {n: k for k, n in enumerate(VARIABLES + tuple(params))}
        root = _Builder(graph, body, variables).node(tree.body)
    except ExpressionError as e:
        raise ExpressionError(e.reason, e.column + lead) from None
    return Parsed(graph, root, tuple(params), text)


def _checked_text(text: str) -> str:
    if not isinstance(text, str):
        raise ExpressionError(m.NOT_TEXT.format(kind=type(text).__name__), 1)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(m.TOO_LONG.format(length=len(text), limit=MAX_LENGTH),
                              MAX_LENGTH + 1)
    text = text.translate(_TWINS)
    for i, ch in enumerate(text):
        if not (ch.isascii() and (ch.isprintable() or ch == "\t")):
            raise ExpressionError(m.BAD_CHARACTER.format(char=repr(ch)), i + 1)
    if not text.strip():
        raise ExpressionError(m.EMPTY, 1)
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch in "([{") - (ch in ")]}")
        if depth > MAX_DEPTH:
            raise ExpressionError(m.BRACKETS_TOO_DEEP.format(limit=MAX_DEPTH), i + 1)
    return text


def _syntax_tree(body: str) -> ast.Expression:
    """``ast.parse`` with its warnings ("invalid decimal literal" for 1if …) as
    syntax errors: nothing is printed, the user is told where."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return ast.parse(body, mode="eval")


def _check_depth(root: ast.AST) -> None:
    """Refuse nesting deeper than MAX_DEPTH (iteratively: no recursion before the
    check). The left operand of a binary operator does not nest: a + b + c + …
    is a chain, which the builder walks in a loop."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(m.TOO_DEEP.format(limit=MAX_DEPTH), _column(node))
        for child in ast.iter_child_nodes(node):
            chained = isinstance(node, ast.BinOp) and child is node.left
            stack.append((child, depth if chained else depth + 1))


def _column(node: ast.AST) -> int:
    return getattr(node, "col_offset", 0) + 1


class _Builder:
    """Turns checked ``ast`` nodes into graph nodes (recursion bounded by MAX_DEPTH)."""

    def __init__(self, graph: Graph, text: str, variables: dict[str, int]):
        self.graph, self.text, self.variables = graph, text, variables

    def node(self, n: ast.AST) -> int:
        if type(n) in _REFUSED:
            raise ExpressionError(_REFUSED[type(n)], _column(n))
        handler = {ast.Constant: self._constant, ast.Name: self._name, ast.BinOp: self._binop,
                   ast.UnaryOp: self._unary, ast.Call: self._call}.get(type(n))
        if handler is None:
            raise ExpressionError(m.NOT_IN_LANGUAGE.format(node=type(n).__name__), _column(n))
        return self._finite(handler(n), n)

    def _finite(self, node: int, n: ast.AST) -> int:
        """A constant part must be a finite float (9**9**9, 1/0 and (-8)**(1/3) are not)."""
        value = self.graph.constant_value(node)
        if value is not None and not math.isfinite(value):
            part = ast.get_source_segment(self.text, n) or "a constant"
            reason = m.NOT_REAL if math.isnan(value) else m.OVERFLOW
            raise ExpressionError(reason.format(part=part[:40]), _column(n))
        return node

    def _constant(self, n: ast.Constant) -> int:
        v = n.value
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            what = "text (strings)" if isinstance(v, (str, bytes)) else f"{type(v).__name__}"
            raise ExpressionError(m.ONLY_REAL.format(kind=what), _column(n))
        try:
            return self.graph.const(float(v))
        except OverflowError:
            raise ExpressionError(m.TOO_LARGE, _column(n)) from None

    def _name(self, n: ast.Name) -> int:
        if n.id in self.variables:
            return self.graph.var(self.variables[n.id])
        if n.id in CONSTANTS:
            return self.graph.const(CONSTANTS[n.id])
        if n.id in FUNCTIONS or n.id in FUNCTIONS2:
            raise ExpressionError(m.IS_FUNCTION.format(name=n.id), _column(n))
        known = ", ".join(list(self.variables) + list(CONSTANTS))
        raise ExpressionError(m.UNKNOWN_NAME.format(name=repr(n.id), known=known), _column(n))

    def _binop(self, n: ast.BinOp) -> int:
        """A chain a ∘ b ∘ c … (left-nested) in a loop, innermost first."""
        chain = [n]
        while isinstance(chain[-1].left, ast.BinOp):
            chain.append(chain[-1].left)
        node = self.node(chain[-1].left)
        for link in reversed(chain):
            op = _OPS.get(type(link.op))
            if op is None:
                reason = _REFUSED_OPS.get(type(link.op),
                                          m.OPERATOR.format(op=type(link.op).__name__))
                raise ExpressionError(reason, self._operator_column(link))
            node = self._finite(self.graph.apply(op, node, self.node(link.right)), link)
        return node

    def _operator_column(self, n: ast.BinOp) -> int:
        """Where the operator between ``n.left`` and ``n.right`` is written."""
        between = self.text[n.left.end_col_offset:n.right.col_offset]
        skipped = len(between) - len(between.lstrip(" \t)"))
        return n.left.end_col_offset + skipped + 1

    def _unary(self, n: ast.UnaryOp) -> int:
        if isinstance(n.op, ast.UAdd):
            return self.node(n.operand)
        if isinstance(n.op, ast.USub):
            return self.graph.apply("neg", self.node(n.operand))
        raise ExpressionError(m.NOT if isinstance(n.op, ast.Not) else m.INVERT, _column(n))

    def _call(self, n: ast.Call) -> int:
        if not isinstance(n.func, ast.Name):
            raise ExpressionError(m.ONLY_LISTED, _column(n))
        name = n.func.id
        arity = 1 if name in FUNCTIONS else 2 if name in FUNCTIONS2 else 0
        if not arity:
            listed = ", ".join([*FUNCTIONS, *FUNCTIONS2])
            raise ExpressionError(m.UNKNOWN_FUNCTION.format(name=repr(name), listed=listed),
                                  _column(n))
        if n.keywords:
            raise ExpressionError(m.KEYWORDS, _column(n.keywords[0]))
        for a in n.args:
            if isinstance(a, ast.Starred):
                raise ExpressionError(_REFUSED[ast.Starred], _column(a))
        if len(n.args) != arity:
            reason = m.ONE_ARGUMENT if arity == 1 else m.TWO_ARGUMENTS
            raise ExpressionError(reason.format(name=name, count=len(n.args)), _column(n))
        return self.graph.apply(name, *(self.node(a) for a in n.args))
