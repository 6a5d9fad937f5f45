"""The rule that a quote states its value (data format v2), with the writings sources use."""

from __future__ import annotations

import datetime

import pytest

from generator.quotes import states, written_in

DAY = datetime.date(2025, 4, 29)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("Context Length: 32,768 natively and 131,072 tokens with YaRN.", 131072),
        ("Qwen3-4B 36 32 / 8 Yes 32K", 32768),  # binary K
        ("a context window of 128k tokens", 128000),  # decimal K
        ("1M tokens", 1048576),
        ("8.2B parameters", 8.2),  # parameters are in billions
        ("1.5T total parameters", 1500),
        ("800M parameters", 0.8),
        ("MMLU 88.40", 88.4),  # trailing zeros
        ("88.4% on MMLU", 88.4),
        ("MMLU-Pro (CoT) 5 macro_avg/acc 45.5 48.3 63.4 66.4 73.3", 48.3),  # a cell of a table row
        ("$0.28 per million input tokens", 0.28),
        ('"tie_word_embeddings": false', False),
        ('"use_sliding_window": True', True),
        ("released 2025-04-29", DAY),
        ("released on April 29, 2025", DAY),
        ("29 April 2025", DAY),
        ("2025.04.29", DAY),
        ("License | Apache 2.0 | Apache 2.0", "apache 2.0"),  # any case
        ("Text and image input", ["text", "image"]),
    ],
)
def test_quote_states_the_value(quote: str, value: object) -> None:
    assert states(quote, value)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("MMLU 80.6", 85),  # the case: the quote contradicts the value
        ("MMLU 88.41", 88.4),
        ("MMLU 0.8841", 88.41),  # a fraction for a percent needs as_written
        ("~30B active parameters", 30),  # hedged: as_written
        ("eight billion parameters", 8),  # in words: as_written
        ("Qwen3 model", 3),  # digits inside a name are not a figure
        ("Gemma 3n E4B", 4.0),
        ("released April 30, 2025", DAY),
        ('"tie_word_embeddings": true', False),
        ("Text input", ["text", "image"]),
        ("MIT", "Apache 2.0"),
    ],
)
def test_quote_does_not_state_the_value(quote: str, value: object) -> None:
    assert not states(quote, value)


def test_as_written_must_be_the_quotes_own_words() -> None:
    assert written_in("Around ~30B active parameters", "~30B")
    assert written_in("eight  billion\nparameters", "eight billion")
    assert not written_in("0.8841", "0.884")
    assert not written_in("MMLU 88.41", "88.4%")
