"""YAML syntax errors in an editor's words, at the line where the mistake is.

PyYAML reports where its parser gave up, in parser terms ("expected <block end>, but found
'<scalar>'"), which is often lines after the mistake: an unclosed quotation mark is reported where
the next quote happens to close it, or at the end of the file. This module looks at the tokens and
lines before that point to name the likely mistake, where it was made, and what to write instead.
"""

from __future__ import annotations

import itertools

import yaml

from generator.errors import DataError, Location


def syntax_error(exc: yaml.MarkedYAMLError, text: str, name: str) -> DataError:
    """The error to show for a YAML syntax error in `text`, the contents of file `name`."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    problem = exc.problem or "invalid YAML"
    if problem.startswith(("aliases", "nested")):  # our own composer's refusals, already in plain words
        return DataError(Location(name, line + 1, column + 1), problem)
    explained = _quote_mistake(text, mark) or _explain(exc, text.splitlines(), problem)
    if explained:
        (line, column), message = explained
        return DataError(Location(name, line + 1, column + 1), f"YAML syntax error: {message}")
    return DataError(Location(name, line + 1, column + 1), _parser_words(exc, problem))


def _parser_words(exc: yaml.MarkedYAMLError, problem: str) -> str:
    """PyYAML's own message, for the rare mistakes not explained above, with where its context began."""
    context = f" {exc.context}" if exc.context else ""
    started, mark = exc.context_mark, exc.problem_mark
    if started and mark and started.line != mark.line:
        context += f" (started at line {started.line + 1}, column {started.column + 1})"
    return f"YAML syntax error:{context} {problem}".replace("  ", " ")


Place = tuple[int, int]  # line and column, from 0


def _quote_mistake(text: str, mark: yaml.Mark | None) -> tuple[Place, str] | None:
    """A quoted value whose closing quote is missing, or text after a closing quote: told by the last
    quoted value read before the parser gave up. A missing quote is reported where the next quote in
    the file happens to close the value, or at the end of the file; the mistake is where it opens."""
    if mark is None:
        return None
    last, runs_to_end = _last_scalar_before(text, mark)
    if last is None or last.style not in ('"', "'"):
        return None
    start, end, quote = last.start_mark, last.end_mark, last.style
    if runs_to_end or (end.line > start.line and mark.line == end.line):
        return (start.line, start.column), (
            f"the quotation mark {quote} that opens this value is not closed on its line; add the closing "
            f"{quote} at the end of the value"
        )
    if mark.line == end.line and mark.index >= end.index:
        inner = (
            "a ' inside '…' is written '' (or quote the whole value with \"…\")"
            if quote == "'"
            else "put the whole value in quotes, or write it without them"
        )
        return (mark.line, mark.column), f"text after the closing quotation mark {quote} of this value; {inner}"
    return None


def _last_scalar_before(text: str, mark: yaml.Mark) -> tuple[yaml.ScalarToken | None, bool]:
    """The last scalar token that starts before `mark`, and whether it is a quoted value that the
    scanner found running on to the end of the file."""
    last = None
    tokens = yaml.scan(text, Loader=yaml.SafeLoader)
    try:
        for token in itertools.takewhile(lambda t: t.start_mark.index < mark.index, tokens):
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.MarkedYAMLError as exc:
        ends = exc.problem and "end of stream" in exc.problem
        if ends and exc.context and "quoted scalar" in exc.context and exc.context_mark:
            start = exc.context_mark
            return yaml.ScalarToken("", False, start, start, style=text[start.index]), True
        return last, False
    return last, False


def _explain(exc: yaml.MarkedYAMLError, lines: list[str], problem: str) -> tuple[Place, str] | None:
    mark, started = exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    here = (mark.line, mark.column)
    if "\\t" in problem or "tab" in problem:
        return here, "a tab character; indent with spaces, not tabs"
    if problem.startswith("mapping values are not allowed"):
        return here, _colon_problem(lines[mark.line] if mark.line < len(lines) else "", mark.column)
    if "could not find expected ':'" in problem and started:
        return (started.line, started.column), (
            "this line has no colon after its field name; write `field: value` (a value continued on the next "
            "line must be indented further than its field)"
        )
    if problem.startswith(("expected ',' or ']'", "expected ',' or '}'")):
        return _flow_problem(problem, mark, started)
    if problem.startswith("expected <block end>"):
        return _indent_problem(lines, mark)
    if "that cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "this character"
        return here, f"a value cannot start with {char}; put the value in quotes"
    if "unknown escape character" in problem:
        return here, (
            "a backslash in a \"…\" value starts an escape such as \\n; write \\\\ for a backslash, or use '…' quotes"
        )
    return None


def _colon_problem(line: str, column: int) -> str:
    key_end = line.find(": ")
    if 0 <= key_end < column - 1:
        return (
            "a colon followed by a space inside an unquoted value; put the whole value in quotes, "
            f'e.g. {line[:key_end].strip()}: "{line[key_end + 2 :].strip()}"'
        )
    return "this line is indented deeper than the line above it; line it up with the field it belongs to"


def _flow_problem(problem: str, mark: yaml.Mark, started: yaml.Mark | None) -> tuple[Place, str]:
    bracket, what = ("[", "list") if "]" in problem else ("{", "mapping")
    closing = "]" if bracket == "[" else "}"
    if started and started.line != mark.line:
        return (started.line, started.column), (
            f"the {bracket} that opens this {what} is never closed; add {closing} after its last item"
        )
    return (mark.line, mark.column), (
        f"items of a {bracket} {closing} {what} are separated by commas, e.g. {{value: 1, source: x}}; put an "
        "item that contains a colon, a comma or a bracket in quotes"
    )


def _indent_problem(lines: list[str], mark: yaml.Mark) -> tuple[Place, str] | None:
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = len(line) - len(line.lstrip(" "))
    levels = _open_levels(lines, mark.line)
    field = line.strip().split(":")[0]
    fields = sorted(level for level, kind in levels.items() if kind == "field")
    dashes = sorted(level for level, kind in levels.items() if kind == "dash")
    if indent not in levels:
        dashed = f", a list's dashes {_or(dashes)}" if dashes else ""
        return (mark.line, indent), (
            f"`{field}` is indented {indent} spaces, which lines up with nothing above it (fields above are "
            f"indented {_or(fields)}{dashed}); indent it exactly like the field it belongs to"
        )
    if levels[indent] == "dash" and not line.lstrip().startswith("-"):
        item = min((level for level in fields if level > indent), default=indent + 2)
        return (mark.line, indent), (
            f"`{field}` lines up with the dash of a list entry; a field of the entry is indented {item} spaces, "
            "like its first field (a new entry starts with `- `)"
        )
    if line.lstrip().startswith("- "):
        return (mark.line, indent), (
            "a list item where a field was expected; indent the list under its field (`models:` then `  - id: …`)"
        )
    return None


def _open_levels(lines: list[str], upto: int) -> dict[int, str]:
    """The indentations a line after lines[:upto] may have, each a "field" (of an enclosing mapping)
    or a "dash" (a next entry of an enclosing list, whose first field sits after the dash)."""
    levels: dict[int, str] = {}
    limit = 1 << 30
    for line in reversed(lines[:upto]):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        inner, rest = indent, stripped
        while rest.startswith("- "):
            after = rest[2:]
            inner += 2 + len(after) - len(after.lstrip(" "))
            rest = after.lstrip(" ")
        for level, kind in ((inner, "field"), (indent, "dash" if inner > indent else "field")):
            if level < limit:
                levels[level] = kind
                limit = level
        if indent == 0:
            break
    return levels or {0: "field"}


def _or(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
