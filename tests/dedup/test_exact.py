from datetime import date

import pyarrow as pa

from newspipe.dedup import assign_duplicate_groups, content_hashes, deduplicate, duplicate_rows

WIRE = (
    "The port authority said on Tuesday that 40 ships were waiting to dock.\n\n"
    "\u201cWe expect the queue to clear by Friday,\u201d a spokeswoman said."
)


def test_copies_differing_in_case_spacing_punctuation_and_quotes_hash_alike():
    variants = pa.array(
        [
            WIRE,
            WIRE.upper(),
            WIRE.replace("\u201c", '"').replace("\u201d", '"').replace("\n\n", "\n"),
            "  " + WIRE.replace(",", " ,") + "  ",
        ]
    )
    assert len(set(content_hashes(variants).to_pylist())) == 1


def test_a_changed_word_changes_the_hash():
    hashes = content_hashes(pa.array([WIRE, WIRE.replace("40", "41")])).to_pylist()
    assert hashes[0] != hashes[1]


def _index(rows):
    return pa.Table.from_pylist(
        rows,
        schema=pa.schema(
            [
                ("article_id", pa.string()),
                ("content_hash", pa.string()),
                ("published_date", pa.date32()),
                ("n_words", pa.int32()),
            ]
        ),
    )


def test_canonical_is_earliest_then_longest_then_smallest_id():
    groups = assign_duplicate_groups(
        _index(
            [
                {
                    "article_id": "c3",
                    "content_hash": "h1",
                    "published_date": date(2025, 3, 2),
                    "n_words": 300,
                },
                {
                    "article_id": "b2",
                    "content_hash": "h1",
                    "published_date": date(2025, 3, 1),
                    "n_words": 200,
                },
                {"article_id": "a1", "content_hash": "h1", "published_date": None, "n_words": 900},
                {"article_id": "d4", "content_hash": "h2", "published_date": None, "n_words": 100},
                {"article_id": "e5", "content_hash": "h2", "published_date": None, "n_words": 120},
                {"article_id": "f6", "content_hash": "h3", "published_date": None, "n_words": 50},
            ]
        )
    ).to_pylist()
    by_id = {g["article_id"]: g for g in groups}
    assert {g["dup_group_id"] for g in groups} == {"a1", "d4", "f6"}
    assert [a for a, g in by_id.items() if g["is_canonical"]] == ["b2", "e5", "f6"]
    assert by_id["c3"]["dup_of"] == "b2" and by_id["d4"]["dup_of"] == "e5"
    assert by_id["a1"]["group_size"] == 3 and by_id["f6"]["group_size"] == 1
    audit = duplicate_rows(pa.Table.from_pylist(groups))
    assert sorted(audit["article_id"].to_pylist()) == ["a1", "b2", "c3", "d4", "e5"]
    assert set(audit["method"].to_pylist()) == {"exact"}


def test_new_articles_join_groups_published_earlier():
    published = _index(
        [
            {
                "article_id": "p1",
                "published_date": date(2025, 1, 5),
                "content_hash": content_hashes(pa.array([WIRE]))[0].as_py(),
                "n_words": 25,
            }
        ]
    )
    new = pa.table(
        {
            "article_id": ["n1", "n2"],
            "body": [WIRE.upper(), "An unrelated report about rainfall in Lisbon."],
            "published_date": pa.array([date(2025, 1, 4), None], pa.date32()),
            "n_words": pa.array([25, 7], pa.int32()),
        }
    )
    hashed, groups = deduplicate(new, published)
    assert "content_hash" in hashed.column_names
    by_id = {g["article_id"]: g for g in groups.to_pylist()}
    assert by_id["n1"]["dup_group_id"] == by_id["p1"]["dup_group_id"] == "n1"
    assert by_id["n1"]["is_canonical"] and not by_id["p1"]["is_canonical"]
    assert by_id["n2"]["group_size"] == 1
