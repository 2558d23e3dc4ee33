"""A scanner and a small parser for ZEN expressions, to check the field paths a condition uses.

ZEN reads a misspelt field as ``null`` without an error, so a typo would make a rule silently
``unknown`` for ever. This module reads a condition the way ZEN does (identifiers, ``.`` and ``[]``
member access, ``#`` for the element inside ``some/all/none/one/count/filter/map/flatMap``, string
and template literals, method calls such as ``d(x).diff(...)``) and resolves every path against the
shape of the facts (``app/rules/shape.py``). It does not evaluate anything and infers types only as
far as paths need: the result of arithmetic, comparisons and most functions is "any", and paths
below "any" are not checked.

It also rejects what would make a decision depend on the wall clock: ``d()`` or ``date()`` with no
argument, and the literal ``"now"``/``"today"`` given to them. Timing rules use ``context.as_of``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from app.rules.shape import Leaf, ListOf, Obj, Shape

CLOSURE_FUNCTIONS = frozenset({"some", "all", "none", "one", "count", "filter", "map", "flatMap"})
DATE_FUNCTIONS = frozenset({"d", "date"})
CLOCK_WORDS = frozenset({"now", "today", "yesterday", "tomorrow"})
KEYWORDS = frozenset({"and", "or", "not", "in", "not in", "true", "false", "null"})
_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_#")
_ALNUM = _ALPHA | frozenset("0123456789")
_DIGITS = frozenset("0123456789")
_SPACE = frozenset(" \t\r\n")
_TWO_CHAR_OPS = frozenset({"==", "!=", "<=", ">=", "??", ".."})
_ONE_CHAR_OPS = frozenset("<>!=+-*/^%?:,.")
_BRACKETS = frozenset("()[]{}")


class ExpressionSyntaxError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "num" | "str" | "tmpl" | "ident" | "kw" | "op" | "bracket"
    value: str
    pos: int
    parts: tuple[str, ...] = ()  # the ``${...}`` sources of a template literal


@lru_cache(maxsize=16384)
def tokenize(source: str) -> tuple[Token, ...]:
    """The tokens of ``source``, cached: compiling a rule set reads each condition several times
    (once per hook it is in, for paths, names and context), and versions share most conditions."""
    tokens: list[Token] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c in _SPACE:
            i += 1
        elif c in "'\"":
            end = source.find(c, i + 1)
            if end < 0:
                raise ExpressionSyntaxError(f"unterminated string at {i}")
            tokens.append(Token("str", source[i + 1 : end], i))
            i = end + 1
        elif c == "`":
            i = _template(source, i, tokens)
        elif c in _DIGITS:
            j = i + 1
            while j < n and (source[j] in _DIGITS or source[j] == "_" or source[j] == "."):
                if source[j] == "." and (j + 1 < n and source[j + 1] == "."):
                    break  # a range ``1..5``
                j += 1
            tokens.append(Token("num", source[i:j], i))
            i = j
        elif c in _ALPHA:
            j = i + 1
            while j < n and source[j] in _ALNUM:
                j += 1
            word = source[i:j]
            if word == "not":
                k = j
                while k < n and source[k] in _SPACE:
                    k += 1
                if k > j and source.startswith("in", k) and (k + 2 >= n or source[k + 2] not in _ALNUM):
                    tokens.append(Token("kw", "not in", i))
                    i = k + 2
                    continue
            tokens.append(Token("kw" if word in KEYWORDS else "ident", word, i))
            i = j
        elif source[i : i + 2] in _TWO_CHAR_OPS:
            tokens.append(Token("op", source[i : i + 2], i))
            i += 2
        elif c in _ONE_CHAR_OPS:
            tokens.append(Token("op", c, i))
            i += 1
        elif c in _BRACKETS:
            tokens.append(Token("bracket", c, i))
            i += 1
        else:
            raise ExpressionSyntaxError(f"unexpected character {c!r} at {i}")
    return tuple(tokens)


def _template(source: str, start: int, tokens: list[Token]) -> int:
    """A backtick template: the text is literal, each ``${...}`` is an expression."""
    parts: list[str] = []
    i, n = start + 1, len(source)
    while i < n and source[i] != "`":
        if source.startswith("${", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if source[j] in "'\"":
                    close = source.find(source[j], j + 1)
                    j = (close if close >= 0 else n - 1) + 1
                    continue
                depth += {"{": 1, "}": -1}.get(source[j], 0)
                j += 1
            if depth:
                raise ExpressionSyntaxError(f"unterminated ${{...}} at {i}")
            parts.append(source[i + 2 : j - 1])
            i = j
        else:
            i += 1
    if i >= n:
        raise ExpressionSyntaxError(f"unterminated template at {start}")
    tokens.append(Token("tmpl", source[start + 1 : i], start, tuple(parts)))
    return i + 1


@dataclass(frozen=True, slots=True)
class Typed:
    """What an expression denotes, as far as paths care: a shape and its schema path, or any."""

    shape: Shape | None  # None: any value, not checked further
    where: str = ""


ANY = Typed(None)


@dataclass(frozen=True, slots=True)
class PathProblem:
    path: str  # as written in the condition, e.g. ``#.checks.dne``
    message: str


@dataclass
class _Parser:
    tokens: tuple[Token, ...]
    root: Obj
    problems: list[PathProblem]
    pos: int = 0
    scopes: list[Typed] = field(default_factory=list)

    # -- token helpers -------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> Token | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def at(self, value: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.kind in ("op", "bracket", "kw") and token.value == value

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise ExpressionSyntaxError("unexpected end of expression")
        self.pos += 1
        return token

    def expect(self, *values: str) -> Token:
        token = self.take()
        if token.value not in values or token.kind in ("str", "tmpl", "ident", "num"):
            raise ExpressionSyntaxError(f"expected {' or '.join(values)} at {token.pos}")
        return token

    # -- grammar -------------------------------------------------------------------------------
    def expression(self) -> Typed:
        typed = self.unary()
        while (token := self.peek()) is not None:
            if token.kind == "op" and token.value == "?":
                self.take()
                self.expression()
                self.expect(":")
                self.expression()
                typed = ANY
            elif token.kind == "op" and token.value == "??":  # ``list ?? []`` keeps the list's shape
                self.take()
                fallback = self.unary()
                typed = typed if typed.shape is not None else fallback
            elif (token.kind == "op" and token.value not in (",", ":", ".")) or (
                token.kind == "kw" and token.value in ("and", "or", "in", "not in")
            ):
                self.take()
                self.unary()
                typed = ANY
            else:
                break
        return typed

    def unary(self) -> Typed:
        if self.at("not") or self.at("!") or self.at("-") or self.at("+"):
            self.take()
            self.unary()
            return ANY
        return self.postfix(self.primary())

    def postfix(self, typed: Typed) -> Typed:
        while True:
            if self.at("."):
                self.take()
                name = self.take()
                if name.kind not in ("ident", "kw"):
                    raise ExpressionSyntaxError(f"expected a name after '.' at {name.pos}")
                if self.at("("):  # a method call, e.g. d(x).diff(...): not a field
                    self.arguments()
                    typed = ANY
                else:
                    typed = self.member(typed, name.value)
            elif self.at("["):
                self.take()
                if self.at(":"):  # a slice from the start, ``a[:2]``, keeps the list
                    self.take()
                    self.expression()
                    self.expect("]")
                    continue
                first, second = self.peek(), self.peek(1)
                if first is not None and first.kind == "str" and second is not None and second.value == "]":
                    self.pos += 2
                    typed = self.member(typed, first.value)
                    continue
                self.expression()
                if self.at(":"):  # a slice keeps the list
                    self.take()
                    if not self.at("]"):
                        self.expression()
                    self.expect("]")
                    continue
                self.expect("]")
                shape = typed.shape
                typed = Typed(shape.item, typed.where + "[]") if isinstance(shape, ListOf) else ANY
            else:
                return typed

    def member(self, typed: Typed, name: str) -> Typed:
        shape, where = typed.shape, typed.where
        path = f"{where}.{name}" if where else name
        if shape is None:
            return ANY
        if isinstance(shape, Obj):
            if name in shape.fields:
                return Typed(shape.fields[name], path)
            self.problems.append(PathProblem(path, f"unknown field {name!r} in {where or 'the checklist'}"))
        elif isinstance(shape, ListOf):
            self.problems.append(
                PathProblem(path, f"{where} is a list: use some({where}, #.{name}) or an index")
            )
        else:
            self.problems.append(PathProblem(path, f"{where} is a value and has no field {name!r}"))
        return ANY

    def primary(self) -> Typed:
        token = self.take()
        if token.kind in ("num", "str"):
            return ANY
        if token.kind == "tmpl":
            for part in token.parts:
                self.sub_expression(part)
            return ANY
        if token.kind == "kw":
            if token.value in ("true", "false", "null"):
                return ANY
            raise ExpressionSyntaxError(f"unexpected {token.value!r} at {token.pos}")
        if token.kind == "ident":
            if self.at("("):
                return self.call(token)
            if token.value == "#":
                if not self.scopes:
                    self.problems.append(PathProblem("#", "# is used outside some/all/none/one/count/..."))
                    return ANY
                return self.scopes[-1]
            if token.value == "$root":
                return Typed(self.root)
            if token.value.startswith(("$", "#")):
                return ANY
            return self.member(Typed(self.root), token.value)
        if token.value in ("(", "["):
            return self.group(token.value)
        if token.value == "{":
            return self.object_literal()
        raise ExpressionSyntaxError(f"unexpected {token.value!r} at {token.pos}")

    def group(self, opener: str) -> Typed:
        """``(expr)``, a list literal ``[a, b]``, or an interval such as ``[1..5)``."""
        items: list[Typed] = []
        if not (self.at(")") or self.at("]")):
            items.append(self.expression())
            while self.at(","):
                self.take()
                items.append(self.expression())
        self.expect(")", "]")
        if opener == "(" and len(items) == 1:
            return items[0]
        if opener == "[" and items and items[0].shape is not None:  # ``[missing]``: a list of that shape
            return Typed(ListOf(items[0].shape), f"[{items[0].where}]")
        return Typed(ListOf(Leaf())) if opener == "[" else ANY

    def object_literal(self) -> Typed:
        while not self.at("}"):
            key = self.take()
            if key.kind not in ("ident", "str", "kw"):
                raise ExpressionSyntaxError(f"expected a key at {key.pos}")
            self.expect(":")
            self.expression()
            if not self.at("}"):
                self.expect(",")
        self.take()
        return ANY

    def call(self, name: Token) -> Typed:
        self.expect("(")
        function = name.value
        if function in CLOSURE_FUNCTIONS:
            subject = self.expression()
            shape = subject.shape
            if isinstance(shape, ListOf):
                element = Typed(shape.item, subject.where + "[]")
            elif shape is None:
                element = ANY
            else:
                self.problems.append(
                    PathProblem(subject.where, f"the first argument of {function}() is not a list")
                )
                element = ANY
            self.expect(",")
            self.scopes.append(element)
            try:
                result = self.expression()
            finally:
                self.scopes.pop()
            self.rest_of_arguments()
            if function == "filter":
                return subject
            if function == "flatMap" and isinstance(result.shape, ListOf):
                return Typed(result.shape, result.where)
            if function == "map" and result.shape is not None:
                return Typed(ListOf(result.shape), result.where)
            return Typed(ListOf(Leaf())) if function in ("map", "flatMap") else ANY
        arguments = self.rest_of_arguments(first=True)
        if function in DATE_FUNCTIONS and (not arguments or arguments[0] in CLOCK_WORDS):
            self.problems.append(
                PathProblem(
                    f"{function}()", "reads the wall clock: use d(context.as_of) for the evaluation time"
                )
            )
        return ANY

    def arguments(self) -> None:
        self.expect("(")
        self.rest_of_arguments(first=True)

    def rest_of_arguments(self, first: bool = False) -> list[str | None]:
        """Parse up to ``)``; returns each argument's string literal value (None if not one)."""
        literals: list[str | None] = []
        if first and self.at(")"):
            self.take()
            return literals
        if first:
            literals.append(self.argument())
        while self.at(","):
            self.take()
            literals.append(self.argument())
        self.expect(")")
        return literals

    def argument(self) -> str | None:
        token, after = self.peek(), self.peek(1)
        literal = None
        if token is not None and token.kind == "str" and after is not None and after.value in (",", ")"):
            literal = token.value.strip().lower()
        self.expression()
        return literal

    def sub_expression(self, source: str) -> None:
        inner = _Parser(tokenize(source), self.root, self.problems, scopes=list(self.scopes))
        inner.expression()
        if inner.peek() is not None:
            raise ExpressionSyntaxError("unexpected text in template expression")


def check_paths(expression: str, root: Obj) -> list[PathProblem]:
    """Every path problem in one condition; raises ``ExpressionSyntaxError`` if it cannot be read."""
    problems: list[PathProblem] = []
    parser = _Parser(tokenize(expression), root, problems)
    parser.expression()
    if (extra := parser.peek()) is not None:
        raise ExpressionSyntaxError(f"unexpected {extra.value!r} at {extra.pos}")
    return problems


def field_paths(expression: str, root: Obj) -> set[str]:
    """The schema paths a condition reads (for documentation and tests)."""
    seen: set[str] = set()

    class Recording(_Parser):
        def member(self, typed: Typed, name: str) -> Typed:
            result = super().member(typed, name)
            if result.shape is not None:
                seen.add(result.where)
            return result

    parser = Recording(tokenize(expression), root, [])
    parser.expression()
    return seen


@dataclass(frozen=True, slots=True)
class Reads:
    """What of the facts one condition can observe, by schema path (``children[].checks.done``).

    ``whole``: paths whose value the condition can observe entirely (a leaf, or an object or list
    used other than by naming its fields: compared, passed to a function, interpolated...);
    ``present``: objects and lists it only looks into (by member access, as the list of a closure
    such as ``some``, or by ``len`` of a list), so their other fields cannot be observed.
    """

    whole: frozenset[str]
    present: frozenset[str]
    # Leaves of ``whole`` (values, not lists: a list is also looked into by ``len`` and closures)
    # whose value the condition only tests against null (``x != null``): all it can observe of them
    # is whether they are there.
    tested: frozenset[str] = frozenset()


class _Reading(_Parser):
    """The parser, recording every shaped value a condition produces and how it is consumed.

    Every value with a schema path is produced by a member access, ``#``, ``$root`` or a closure
    function, as its own object; it is *looked into* when it is the base of a member access, the
    list of a closure function or the argument of ``len`` (lists only). Anything else that consumes
    it (an operator, another function, a list literal...) may observe it whole. ``unsure`` is set
    where the path of a value is lost (a member of a value of unknown shape, a problem).
    """

    def __init__(self, tokens: tuple[Token, ...], root: Obj, scopes: list[Typed] | None = None) -> None:
        super().__init__(tokens, root, [], scopes=list(scopes or []))
        self.produced: list[Typed] = []
        self.looked_into: set[int] = set()
        self._alive: list[Typed] = []  # what ``looked_into`` names by ``id``, kept so ids stay unique
        self.unsure = False
        self.inner: list[_Reading] = []

    def _produce(self, typed: Typed) -> Typed:
        fresh = Typed(typed.shape, typed.where)
        if fresh.shape is not None:
            self.produced.append(fresh)
        return fresh

    def _look_into(self, typed: Typed) -> None:
        self._alive.append(typed)
        self.looked_into.add(id(typed))

    def member(self, typed: Typed, name: str) -> Typed:
        if typed.shape is None:
            self.unsure = True
            return ANY
        self._look_into(typed)
        result = super().member(typed, name)
        if result.shape is None:
            self.unsure = True  # a problem: the condition names what the schema does not have
            return ANY
        return self._produce(result)

    def primary(self) -> Typed:
        token = self.peek()
        typed = super().primary()
        if token is not None and token.kind == "ident" and token.value in ("#", "$root"):
            return self._produce(typed) if typed.shape is not None else typed
        return typed

    def unary(self) -> Typed:
        start = self.pos
        typed = super().unary()
        end = self.pos - 1  # the operand's last token
        if typed.shape is not None and (
            self._null_test(end + 2, end + 1, start, end + 2)
            or self._null_test(start - 2, start - 1, start - 2, end)
        ):
            self._look_into(typed)  # ``x != null``: only whether it is there
        return typed

    def _null_test(self, null: int, op: int, first: int, last: int) -> bool:
        """``null`` at ``null`` and ``==``/``!=`` at ``op`` make, with the operand, the comparison
        ``tokens[first..last]``, and nothing binds tighter on either side of it (the parser itself
        has no precedence)."""
        tokens = self.tokens
        if min(null, op, first) < 0 or max(null, op, last) >= len(tokens):
            return False
        if not (tokens[null].kind == "kw" and tokens[null].value == "null"):
            return False
        if not (tokens[op].kind == "op" and tokens[op].value in ("==", "!=")):
            return False
        behind = tokens[first - 1] if first > 0 else None
        ahead = tokens[last + 1] if last + 1 < len(tokens) else None
        return _separates(behind, opening=True) and _separates(ahead, opening=False)

    def call(self, name: Token) -> Typed:
        function = name.value
        if function == "len":
            self.expect("(")
            argument = self.expression()
            if isinstance(argument.shape, ListOf):
                self._look_into(argument)
            self.rest_of_arguments()
            return ANY
        if function not in CLOSURE_FUNCTIONS:
            return super().call(name)
        self.expect("(")
        subject = self.expression()
        shape = subject.shape
        if isinstance(shape, ListOf):
            self._look_into(subject)
            element = Typed(shape.item, subject.where + "[]")
        else:
            self.unsure = self.unsure or shape is not None
            element = ANY
        self.expect(",")
        self.scopes.append(element)
        try:
            self.expression()  # the closure's value: consumed (compared, or the mapped values)
        finally:
            self.scopes.pop()
        self.rest_of_arguments()
        if function == "filter":
            return self._produce(subject)  # the same list, cut: a value of its own
        return ANY  # counts, booleans, and mapped lists (their members: unsure, see member)

    def sub_expression(self, source: str) -> None:
        inner = _Reading(tokenize(source), self.root, self.scopes)
        inner.expression()
        if inner.peek() is not None:
            raise ExpressionSyntaxError("unexpected text in template expression")
        self.inner.append(inner)

    def reads(self) -> Reads | None:
        whole: set[str] = set()
        present: set[str] = set()
        tested: set[str] = set()
        observed: set[str] = set()  # leaves consumed otherwise than by a null test
        for parser in (self, *self.inner):
            if parser.unsure or parser.problems:
                return None
            for typed in parser.produced:
                structured = isinstance(typed.shape, Obj) or (
                    isinstance(typed.shape, ListOf) and not isinstance(typed.shape.item, Leaf)
                )
                looked_into = id(typed) in parser.looked_into
                if structured and looked_into:
                    present.add(typed.where)
                    continue
                whole.add(typed.where)
                if isinstance(typed.shape, Leaf):  # a leaf is looked into only by a null test
                    (tested if looked_into else observed).add(typed.where)
                else:
                    observed.add(typed.where)
        return Reads(frozenset(whole), frozenset(present), frozenset(tested - observed))


# read_paths' answers by (condition, root's identity), each kept with its root, so an identity is not
# reused while its answers are here; the bound is our own (the built-in rule sets have ~1,300 conditions).
_READS: dict[tuple[str, int], tuple[Obj, Reads | None]] = {}
_READS_BOUND = 16384


def read_paths(expression: str, root: Obj) -> Reads | None:
    """What one condition can observe (``Reads``), or None when that cannot be said with certainty
    (a syntax the parser does not know, a path it loses track of, a problem with a path).

    Remembered per condition and root: ``Reads`` is immutable, and compiling a rule set asks for
    the same condition at every hook it is in, for its include tree, context and rows."""
    key = (expression, id(root))
    if key in _READS:
        return _READS[key][1]
    reads = _read_paths(expression, root)
    if len(_READS) >= _READS_BOUND:
        _READS.clear()
    _READS[key] = (root, reads)
    return reads


def _read_paths(expression: str, root: Obj) -> Reads | None:
    try:
        tokens = tokenize(expression)
        if any(_is_index(tokens, i) for i in range(len(tokens))):
            return None  # an index computed at run time into an object could read any field of it
        parser = _Reading(tokens, root)
        parser.expression()
        if parser.peek() is not None:
            return None
    except ExpressionSyntaxError:
        return None
    return parser.reads()


def _separates(token: Token | None, *, opening: bool) -> bool:
    """Nothing, or a token that binds looser than a comparison, on that side of one."""
    if token is None:
        return True
    if token.kind == "kw":
        return token.value in ("and", "or")
    if token.kind == "op":
        return token.value in ("?", ":", ",")
    if token.kind == "bracket":
        return token.value in ("([{" if opening else ")]}")
    return False


def _is_index(tokens: tuple[Token, ...], i: int) -> bool:
    """``x[...]`` (an index or slice), not a list literal: ``[`` right after a value."""
    if tokens[i].value != "[" or tokens[i].kind != "bracket" or i == 0:
        return False
    before = tokens[i - 1]
    return before.kind in ("ident", "str", "num", "tmpl") or (
        before.kind == "bracket" and before.value in ")]"
    )


@dataclass(frozen=True, slots=True)
class ElementAccess:
    """A member access on an element of a list, e.g. ``#.arrested`` with ``#`` an adult:
    ``list_path`` ``adults``, ``field`` ``arrested``, and the access's characters in the source
    (``.arrested`` or ``["arrested"]``), ``start`` to ``end``."""

    list_path: str
    field: str
    start: int
    end: int


class _Accesses(_Reading):
    def __init__(self, tokens: tuple[Token, ...], root: Obj) -> None:
        super().__init__(tokens, root)
        self.accesses: list[ElementAccess] = []

    def member(self, typed: Typed, name: str) -> Typed:
        if isinstance(typed.shape, Obj) and typed.where.endswith("[]"):
            last = self.tokens[self.pos - 1]  # ``name`` after a dot, or the ``]`` of ``["name"]``
            first = self.tokens[self.pos - (3 if last.kind == "bracket" else 2)]
            self.accesses.append(ElementAccess(typed.where[:-2], name, first.pos, last.pos + len(last.value)))
        return super().member(typed, name)


def element_accesses(expression: str, root: Obj) -> tuple[Reads, list[ElementAccess]] | None:
    """What one condition observes (``read_paths``) and every member access it makes on a list's
    elements; None where ``read_paths`` cannot say, or the condition has a template literal (whose
    expressions are parsed apart from the source's positions)."""
    if read_paths(expression, root) is None:
        return None
    tokens = tokenize(expression)
    if any(token.kind == "tmpl" for token in tokens):
        return None
    parser = _Accesses(tokens, root)
    parser.expression()
    reads = parser.reads()
    return (reads, parser.accesses) if reads is not None else None
