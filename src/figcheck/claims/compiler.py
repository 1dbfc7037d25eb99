"""The safe formula compiler: whitelisted arithmetic over claim ids into postfix programs,
never eval."""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from keyword import iskeyword
from typing import TypeVar, cast

from figcheck.claims.formula import Assertion, Formula
from figcheck.claims.ids import FUNCTIONS
from figcheck.errors import FormulaError
from figcheck.figures.interval import Interval
from figcheck.text import one_line, shorten

MAX_LENGTH = 10_000
MAX_BRACKET_DEPTH = 100
MAX_UNARY_RUN = 100
MAX_AST_DEPTH = 200
MAX_EXPONENT = 10

_INF = math.inf
_BRACKET = re.compile(r"[][(){}]")
_UNARY_RUN = re.compile(rf"(?:[-+~]\s*){{{MAX_UNARY_RUN + 1}}}")
# plain ASCII arithmetic, and the ids in it (not parts of numbers like 1e5)
_SIMPLE = re.compile(r"[\sA-Za-z0-9_.+\-*/(),]*")
_IDENT = re.compile(r"\b([A-Za-z_]\w*)", re.ASCII)

# the compiler's work stack: nodes to visit, or instructions waiting for their operands
_Item = tuple[ast.expr | tuple[object, ...], int]

# postfix instructions; sharing the operand-free ones keeps programs small
_ADD: tuple[object, ...] = ("add",)
_SUB: tuple[object, ...] = ("sub",)
_MUL: tuple[object, ...] = ("mul",)
_DIV: tuple[object, ...] = ("div",)
_NEG: tuple[object, ...] = ("neg",)
_ABS: tuple[object, ...] = ("abs",)
_LOADS: tuple[tuple[object, ...], ...] = tuple(("load", i) for i in range(64))
_BINARY: dict[type[ast.operator], tuple[object, ...]] = {
    ast.Add: _ADD,
    ast.Sub: _SUB,
    ast.Mult: _MUL,
    ast.Div: _DIV,
}
_OPERATOR_SYMBOLS: dict[type[ast.AST], str] = {
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
    ast.Invert: "~",
}
_COMPARISONS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
}
_OTHER_COMPARISONS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_CONSTRUCTS: dict[type[ast.AST], str] = {
    ast.Attribute: "attribute access is not allowed",
    ast.Subscript: "subscripts are not allowed",
    ast.Lambda: "lambda functions are not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.Compare: "comparisons are only allowed in assertions",
    ast.BoolOp: "logical operators are not allowed",
    ast.IfExp: "conditional expressions are not allowed",
    ast.NamedExpr: "assignment expressions are not allowed",
    ast.Tuple: "tuples are not allowed",
    ast.List: "lists are not allowed",
    ast.Set: "sets are not allowed",
    ast.Dict: "dictionaries are not allowed",
    ast.Starred: "starred expressions are not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
    ast.Slice: "slices are not allowed",
}


def compile_formula(source: str, names: Sequence[str] | None = None) -> Formula:
    """Compile an untrusted formula; *names*, if given, fixes the input order.

    Raises FormulaError naming the first construct that is not allowed.
    """
    return _compile_formula(source, None if names is None else tuple(names))


@lru_cache(maxsize=1 << 18)
def _compile_formula(source: str, names: tuple[str, ...] | None) -> Formula:
    text = _precheck(source, "formula")
    found = _by_shape(text, names)
    formula = found if found is not None else _compile_text(text, names)
    if formula.repeated:
        _share_form(formula)
    return formula


def _share_form(formula: Formula) -> None:
    """Give a share formula its form with the repeated id once, for interval ranges.

    ``(x - y - z) / x`` is ``1 + (-y - z) / x`` and ``x / (x + y)`` is ``1 / (1 + y / x)``
    wherever x is not 0; in that form each id appears once, so its interval range is exact.
    """
    body = ast.parse(formula.source, mode="eval").body
    if not (isinstance(body, ast.BinOp) and isinstance(body.op, ast.Div)):
        return
    text = formula.source
    if isinstance(body.right, ast.Name):  # (x ± rest) / x
        pivot = body.right.id
        rest = _without(body.left, pivot, text)
        alt = None if rest is None else f"1 + ({rest}) / {pivot}"
    elif isinstance(body.left, ast.Name):  # x / (x ± rest)
        pivot = body.left.id
        rest = _without(body.right, pivot, text)
        alt = None if rest is None else f"1 / (1 + ({rest}) / {pivot})"
    else:
        return
    if alt is None:
        return
    try:
        other = _compile_text(alt, formula.names)
    except FormulaError:
        return
    if other.repeated:
        return
    object.__setattr__(formula, "share", (formula.names.index(pivot), other))


def _without(node: ast.expr, pivot: str, text: str) -> str | None:
    """The signed terms of a sum *node* but the one term *pivot* (which must appear once, with
    a plus sign), as source text; None when *node* is not such a sum."""
    terms: list[tuple[int, ast.expr]] = []
    stack: list[tuple[int, ast.expr]] = [(1, node)]
    while stack:
        sign, item = stack.pop()
        if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add | ast.Sub):
            stack.append((sign, item.left))
            stack.append((sign if isinstance(item.op, ast.Add) else -sign, item.right))
        else:
            terms.append((sign, item))
    hits = [(s, n) for s, n in terms if isinstance(n, ast.Name) and n.id == pivot]
    if len(hits) != 1 or hits[0][0] != 1 or len(terms) < 2:
        return None
    rest = [(s, n) for s, n in terms if not (isinstance(n, ast.Name) and n.id == pivot)]
    if any(pivot in {x.id for x in ast.walk(n) if isinstance(x, ast.Name)} for _, n in rest):
        return None
    return " ".join(f"{'+' if s > 0 else '-'} ({_segment(n, text)})" for s, n in rest)


def _compile_text(text: str, names: tuple[str, ...] | None) -> Formula:
    try:
        body = _parse(text, "formula")
        index = {} if names is None else {name: i for i, name in enumerate(names)}
        program = _walk(body, 1, text, index, names is not None)
    except FormulaError as error:
        # only where the generic message says little: a syntax error, a tuple, "^" or "%"
        mistake = _mistake(text) if error.message.startswith(_VAGUE) else None
        if mistake is None:
            raise
        raise FormulaError(mistake) from None
    return Formula(text, tuple(index) if names is None else names, tuple(program))


_VAGUE = ("syntax error", "tuples are not allowed", 'operator "^"', 'operator "%"')
_TIMES_X = re.compile(r"(?<=[\w)])\s*[x×]\s*(?=[\w(])|(?<=[\w)])\s+[x×]\s+|(?<=[0-9])[x×]\b")
_GROUPED = re.compile(r"\b[0-9]{1,3}(?:,[0-9]{3})+\b")


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)


def _mistake(text: str) -> str | None:
    """A specific message for the common mistakes in a formula that does not compile: a
    figure written as in prose ("70 billion", "33m", "50%", "1,000"), "x" for times, "^"."""
    from figcheck.figures.numbers import find_amounts  # the one number reader

    for amount in find_amounts(text):
        if amount.scale_word is not None or amount.currency is not None:
            value = _plain(amount.value)
            return (
                f'"{amount.text}" reads as {value}: formulas take plain numbers or claim ids, '
                f"so write {value} or give the figure a claim of its own"
            )
        if amount.percent:
            return (
                f'"{amount.text}" in a formula: write a percentage as a fraction '
                f"({_plain(amount.value / 100)}) or as {_plain(amount.value)} / 100"
            )
    grouped = _GROUPED.search(text)
    if grouped is not None:
        plain = grouped.group().replace(",", "")
        return f'write "{grouped.group()}" without thousands separators: {plain}'
    if "^" in text:
        return 'use "**" for a power ("^" is not one): e.g. "a ** 2"'
    if _TIMES_X.search(text) is not None:
        return 'use "*" to multiply ("x" is not an operator): e.g. "a * b"'
    if "%" in text:
        return '"%" is not allowed in a formula: write a share as a fraction (50% is 0.5)'
    return None


@lru_cache(maxsize=1 << 14)
def _compile_shape(shape: str) -> Formula:
    return _compile_text(shape, None)


_Shaped = TypeVar("_Shaped", Formula, Assertion)


def _shaped(
    text: str, simple: re.Pattern[str], compiled: Callable[[str], _Shaped]
) -> tuple[_Shaped, dict[str, str]] | None:
    """The compiled shape of *text* (its ids renamed n0, n1, ... in order) and the renaming;
    None where only the full compile may judge: text *simple* does not match whole, a
    keyword or a name starting with ``_``, a shape that fails, or ids met out of text order."""
    if simple.fullmatch(text) is None:
        return None
    parts = _IDENT.split(text)  # text, id, text, id, ..., text
    renamed: dict[str, str] = {}
    for name in parts[1::2]:
        if name not in renamed and name not in FUNCTIONS:
            if name[0] == "_" or iskeyword(name):
                return None
            renamed[name] = f"n{len(renamed)}"
    # only ids can equal an id: text between them starts with a non-word character
    try:
        shape = compiled("".join([renamed.get(part) or part for part in parts]))
    except FormulaError:
        return None
    if shape.names != tuple(renamed.values()):  # the parser met the ids out of text order
        return None
    return shape, renamed


def _by_shape(text: str, names: tuple[str, ...] | None) -> Formula | None:
    """Compile via the formula's shape, its text with ids renamed n0, n1, ... in order.

    Files repeat a few shapes (``a + b``, ``a / b * 100``) over many ids, so this skips the
    parser for most formulas. Only plain ASCII arithmetic qualifies; anything else, and any
    shape that fails to compile, returns None so the full compile reports the real error.
    """
    found = _shaped(text, _SIMPLE, _compile_shape)
    if found is None:
        return None
    shape, renamed = found
    if names is None:
        return shape.renamed(text, tuple(renamed))
    slots = {name: i for i, name in enumerate(names)}
    if any(name not in slots for name in renamed):
        return None
    remap = [slots[name] for name in renamed]
    program = tuple(
        ("load", remap[cast(int, op[1])]) if op[0] == "load" else op for op in shape.program
    )
    return Formula(text, names, program)


@lru_cache(maxsize=1 << 16)
def compile_assertion(source: str) -> Assertion:
    """Compile an untrusted assertion: two formulas joined by one of < <= > >=."""
    text = _precheck(source, "assertion")
    found = _assertion_by_shape(text)
    return found if found is not None else _compile_assertion(text)


_SIMPLE_ASSERTION = re.compile(r"[ A-Za-z0-9_.+\-*/(),<>=]*")


@lru_cache(maxsize=1 << 12)
def _assertion_shape(shape: str) -> Assertion:
    return _compile_assertion(shape)


def _assertion_by_shape(text: str) -> Assertion | None:
    """Compile via the assertion's shape, as ``_by_shape`` does a formula: its ids renamed
    n0, n1, ... in order, and each side's text named back. Only plain one-line ASCII
    arithmetic qualifies; anything else, and a shape that fails, returns None so that the
    full compile reports the real error."""
    found = _shaped(text, _SIMPLE_ASSERTION, _assertion_shape)
    if found is None:
        return None
    shape, renamed = found
    back = {short: name for name, short in renamed.items()}
    names = tuple(renamed)

    def named(source: str) -> str:
        return "".join([back.get(part) or part for part in _IDENT.split(source)])

    lhs = shape.lhs.renamed(named(shape.lhs.source), names)
    rhs = shape.rhs.renamed(named(shape.rhs.source), names)
    difference = shape.difference.renamed(f"({lhs.source}) - ({rhs.source})", names)
    return Assertion(text, shape.op, names, lhs, rhs, difference)


def _compile_assertion(text: str) -> Assertion:
    body = _parse(text, "assertion")
    if type(body) is not ast.Compare:
        raise FormulaError(
            'assertion must compare two formulas with <, <=, > or >= (as in "a <= b")'
        )
    if len(body.ops) > 1:
        raise FormulaError(
            f"assertion must make exactly one comparison (found a chain {_quote(body, text)})"
        )
    cmp = type(body.ops[0])
    op = _COMPARISONS.get(cmp)
    if op is None:
        raise FormulaError(
            f'assertion must compare with <, <=, > or >= (found "{_OTHER_COMPARISONS[cmp]}")'
        )
    index: dict[str, int] = {}
    left = _walk(body.left, 2, text, index, False)
    right = _walk(body.comparators[0], 2, text, index, False)
    names = tuple(index)
    lhs = Formula(_segment(body.left, text), names, tuple(left))
    rhs = Formula(_segment(body.comparators[0], text), names, tuple(right))
    difference = Formula(
        f"({lhs.source}) - ({rhs.source})", names, (*lhs.program, *rhs.program, _SUB)
    )
    return Assertion(text, op, names, lhs, rhs, difference)


def _precheck(source: str, what: str) -> str:
    """Cheap caps before the parser sees hostile input; returns the stripped text."""
    if len(source) > MAX_LENGTH:
        raise FormulaError(
            f"{what} is too long ({len(source)} characters; the limit is {MAX_LENGTH})"
        )
    if "\0" in source:
        raise FormulaError(f"{what} contains a null character")
    text = source.strip()
    if not text:
        raise FormulaError(f"{what} is empty")
    if text.count("(") + text.count("[") + text.count("{") > MAX_BRACKET_DEPTH:
        depth = 0
        for m in _BRACKET.finditer(text):
            depth += 1 if m.group() in "([{" else -1
            if depth > MAX_BRACKET_DEPTH:
                raise FormulaError(
                    f"{what} nests brackets more than {MAX_BRACKET_DEPTH} levels deep"
                )
    if _UNARY_RUN.search(text):
        raise FormulaError(f"{what} has more than {MAX_UNARY_RUN} signs in a row")
    return text


def _parse(text: str, what: str) -> ast.expr:
    """``ast.parse`` in eval mode, with every parser failure turned into a FormulaError."""
    try:
        return ast.parse(text, mode="eval").body
    except SyntaxError as e:
        raise FormulaError(_syntax_message(e)) from None
    except (RecursionError, MemoryError):
        raise FormulaError(f"{what} is too complex to parse") from None
    except ValueError as e:
        raise FormulaError(f"{what} cannot be parsed: {one_line(str(e))}") from None


def _syntax_message(e: SyntaxError) -> str:
    msg = one_line(e.msg or "invalid syntax")
    if msg.startswith("Exceeds the limit"):  # Python's cap on int literal digits
        return "number has too many digits"
    if e.lineno is not None and e.lineno > 1:
        return f"syntax error at line {e.lineno}, column {e.offset or 1}: {msg}"
    if e.offset:
        return f"syntax error at column {e.offset}: {msg}"
    return f"syntax error at the end: {msg}"  # the parser gives no column when input ran out


def _walk(
    root: ast.expr, depth: int, text: str, index: dict[str, int], fixed: bool
) -> list[tuple[object, ...]]:
    """Check *root* against the whitelist and emit its postfix program (no recursion)."""
    program: list[tuple[object, ...]] = []
    emit = program.append
    # items are nodes still to visit, or finished instructions waiting for their operands
    stack: list[_Item] = [(root, depth)]
    push = stack.append
    pop = stack.pop
    while stack:
        item, level = pop()
        if isinstance(item, tuple):
            emit(item)
        elif level > MAX_AST_DEPTH:
            raise FormulaError(f"formula is nested more than {MAX_AST_DEPTH} levels deep")
        elif isinstance(item, ast.Name):
            slot = _slot(item.id, index, fixed)
            emit(_LOADS[slot] if slot < len(_LOADS) else ("load", slot))
        elif isinstance(item, ast.BinOp):
            instruction = _BINARY.get(type(item.op))
            if instruction is not None:
                push((instruction, 0))
                push((item.right, level + 1))
            elif isinstance(item.op, ast.Pow):
                push((("pow", _exponent(item.right, text)), 0))
            else:
                raise _bad_operator(item.op)
            # a chain like a + b + c nests to the left: it is long, not deep (the walk has no
            # recursion), so a sum of many claims stays within the cap
            push((item.left, level))
        elif isinstance(item, ast.Constant):
            emit(_const(_number(item, text)))
        elif isinstance(item, ast.UnaryOp):
            op, operand = item.op, item.operand
            if isinstance(op, ast.USub):
                if isinstance(operand, ast.Constant):
                    # fold a negative literal into one constant
                    emit(_const(0.0 - _number(operand, text)))
                else:
                    push((_NEG, 0))
                    push((operand, level + 1))
            elif isinstance(op, ast.UAdd):
                push((operand, level + 1))
            elif isinstance(op, ast.Not):
                raise FormulaError(f"logical operators are not allowed ({_quote(item, text)})")
            else:
                raise _bad_operator(op)
        elif isinstance(item, ast.Call):
            _call(item, level, text, stack)
        else:
            reason = _CONSTRUCTS.get(type(item), "this construct is not allowed")
            raise FormulaError(f"{reason} ({_quote(item, text)})")
    return program


def _slot(name: str, index: dict[str, int], fixed: bool) -> int:
    """The input slot of an id, given a slot on first sight unless the inputs are *fixed*."""
    if name[0] == "_" or name in FUNCTIONS:  # checked first: given inputs cannot allow them
        if name in FUNCTIONS:
            example = "abs(a)" if name == "abs" else f"{name}(a, b)"
            raise FormulaError(f'"{name}" must be called, as in {example}')
        raise FormulaError(f'names starting with "_" are not allowed ("{name}")')
    slot = index.get(name)
    if slot is not None:
        return slot
    if fixed:
        raise FormulaError(f'formula uses "{name}", which is not among its inputs')
    slot = index[name] = len(index)
    return slot


def _call(node: ast.Call, level: int, text: str, stack: list[_Item]) -> None:
    func = node.func
    if not isinstance(func, ast.Name) or func.id not in FUNCTIONS:
        raise FormulaError(f"calls are limited to min, max and abs (found {_quote(func, text)})")
    name = func.id
    if node.keywords:
        raise FormulaError(f"keyword arguments are not allowed ({_quote(node.keywords[0], text)})")
    args = node.args
    for arg in args:
        if type(arg) is ast.Starred:
            raise FormulaError(f"starred arguments are not allowed ({_quote(arg, text)})")
    if name == "abs":
        if len(args) != 1:
            raise FormulaError(f"abs() takes exactly one argument (found {len(args)})")
        stack.append((_ABS, 0))
        stack.append((args[0], level + 1))
        return
    if not args:
        raise FormulaError(f"{name}() needs at least one argument")
    if len(args) > 1:
        stack.append(((name, len(args)), 0))
    for arg in reversed(args):
        stack.append((arg, level + 1))


def _exponent(node: ast.expr, text: str) -> int:
    """A literal whole-number exponent in range, optionally signed."""
    sign = 1
    inner = node
    if type(node) is ast.UnaryOp and type(node.op) in (ast.USub, ast.UAdd):
        sign = -1 if type(node.op) is ast.USub else 1
        inner = node.operand
    if type(inner) is ast.Constant and type(inner.value) is int:
        n = sign * inner.value
        if -MAX_EXPONENT <= n <= MAX_EXPONENT:
            return n
    raise FormulaError(
        f"exponent must be a whole number between {-MAX_EXPONENT} and {MAX_EXPONENT} "
        f"(found {_quote(node, text)})"
    )


def _number(node: ast.Constant, text: str) -> float:
    value = node.value
    kind = type(value)
    if isinstance(value, int | float) and kind is not bool:
        try:
            number = float(value)
        except OverflowError:
            number = _INF
        if not -_INF < number < _INF:
            raise FormulaError(f"number {_segment(node, text, 40)} is too large")
        return number
    if kind is str or kind is bytes:
        raise FormulaError(f"strings are not allowed ({_quote(node, text)})")
    if kind is complex:
        raise FormulaError(f"complex numbers are not allowed ({_quote(node, text)})")
    raise FormulaError(f"{_quote(node, text)} is not a number")


def _const(value: float) -> tuple[object, ...]:
    # the constant's interval is built once here rather than on every evaluation
    return ("const", value, Interval(value, value))


def _bad_operator(op: ast.AST) -> FormulaError:
    symbol = _OPERATOR_SYMBOLS.get(type(op), type(op).__name__)
    return FormulaError(f'operator "{symbol}" is not allowed (use + - * / **)')


def _segment(node: ast.AST, text: str, limit: int = 0) -> str:
    """The source text of *node* on one line, shortened to *limit* characters if given."""
    end = getattr(node, "end_col_offset", None)
    if end is not None and text.isascii() and "\n" not in text and "\r" not in text:
        # one ASCII line: the offsets index the text itself (get_source_segment splits lines)
        found: str | None = text[getattr(node, "col_offset", 0) : end]
    else:
        found = ast.get_source_segment(text, node)
    segment = found if found is not None else type(node).__name__
    return shorten(segment, limit) if limit else one_line(segment)


def _quote(node: ast.AST, text: str) -> str:
    return f'"{_segment(node, text, 40)}"'
