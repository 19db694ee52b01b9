"""The fault isolation every pipeline step goes through (newspipe.pipeline.isolation)."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from newspipe.pipeline import RunFailure, isolate


def _articles(n: int) -> pa.Table:
    return pa.table(
        {
            "article_id": [f"a{i:03d}" for i in range(n)],
            "body": [f"Body of article {i}." for i in range(n)],
        }
    )


def _lengths_failing_on(*bad: str):
    """A vectorised step (body lengths) that raises when a bad article is in its batch."""
    calls = []

    def step(articles: pa.Table) -> pa.Table:
        calls.append(articles.num_rows)
        for article_id in bad:
            if article_id in articles["article_id"].to_pylist():
                raise OverflowError("date value out of range")
        return articles.select(["article_id"]).append_column(
            "length", pc.utf8_length(articles["body"])
        )

    return step, calls


def test_a_batch_without_failures_is_one_call():
    step, calls = _lengths_failing_on()
    result, failed = isolate("enrich.dates", step, _articles(100))
    assert result.num_rows == 100 and failed == {} and calls == [100]


def test_the_failing_documents_are_found_and_the_rest_is_computed():
    step, calls = _lengths_failing_on("a017", "a071")
    result, failed = isolate("enrich.dates", step, _articles(100))
    assert failed == {
        "a017": "enrich.dates: OverflowError: date value out of range",
        "a071": "enrich.dates: OverflowError: date value out of range",
    }
    assert result.num_rows == 98
    assert not {"a017", "a071"} & set(result["article_id"].to_pylist())
    # Bisection: a few calls per failing document, not one per document.
    assert len(calls) < 30


def test_a_step_failing_even_on_no_documents_fails_the_run():
    def step(articles: pa.Table) -> pa.Table:
        raise KeyError("body")

    with pytest.raises(RunFailure, match="enrich.quotes: KeyError"):
        isolate("enrich.quotes", step, _articles(3))


def test_a_step_failing_on_every_document_of_a_batch_fails_the_run():
    def step(articles: pa.Table) -> pa.Table:
        if articles.num_rows:
            raise TypeError("unsupported operand")
        return articles

    with pytest.raises(RunFailure, match="every one of 20 documents fails"):
        isolate("enrich.quotes", step, _articles(20))
    # A small batch of bad documents is only that.
    assert isolate("enrich.quotes", step, _articles(3))[0].num_rows == 0


def test_machine_errors_fail_the_run_unisolated():
    def step(articles: pa.Table) -> pa.Table:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        isolate("dedup.groups", step, _articles(10))


def test_a_failure_no_single_document_causes_fails_the_run():
    def step(articles: pa.Table) -> pa.Table:
        if articles.num_rows > 6:
            raise MemoryError("batch too large")
        return articles

    with pytest.raises(RunFailure, match="no single document causes it"):
        isolate("enrich.entities", step, _articles(10))


@dataclass(frozen=True)
class _Sketches:
    index: pa.Table
    signatures: pa.Table


def test_tables_of_a_dataclass_are_split_together_and_paths_as_lists():
    sketches = _Sketches(_articles(8), _articles(8).select(["article_id"]))

    def step(s: _Sketches) -> int:
        if "a005" in s.signatures["article_id"].to_pylist():
            raise ValueError("bad signature")
        assert s.index.num_rows == s.signatures.num_rows
        return s.index.num_rows

    assert isolate("dedup.groups", step, sketches) == (
        7,
        {"a005": "dedup.groups: ValueError: bad signature"},
    )

    def read(paths: list[str]) -> list[str]:
        if "/in/b.txt" in paths:
            raise UnicodeError("bad bytes")
        return paths

    assert isolate("ingest", read, ["/in/a.txt", "/in/b.txt", "/in/c.txt"]) == (
        ["/in/a.txt", "/in/c.txt"],
        {"/in/b.txt": "ingest: UnicodeError: bad bytes"},
    )


def test_an_error_text_is_one_bounded_line():
    def step(articles: pa.Table) -> pa.Table:
        if articles.num_rows:
            raise ValueError("line one\nline two " + "x" * 2000)
        return articles

    _, failed = isolate("clean", step, _articles(1))
    (error,) = failed.values()
    assert error.startswith("clean: ValueError: line one line two x")
    assert "\n" not in error and len(error) <= 500
