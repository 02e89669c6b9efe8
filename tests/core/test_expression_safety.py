"""Hostile and broken typed surfaces: each refused with a reason and a column,
nothing executed, in bounded time.

The table runs in a child process with a timeout. Many inputs would create
a sentinel file if any part of them were executed; a control run proves
that they would (Python's own eval of one of them does create it), and the
parser's run proves the file never appears.
"""

import json
import subprocess
import sys
import textwrap

import pytest

SENTINEL = "SENTINEL_FILE"
S = SENTINEL
#: (text, column, a phrase the reason must contain)
HOSTILE = [
    (f"__import__('os').system('touch {S}')", 1, "only the listed functions"),
    ("__import__('os')", 1, "unknown function '__import__'"),
    (f"open('{S}', 'w')", 1, "unknown function 'open'"),
    (f"eval(\"open('{S}', 'w')\")", 1, "unknown function 'eval'"),
    (f"exec(\"open('{S}', 'w')\")", 1, "unknown function 'exec'"),
    ("().__class__.__bases__[0].__subclasses__()", 1, "only the listed functions"),
    ("x.__class__", 1, "attribute access"),
    ("sin.__call__(x)", 1, "only the listed functions"),
    (f"(lambda: open('{S}', 'w'))()", 1, "only the listed functions"),
    (f"x + (lambda q: open('{S}', 'w'))", 6, "lambda"),
    (f"x + [open('{S}', 'w') for k in y]", 5, "comprehensions"),
    ("x + {k: 1 for k in y}", 5, "comprehensions"),
    (f"sin(open('{S}', 'w') for k in y)", 4, "comprehensions"),
    ("x + 'text'", 5, "text (strings)"),
    ("x + b'bytes'", 5, "text (strings)"),
    (f"x + f'{{open(\"{S}\", \"w\")}}'", 5, "text (strings)"),
    ("x[0] + y", 1, "indexing"),
    ("x if y else 1", 1, "'if … else'"),
    ("sin(x=1)", 5, "keyword arguments"),
    ("max(*[x, y])", 5, "unpacking"),
    ("x < y", 1, "comparisons"),
    ("x and y", 1, "'and'/'or'"),
    ("not x", 1, "'not'"),
    ("~x", 1, "'~'"),
    ("x ^ 2", 3, "write **"),
    ("x // 2", 3, "floor division"),
    ("x + y % 2", 7, "'%'"),
    ("(z := 3)", 2, "':='"),
    ("9**9**9", 1, "overflows"),
    ("x**9**9**9", 4, "overflows"),
    ("1/0 + x", 1, "overflows"),
    ("exp(1000) * x", 1, "overflows"),
    ("(-8)**(1/3) + x", 1, "not a real number"),
    ("1e999 * x", 1, "overflows"),
    ("x" + " + x" * 100, 401, "the limit is 400"),
    ("  z", 3, "unknown name 'z'"),
    ("x" + "**x" * 70, 193, "deeper than 64"),
    ("(" * 70 + "x" + ")" * 70, 65, "deeper than 64"),
    ("-" * 100 + "x", 65, "deeper than 64"),
    ("x; import os", 2, "syntax error"),
    ("import os", 1, "syntax error"),
    ("sin(x", 4, "syntax error"),
    ("z + 1", 1, "unknown name 'z'"),
    ("__builtins__", 1, "unknown name '__builtins__'"),
    ("x + sin", 5, "sin is a function"),
    ("sin(x, y)", 1, "sin takes 1 argument, got 2"),
    ("max(x)", 1, "max takes 2 arguments, got 1"),
    ("", 1, "empty"),
    ("   ", 1, "empty"),
    ("1j * x", 1, "complex"),
    ("None", 1, "NoneType is not allowed"),
    ("True * x", 1, "bool is not allowed"),
    ("x²", 2, "not allowed (use ASCII"),
    (f"x\n+ open('{S}')", 2, "'\\n' is not allowed"),
    ("getattr(x, 'real')", 1, "unknown function 'getattr'"),
    ("globals()", 1, "unknown function 'globals'"),
    ("breakpoint()", 1, "unknown function 'breakpoint'"),
    ("(x, y)", 1, "tuples"),
    ("yield x", 1, "syntax error"),
    ("x @ y", 3, "'@'"),
    ("...", 1, "ellipsis is not allowed"),
    ("1if x else 2", 1, "invalid decimal literal"),  # a warning from Python's parser
    ("x + '\\d'", 5, "invalid escape sequence"),
]

_CHILD = textwrap.dedent("""
    import json, sys
    from optim_core import surfaces
    out = []
    for text in json.load(sys.stdin):
        try:
            surfaces.from_expression(text)
            out.append(["accepted", ""])
        except ValueError as e:
            out.append([type(e).__name__, str(e), e.column, e.reason])
        except BaseException as e:
            out.append([type(e).__name__, repr(e)])
    print(json.dumps(out))
""")


def test_the_table_is_large_enough():
    assert len(HOSTILE) >= 30
    assert len({t for t, _c, _r in HOSTILE}) == len(HOSTILE)


def _in_child(code: str, stdin: str, cwd) -> subprocess.CompletedProcess:
    import os
    from pathlib import Path

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120, check=True)


def test_the_sentinel_would_appear_if_an_input_were_executed(tmp_path):
    """The control: Python's eval of one table entry creates the sentinel file."""
    text = f"open('{S}', 'w')"
    _in_child("import sys; eval(sys.stdin.read())", text, tmp_path)
    assert (tmp_path / SENTINEL).exists()


def test_hostile_inputs_are_refused_with_reason_and_column_and_nothing_runs(tmp_path):
    # Bounded time by construction; the child's timeout makes a hang a failure.
    result = _in_child(_CHILD, json.dumps([t for t, _c, _r in HOSTILE]), tmp_path)
    answers = json.loads(result.stdout)
    assert result.stderr == ""  # not even a warning printed
    assert not (tmp_path / SENTINEL).exists()
    assert list(tmp_path.iterdir()) == []
    for (text, column, phrase), answer in zip(HOSTILE, answers, strict=True):
        assert answer[0] == "ExpressionError", (text, answer)
        _kind, message, got_column, reason = answer
        assert phrase in reason, (text, message)
        assert got_column == column, (text, message)
        assert message == f"column {column}: {reason}"
        assert "\n" not in message


@pytest.mark.parametrize("text", ["x**2 + 10*y**2", "  sin(x) * cos(y)  ", "x−y×2·x÷4",
                                  "max(abs(x), abs(y))", "2**1000 * x", "-(-(x))",
                                  "x" + " + x" * 99])
def test_inputs_inside_the_language_are_accepted(text):
    from optim_core import surfaces

    s = surfaces.from_expression(text)
    assert s.value([0.5, 0.25]).shape == ()


TOKENS = ["x", "y", "a", "pi", "e", "1", "0", "2.5", "1e308", "9", "+", "-", "*", "/", "**",
          "(", ")", ",", " ", "sin", "log", "sqrt", "abs", "min", "max", "exp", "tan", ".",
          "[", "]", "'", "lambda", ":", "=", "^", "%", "__class__", "import", "if", "else"]


@pytest.mark.parametrize("seed", range(4))
def test_random_token_soup_is_a_surface_or_an_expression_error(seed):
    """Whatever the text, the answer is a surface or ExpressionError — never another
    exception (recursion, overflow, zero division, type errors) and never a warning."""
    import numpy as np

    from optim_core import surfaces
    from optim_core.surfaces.expression_parser import ExpressionError

    rng = np.random.default_rng(seed)
    accepted = 0
    for _ in range(400):
        text = "".join(rng.choice(TOKENS, size=rng.integers(1, 30)))
        try:
            s = surfaces.from_expression(text, params={"a": 2.0})
        except ExpressionError as e:
            assert 1 <= e.column <= len(text) + 1, (text, e)
            continue
        accepted += 1
        f, g = s.value_and_grad(np.array([[0.3, -0.7], [0.0, 0.0]]))
        assert f.shape == (2,) and g.shape == (2, 2) and s.hessian([0.3, 0.2]).shape == (2, 2)
    assert accepted > 0
