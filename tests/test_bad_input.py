"""The bad-input corpus: one file per class of mistake in tests/bad/, each with the exact errors it must produce.

Each case is dropped into a copy of the real data as data/families/broken.yaml (a minimal family is
valid: id, name and maker) and run through `python -m generator site`: it must exit non-zero, print
every expected `file:line:column: message`, and leave the previous site/ and build/docs/ as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.load import MAX_FILE_BYTES, MAX_NODES

BAD = Path(__file__).resolve().parent / "bad"
F = "data/families/broken.yaml"

# case (file name in tests/bad without .yaml) -> every error it must print, exactly.
EXPECTED: dict[str, list[str]] = {
    # Syntax errors at the line of the mistake, in words: PyYAML would name the line where it gave up.
    "yaml-syntax": [
        f"{F}:4:10: YAML syntax error: the [ that opens this list is never closed; add ] after its last item"
    ],
    "tab-indent": [f"{F}:5:1: YAML syntax error: a tab character; indent with spaces, not tabs"],
    "unclosed-quote": [
        f'{F}:2:7: YAML syntax error: the quotation mark " that opens this value is not closed on its line; '
        'add the closing " at the end of the value'
    ],
    "dedented-list-key": [
        f"{F}:7:4: YAML syntax error: `short_name` is indented 3 spaces, which lines up with nothing above it "
        "(fields above are indented 0 or 4, a list's dashes 2); indent it exactly like the field it belongs to"
    ],
    "colon-in-value": [
        f"{F}:4:17: YAML syntax error: a colon followed by a space inside an unquoted value; put the whole value "
        'in quotes, e.g. summary: "Context: 32K tokens"'
    ],
    # Invisible characters, written as themselves or as escapes: refused where they are.
    "control-raw": [
        f"{F}:2:13: character U+007F (an invisible control character) is not allowed in data files; delete it"
    ],
    "control-escape": [
        f"{F}:2:7: character U+0001 (an invisible control character) is not allowed in data files; delete it"
    ],
    "bidi-override": [
        f"{F}:4:16: character U+202E (right-to-left override, which makes text display in another order than it "
        "is stored) is not allowed in data files; delete it"
    ],
    "duplicate-key": [f"{F}:4:1: duplicate key 'name' (first defined on line 2); keep one"],
    "unknown-field": [f"{F}:4:1: unknown field 'sumary'; did you mean 'summary'?"],
    "wrong-type": [
        f"{F}:7:29: models.0.context_tokens.value: expected a whole number, got text '32K' "
        "(write the number without quotes or units)"
    ],
    # YAML 1.1 traps: PyYAML alone would read `no` as false, `1e3` as text and `010` as eight.
    "yaml11-no": [
        f"{F}:7:19: models.0.edge.value: expected true or false, got text 'no' "
        "(YAML 1.2: only true and false are booleans)"
    ],
    "yaml11-exponent": [f"{F}:4:10: summary: expected text, got number 1000 (put it in quotes to keep it as text)"],
    "yaml11-leading-zero": [
        f"{F}:4:18: license.value: expected text, got number 10 (put it in quotes to keep it as text)"
    ],
    # Plausibility: well-formed, yet probably not what the editor meant; each says what was meant.
    "percent-as-fraction": [
        f"{F}:8:34: value: 0.8841 on mmlu, a percent benchmark, reads as 0.8841 percent: did you mean 88.41? "
        '(write the percentage; if the source gives a fraction, add as_written: "0.8841")'
    ],
    "quote-contradicts-value": [
        f'{F}:8:34: value: 85 is not what its quote states ("MMLU 80.6"); did you mean 80.6? If the quote writes '
        "it otherwise (`0.8841` for 88.41 percent, `eight billion`), copy those words into `as_written:`; if it "
        "says something else, check the source: never change a value to fit"
    ],
    "quote-hedges-value": [
        f"{F}:8:22: value: the quote hedges 30 ('~30B'): add `approx: true`, so that readers see it is approximate"
    ],
    "as-written-not-in-quote": [
        f"{F}:8:94: as_written: '8 billion' is not in the quote; copy the quote's own words for the value"
    ],
    "measurement-without-figure": [
        f"{F}:8:9: hardware: this measurement has no figure; give at least one of ram_gb, vram_gb, tokens_per_second "
        "(the numbers its quote states), or delete it"
    ],
    # Numbers and dates at the edges: each refused where it is written, long numbers echoed shortened.
    "number-inf": [
        f"{F}:7:29: models.0.context_tokens.value: .inf is not a number any figure can have; write a finite "
        "number (or quote it as text)"
    ],
    "number-nan": [
        f"{F}:8:34: models.0.scores.0.value: .nan is not a number any figure can have; write a finite number "
        "(or quote it as text)"
    ],
    "number-overflow": [f"{F}:8:22: models.0.params.total.value: number 1e309 is too large to be a figure; check it"],
    "number-5000-digits": [
        f"{F}:7:29: models.0.context_tokens.value: number 111111111111…111111 is written with 5,000 characters; "
        "no figure needs more than 30, so check it"
    ],
    "number-25-digits": [
        f"{F}:7:29: models.0.context_tokens.value: input should be less than or equal to 100000000 "
        "(got number 1234567890123456789012345)"
    ],
    "percent-just-above-100": [
        f"{F}:8:34: value: 100.0000001 is out of range for mmlu, a percent benchmark (0 to 100)"
    ],
    "date-9999": [
        f"{F}:4:19: released.value: 9999-12-31 is not a date a figure can have (from 1970-01-01 to 2100-12-31)"
    ],
    "date-0001": [
        f"{F}:4:19: released.value: 0001-01-01 is not a date a figure can have (from 1970-01-01 to 2100-12-31)"
    ],
    "date-2204": [f"{F}:4:10: checked: 2204-12-13 is not a date a figure can have (from 1970-01-01 to 2100-12-31)"],
    "bad-date": [f"{F}:4:19: released.value: expected a date (YYYY-MM-DD), got text '2026-02-30'"],
    "missing-required": [
        f"{F}:1:1: missing required field 'maker'",
        f"{F}:4:5: missing required field 'name'",
        f"{F}:6:14: missing required field 'source'",
    ],
    "out-of-range": [f"{F}:8:18: models.0.hardware.0.ram_gb: input should be greater than 0 (got number 0)"],
    "dangling-id": [f"{F}:3:8: maker: no maker has the id 'gogle'; did you mean 'google'?"],
    # A missing maker, benchmark, profile or source: where to add it and with which fields.
    "missing-maker": [
        f"{F}:3:8: maker: no maker has the id 'upstage'; to add it, write an entry under `makers:` in "
        'data/catalog.yaml with id, name and colour, e.g. `- {id: upstage, name: Upstage, colour: "#rrggbb"}`'
    ],
    "missing-benchmark-and-profile": [
        f"{F}:8:21: benchmark: no benchmark has the id 'musr'; to add it, write an entry under `benchmarks:` "
        "in data/catalog.yaml with id, name and category (and `unit: score` or `unit: elo` when it is not a "
        "percentage), e.g. `- {id: musr, name: Musr, category: general}`",
        f"{F}:10:19: profile: no profile has the id 'tpu-v9'; to add it, write an entry under `profiles:` in "
        "data/catalog.yaml with id and name, e.g. `- {id: tpu-v9, name: Tpu V9}`",
    ],
    "missing-source": [
        # An id like no other, so that new sources in the data never make a did-you-mean of it.
        f"{F}:4:31: source: no source has the id 'zz9-plural-z-alpha'; to add it, write an entry under `sources:` at the "
        "end of this file (in data/catalog.yaml if several files cite it) with id, title, url, publisher, date and kind"
    ],
    # Patterns in words, with an example: never the regular expression.
    "id-pattern": [
        f"{F}:3:8: maker: 'Mistral AI' is not an id: an id is written with lower-case letters and digits, in words "
        "joined by single hyphens, e.g. `gemma-4-26b` (did you mean 'mistral-ai'?)"
    ],
    "ollama-tag": [
        f"{F}:7:21: models.0.ollama.value: 'Broken 1B' is not an Ollama tag: an Ollama tag is written with the "
        "model name in lower case (letters, digits, `.`, `_`, `-`, a namespace before a `/`), then optionally `:` "
        "and the tag as published, e.g. `qwen3:8b` or `mistral-small:24b-instruct-2501-q4_K_M`"
    ],
    # Files are read in name order, so the real family's id is the one reported as the second.
    "duplicate-id": [f"data/families/gemma-4.yaml:33:9: duplicate model id 'gemma-4-e2b' (first defined at {F}:5:9)"],
    "empty": [f"{F}:1:1: file is empty; expected a mapping of fields"],
    "only-comment": [f"{F}:1:1: file is empty; expected a mapping of fields"],
    "top-level-list": [f"{F}:1:1: (top level): expected a mapping of fields, got a list"],
    "top-level-scalar": [f"{F}:1:1: (top level): expected a mapping of fields, got text 'just some text'"],
    "non-utf8": [f"{F}:2:10: byte 0xe9 is not valid UTF-8; save the file as UTF-8"],
    # 10 levels of 9 aliases would expand to 9**10 strings; refused at the first alias, before any expansion.
    "alias-bomb": [f"{F}:5:10: aliases (*name) are not allowed in data files; write the value out"],
    "deep-nesting": [f"{F}:4:73: nested more than 64 levels deep; data files are flatter"],
    "python-tag": [f"{F}:4:10: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in data files"],
    # Data format v2: evaluation settings from a vocabulary, conflicts with a reason, dated prices, no future.
    "setting-vocabulary": [
        f"{F}:8:49: models.0.scores.0.variant: 'instuct' is not one of base, instruct, reasoning "
        "(did you mean 'instruct'?)",
        f"{F}:9:72: models.0.scores.1.effort: 'extreme' is not one of low, medium, high",
        f"{F}:10:45: models.0.scores.2.cot: expected true or false, got text 'yes' "
        "(YAML 1.2: only true and false are booleans)",
    ],
    "setting-cross-field": [
        f"{F}:8:67: effort: only a reasoning score has an effort; add `variant: reasoning` or delete `effort`",
        f"{F}:9:52: run_by: 'lmarean' is not `maker`, a maker or an evaluator of data/catalog.yaml (a third party "
        "that runs benchmarks goes under `evaluators:` there, with id, name and url)",
        f"{F}:11:85: maker: no maker has the id 'gogle'; did you mean 'google'?",
    ],
    "conflict-without-reason": [
        f"{F}:11:7: conflicts: say why `value` was chosen over them, in `chosen_because:` beside `value`",
        f"{F}:13:19: conflicts: 131072 is the chosen value itself; a conflict states another value",
        f"{F}:15:59: chosen_because: explains a choice among `conflicts:`, and there are none; add them or delete it",
    ],
    "price-without-date": [
        f"{F}:7:5: as_of: a price needs the day it was read or the day its source states: add `as_of: YYYY-MM-DD`",
        f"{F}:12:43: history: as_of 2025-06-01 is not before 2025-03-01; list past prices oldest first, each "
        "before the offer's current `as_of`",
        f"{F}:13:9: history: a past price needs input_usd_per_mtok or output_usd_per_mtok",
    ],
    # The tests build with OMC_TODAY=2026-12-01 (tests/conftest.py).
    "future-date": [
        f"{F}:4:19: released.value: 2035-04-02 is after the build's reference day 2026-12-01 (--today, else OMC_TODAY, else the last commit's date); a date in the future is a typo",
        f"{F}:5:10: checked: 2099-01-01 is after the build's reference day 2026-12-01 (--today, else OMC_TODAY, else the last commit's date); a date in the future is a typo",
        f"{F}:7:84: sources.0.date: 2035-04-01 is after the build's reference day 2026-12-01 (--today, else OMC_TODAY, else the last commit's date); a date in the future is a typo",
    ],
    "borrowed-source": [
        f"{F}:4:38: source: 'qwen-3-readme' is defined in data/families/qwen-3.yaml; cite this file's own sources "
        "or data/catalog.yaml's (move a source several families cite to data/catalog.yaml)"
    ],
    "javascript-url": [
        f"{F}:5:24: links.0.url: links must start with https:// or http:// (got text 'javascript:alert(1)')"
    ],
}


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def previous_output(project: Path) -> Path:
    """Stand-ins for the last good build: the failed run must leave them byte for byte."""
    for folder in ("site", "build/docs"):
        (project / folder).mkdir(parents=True)
        (project / folder / "index.html").write_text("last good build\n", encoding="utf-8")
    return project


def run_site(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    before = {folder: digest(project / folder) for folder in ("site", "build/docs")}
    code = main(["--root", str(project), "site"])
    err = capsys.readouterr().err.splitlines()
    assert {folder: digest(project / folder) for folder in before} == before
    return code, err


def test_every_case_file_has_an_expectation() -> None:
    assert sorted(p.stem for p in BAD.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_file_fails_with_exact_errors(case: str, previous_output: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(BAD / f"{case}.yaml", previous_output / F)
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err == [*EXPECTED[case], f"{len(EXPECTED[case])} error(s) in the data; nothing was written."]


def test_huge_file_is_refused_by_size(previous_output: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (previous_output / F).write_bytes(b"id: broken\nsummary: " + b"x" * MAX_FILE_BYTES + b"\n")
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err[0] == (
        f"{F}:1:1: file is 1,000,021 bytes; data files are limited to 1,000,000 bytes (split it into several files)"
    )


def test_file_with_too_many_values_is_refused(
    previous_output: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under the byte limit, but more values than any real family: refused, not built into a huge catalog.
    # The limit is lowered so that the test parses 1,001 values instead of 200,001 (same code path).
    monkeypatch.setattr("generator.load.MAX_NODES", 1000)
    (previous_output / F).write_text("summary: [" + ",".join(["0"] * 1001) + "]\n", encoding="utf-8")
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err[0] == f"{F}:1:2007: more than 1,000 values in one file; split it"
    assert MAX_NODES >= 100_000  # the real limit leaves room for any real family


@pytest.mark.parametrize(
    ("field", "written", "read_as"),
    [
        ("summary", "no", "no"),
        ("summary", "2026-01-02", "2026-01-02"),
        ("summary", "'010'", "010"),
        ("summary", "on", "on"),
    ],
)
def test_yaml_1_1_traps_that_are_text_stay_text(project: Path, field: str, written: str, read_as: str) -> None:
    """Where text is wanted, YAML 1.1's booleans and dates are simply text (no error, no surprise)."""
    from generator.build import load_catalog

    (project / F).write_text(f"id: broken\nname: Broken\nmaker: google\n{field}: {written}\n", encoding="utf-8")
    assert getattr(load_catalog(project).families["broken"], field) == read_as


# Entries of data/ that are not regular files: refused by name, never read (a link is not followed,
# a pipe is not opened for a blocking read), so nothing of their target reaches the log.
ONLY_FILES = "data/ holds only regular files (replace it with the file itself, or move it out of data/)"


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero", "/nonexistent/dangling.yaml", "gemma-4.yaml"])
def test_symbolic_link_is_refused_unread(
    target: str, previous_output: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (previous_output / F).symlink_to(target)
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err == [f"{F}: is a symbolic link; {ONLY_FILES}", "1 error(s) in the data; nothing was written."]


def test_link_to_a_folder_is_refused_not_walked(previous_output: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (previous_output / "data/families/more").symlink_to(previous_output / "data/families")
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err[0] == f"data/families/more: is a symbolic link; {ONLY_FILES}"


def test_named_pipe_is_refused_without_hanging(previous_output: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(previous_output / F)
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err == [f"{F}: is a named pipe, not a file; {ONLY_FILES}", "1 error(s) in the data; nothing was written."]


@pytest.mark.parametrize("name", ["data/families/.broken.yaml", "data/.notes", "data/.drafts/x.yaml"])
def test_hidden_files_are_reported_not_skipped(
    name: str, previous_output: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hidden = previous_output / name
    hidden.parent.mkdir(parents=True, exist_ok=True)
    hidden.write_text("id: broken\n", encoding="utf-8")
    code, err = run_site(previous_output, capsys)
    shown = name if "/.drafts/" not in name else "data/.drafts"
    assert code == 1
    assert err == [
        f"{shown}: hidden file or folder in data/; data/ holds only data files: delete it or move it out of data/",
        "1 error(s) in the data; nothing was written.",
    ]


def test_no_family_at_all_is_an_error(previous_output: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in (previous_output / "data/families").glob("*.yaml"):
        path.unlink()
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err == [
        "data/families: no family file: a site needs at least one (write one with `make new-family ID=<id>`)",
        "1 error(s) in the data; nothing was written.",
    ]


@pytest.mark.parametrize(
    ("page", "claimed_by"),
    [
        ("benchmarks.md", "benchmarks/index.html, which the redirect to leaderboards/ also claims"),
        ("families/index.md", "families/index.html, which the generated families-index page families/index.md"),
        ("hardware.md", "hardware/index.html, which the generated hardware page hardware/index.md also claims"),
    ],
)
def test_a_hand_written_page_cannot_claim_a_generated_address(
    page: str, claimed_by: str, previous_output: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/benchmarks.md once hid the redirect from /benchmarks/ to the leaderboards: two pages must
    never claim one URL, whichever MkDocs would have written last."""
    (previous_output / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
    (previous_output / "docs" / page).write_text("# Mine\n", encoding="utf-8")
    code, err = run_site(previous_output, capsys)
    assert code == 1
    assert err[0].startswith(f"docs/{page}: is published at {claimed_by}")
    assert err[0].endswith("; rename it")
