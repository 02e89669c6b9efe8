"""Expression graphs: interned nodes, symbolic derivatives, vectorized evaluation.

A ``Graph`` stores an expression as numbered nodes ``(op, args, value)``;
equal nodes are stored once (hash-consing), so a derivative reuses the
nodes of its expression and the graph of f, ∇f and the Hessian grows
linearly with the expression. (Expression *trees*, as computer-algebra
systems keep them, grow much faster: the Hessian of a product of n factors
has ~n³ terms, and a 240-character product took a CAS 15 s to differentiate.
Linear growth is what keeps typed surfaces bounded in time by construction.)

Derivatives are symbolic: ``derivative(node, k)`` builds the node of
∂node/∂v_k by the rules of calculus, node by node. Kinks follow the kinked
surface's convention (subgradients with sign(0) = 0):

    d|u| = sign(u)·du
    d min(u, v) = ½(du + dv) + ½·sign(v − u)·(du − dv)      (½ each at u = v)
    d max(u, v) = ½(du + dv) − ½·sign(v − u)·(du − dv)
    d sign(u) = 0

A ``Program`` is the list of nodes that some roots need, in evaluation
order, as slots of a list; ``run`` evaluates it with numpy on arrays of any
shape, freeing each intermediate after its last use.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

#: One-argument functions of the language and their numpy versions.
FUNCTIONS = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
    "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "sinh": np.sinh, "cosh": np.cosh,
    "arctan": np.arctan,
}
#: Two-argument functions of the language.
FUNCTIONS2 = {"min": np.minimum, "max": np.maximum}
_BINARY = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide,
           "pow": np.power, **FUNCTIONS2}
_UNARY = {"neg": np.negative, "sign": np.sign, **FUNCTIONS}
#: Ops whose derivative jumps: their switch function is abs's argument, or u − v.
KINKED = ("abs", "min", "max")


class Program(NamedTuple):
    """The nodes some roots need, as slots of a list evaluated in order.

    ``initial[i]`` is slot i's constant (None for the rest); ``variables``
    lists ``(slot, k)``: v_k goes into the slot; ``ops`` lists ``(slot, fn, a,
    b, frees)``: slot = fn(slot a) or fn(slot a, slot b) (b = −1 for one
    argument), then the slots no later op needs are cleared; ``roots`` are
    the slots returned.
    """

    initial: tuple[float | None, ...]
    variables: tuple[tuple[int, int], ...]
    ops: tuple[tuple[int, object, int, int, tuple[int, ...]], ...]
    roots: tuple[int, ...]


class Graph:
    """Interned expression nodes over variables v_0 … v_{n−1} (x, y, parameters)."""

    def __init__(self) -> None:
        self.nodes: list[tuple[str, tuple[int, ...], float]] = []
        self._index: dict[tuple[str, tuple[int, ...], float], int] = {}
        self._derivatives: dict[tuple[int, int], int] = {}

    # ------------------------------------------------------------ building
    def _intern(self, op: str, args: tuple[int, ...] = (), value: float = 0.0) -> int:
        key = (op, args, value)
        if key not in self._index:
            self._index[key] = len(self.nodes)
            self.nodes.append(key)
        return self._index[key]

    def const(self, value: float) -> int:
        return self._intern("const", (), float(value))

    def var(self, k: int) -> int:
        return self._intern("var", (), float(k))

    def constant_value(self, node: int) -> float | None:
        op, _, value = self.nodes[node]
        return value if op == "const" else None

    def apply(self, op: str, *args: int, simplify: bool = False) -> int:
        """The node ``op(args)``. Constant arguments are folded into a constant
        (float64; it may come out inf or NaN: the caller decides). With
        ``simplify`` the identities 0·u = 0, 1·u = u, u + 0 = u, u/1 = u,
        u¹ = u, u⁰ = 1, −(−u) = u are applied (used for derivatives, where
        they hold; a user's own 0/x keeps its NaN at x = 0)."""
        values = [self.constant_value(a) for a in args]
        if all(v is not None for v in values):
            with np.errstate(all="ignore"):
                fn = _BINARY[op] if len(args) == 2 else _UNARY[op]
                return self.const(float(fn(*values)))
        if simplify:
            node = self._simplified(op, args, values)
            if node is not None:
                return node
        return self._intern(op, tuple(args))

    def _simplified(self, op: str, args: tuple[int, ...], c: list[float | None]) -> int | None:
        if op == "neg" and self.nodes[args[0]][0] == "neg":
            return self.nodes[args[0]][1][0]
        if len(args) != 2:
            return None
        (a, b), (ca, cb) = args, c
        if op == "mul" and (ca == 0 or cb == 0):
            return self.const(0.0)
        rules = {("add", 0, "a"): b, ("add", 0, "b"): a, ("sub", 0, "b"): a,
                 ("mul", 1, "a"): b, ("mul", 1, "b"): a, ("div", 1, "b"): a,
                 ("pow", 1, "b"): a}
        for side, value in (("a", ca), ("b", cb)):
            if (op, value, side) in rules:
                return rules[(op, value, side)]
        if op == "sub" and ca == 0:
            return self.apply("neg", b, simplify=True)
        if op == "pow" and cb == 0:
            return self.const(1.0)
        return None

    # ---------------------------------------------------------- derivatives
    def derivative(self, node: int, k: int) -> int:
        """The node of ∂node/∂v_k. Every node it depends on is differentiated
        once, in creation order (arguments first), without recursion."""
        for n in self.reachable((node,)):
            if (n, k) not in self._derivatives:
                self._derivatives[(n, k)] = self._derive(n, k)
        return self._derivatives[(node, k)]

    def _derive(self, node: int, k: int) -> int:
        op, args, value = self.nodes[node]
        if op in ("const", "sign"):
            return self.const(0.0)
        if op == "var":
            return self.const(1.0 if value == k else 0.0)
        d = [self._derivatives[(a, k)] for a in args]
        if len(args) == 1:
            return self._op(self._chain_factor(op, args[0], node), "mul", d[0])
        return self._derive_binary(op, node, args, d)

    def _op(self, a: int, op: str, b: int) -> int:
        return self.apply(op, a, b, simplify=True)

    def _chain_factor(self, op: str, u: int, node: int) -> int:
        """f'(u) for the one-argument op f, as a node (``node`` is f(u) itself)."""
        one, A = self.const(1.0), self.apply
        factors = {
            "neg": lambda: self.const(-1.0),
            "sin": lambda: A("cos", u), "cos": lambda: A("neg", A("sin", u)),
            "tan": lambda: self._op(one, "add", self._op(node, "mul", node)),
            "exp": lambda: node, "log": lambda: self._op(one, "div", u),
            "sqrt": lambda: self._op(self.const(0.5), "div", node),
            "abs": lambda: A("sign", u),
            "tanh": lambda: self._op(one, "sub", self._op(node, "mul", node)),
            "sinh": lambda: A("cosh", u), "cosh": lambda: A("sinh", u),
            "arctan": lambda: self._op(one, "div", self._op(one, "add", self._op(u, "mul", u))),
        }
        return factors[op]()

    def _derive_binary(self, op: str, node: int, args: tuple[int, ...], d: list[int]) -> int:
        (u, v), (du, dv), o = args, d, self._op
        if op in ("add", "sub"):
            return o(du, op, dv)
        if op == "mul":
            return o(o(du, "mul", v), "add", o(u, "mul", dv))
        if op == "div":  # (du − (u/v)·dv) / v
            return o(o(du, "sub", o(node, "mul", dv)), "div", v)
        if op == "pow":
            return self._derive_pow(node, u, v, du, dv)
        half = self.const(0.5)
        mean = o(half, "mul", o(du, "add", dv))
        jump = o(o(half, "mul", self.apply("sign", o(v, "sub", u))), "mul", o(du, "sub", dv))
        return o(mean, "add" if op == "min" else "sub", jump)

    def _derive_pow(self, node: int, u: int, v: int, du: int, dv: int) -> int:
        """d(u^v): c·u^(c−1)·du for a constant exponent c, else u^v·(dv·ln u + v·du/u)."""
        o, c = self._op, self.constant_value(v)
        if c is not None:
            return o(o(v, "mul", o(u, "pow", self.const(c - 1.0))), "mul", du)
        log_u = self.apply("log", u)
        return o(node, "mul", o(o(dv, "mul", log_u), "add", o(v, "mul", o(du, "div", u))))

    # ----------------------------------------------------------- evaluation
    def reachable(self, roots: tuple[int, ...]) -> list[int]:
        """Every node the roots depend on, in evaluation (creation) order."""
        seen, stack = set(), list(roots)
        while stack:
            n = stack.pop()
            if n not in seen:
                seen.add(n)
                stack.extend(self.nodes[n][1])
        return sorted(seen)  # a node's arguments always exist before it

    def program(self, roots: tuple[int, ...]) -> Program:
        order = self.reachable(roots)
        slot = {n: i for i, n in enumerate(order)}
        last: dict[int, int] = {}  # a node's slot -> the last op that reads it
        for n in order:
            for a in self.nodes[n][1]:
                last[slot[a]] = slot[n]
        keep = {slot[r] for r in roots}
        frees: dict[int, list[int]] = {}
        for s, reader in last.items():
            if s not in keep:
                frees.setdefault(reader, []).append(s)
        initial, variables, ops = [], [], []
        for i, n in enumerate(order):
            op, args, value = self.nodes[n]
            initial.append(value if op == "const" else None)
            if op == "var":
                variables.append((i, int(value)))
            elif op != "const":
                fn = _UNARY[op] if len(args) == 1 else _BINARY[op]
                b = slot[args[1]] if len(args) == 2 else -1
                ops.append((i, fn, slot[args[0]], b, tuple(frees.get(i, ()))))
        return Program(tuple(initial), tuple(variables), tuple(ops),
                       tuple(slot[r] for r in roots))


def run(program: Program, variables: list[np.ndarray | float]) -> list[np.ndarray | float]:
    """Evaluate ``program`` with ``variables[k]`` as v_k (arrays broadcast
    together); returns the roots' values. numpy warnings are silenced: inf
    and NaN are results, which the caller reports."""
    slots = list(program.initial)
    for i, k in program.variables:
        slots[i] = variables[k]
    with np.errstate(all="ignore"):
        for i, fn, a, b, frees in program.ops:
            slots[i] = fn(slots[a]) if b < 0 else fn(slots[a], slots[b])
            for f in frees:
                slots[f] = None
    return [slots[r] for r in program.roots]


def kink_switches(graph: Graph, root: int) -> tuple[int, ...]:
    """Nodes whose sign change is a kink of ``root``: u of each |u|, u − v of
    each min(u, v) and max(u, v)."""
    out = []
    for n in graph.reachable((root,)):
        op, args, _ = graph.nodes[n]
        if op == "abs":
            out.append(args[0])
        elif op in ("min", "max"):
            out.append(graph.apply("sub", *args))
    return tuple(out)
