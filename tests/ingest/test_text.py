import codecs

import pyarrow as pa
import pytest

from newspipe.ingest import IngestConfig, InputError, discover_inputs, read_documents
from newspipe.ingest.text import decode_text

ARTICLE = "Harbour strike ends\n\nDock workers in Rotterdam voted to return on Monday.\n"


def _read(paths: list[str], **settings) -> pa.Table:
    return pa.concat_tables(read_documents(paths, IngestConfig(**settings)))


def test_utf8_with_and_without_bom_give_the_same_text():
    plain, enc_plain, _ = decode_text(ARTICLE.encode())
    bom, enc_bom, _ = decode_text(codecs.BOM_UTF8 + ARTICLE.encode())
    assert plain == bom == ARTICLE
    assert (enc_plain, enc_bom) == ("utf-8", "utf-8-sig")


def test_crlf_and_lone_cr_end_lines():
    text, _, _ = decode_text(b"Title\r\n\r\nFirst line.\rSecond line.\r\n")
    assert text.split("\n") == ["Title", "", "First line.", "Second line.", ""]


def test_latin1_bytes_fall_back_and_record_the_decision():
    raw = "Caf\u00e9 owners in S\u00e3o Paulo protest \u201cunfair\u201d rents.".encode("cp1252")
    text, encoding, error = decode_text(raw)
    assert error is None
    assert encoding == "cp1252"
    assert "Café" in text and "São Paulo" in text and "“unfair”" in text


def test_utf16_with_bom_is_read():
    text, encoding, _ = decode_text(ARTICLE.encode("utf-16"))
    assert text == ARTICLE and encoding == "utf-16"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n\t  \r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(data, reason):
    text, encoding, error = decode_text(data)
    assert text is None and encoding is None
    assert error.startswith(reason)


def test_read_documents_quarantines_and_keeps_going(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    table = _read([str(good), str(empty), str(big)], max_bytes=300)
    rows = {r["source_uri"]: r for r in table.to_pylist()}
    assert rows[str(good)]["status"] == "ok" and rows[str(good)]["text"] == ARTICLE
    assert rows[str(empty)]["status"] == "quarantined"
    assert rows[str(empty)]["error"].startswith("empty")
    assert rows[str(big)]["status"] == "quarantined"
    assert "over the limit of 300 bytes" in rows[str(big)]["error"]
    assert rows[str(big)]["n_bytes"] == 500


def test_same_bytes_at_two_paths_share_a_doc_id(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE + "More.")
    ids = _read([str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")])["doc_id"].to_pylist()
    assert ids[0] == ids[1] != ids[2]
    assert len(ids[0]) == 16


def test_discover_walks_folders_recursively_and_reports_skipped(tmp_path):
    (tmp_path / "2025" / "03").mkdir(parents=True)
    (tmp_path / "2025" / "03" / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.TXT").write_text(ARTICLE)
    (tmp_path / "notes.doc").write_text("{}")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "hidden.txt").write_text(ARTICLE)
    found = discover_inputs([str(tmp_path)], IngestConfig())
    assert [p.removeprefix(str(tmp_path)) for p in found.files] == ["/2025/03/a.txt", "/b.TXT"]
    assert found.skipped == [str(tmp_path / "notes.doc")]


def test_discover_globs_and_named_files(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(ARTICLE)
    (tmp_path / "named.dat").write_text(ARTICLE)
    found = discover_inputs(
        [str(tmp_path / "x*.txt"), str(tmp_path / "named.dat"), str(tmp_path / "x1.txt")],
        IngestConfig(),
    )
    assert [p.rsplit("/", 1)[1] for p in found.files] == ["named.dat", "x1.txt", "x2.txt"]


@pytest.mark.parametrize("pattern", ["missing.txt", "nothing-*.txt"])
def test_discover_refuses_inputs_that_name_nothing(tmp_path, pattern):
    with pytest.raises(InputError, match="no such file|matches no file"):
        discover_inputs([str(tmp_path / pattern)], IngestConfig())
