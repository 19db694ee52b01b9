import random
from datetime import date, timedelta

import pyarrow as pa
import pytest

from newspipe import dedup

from .warehouse_double import DedupWarehouse

WORDS = str.split(
    "port authority ships dock queue harbour minister council river bridge train acid "
    "spill evacuation residents firefighters company plant workers union closure jobs "
    "museum painting police theft hospital ransomware systems patients data rocket launch "
    "engineers failure earthquake tsunami coast village mayor budget election court judge "
    "report weather storm flood farmers prices market shares investors bank rates growth"
)


def paragraph(rng: random.Random, n_words: int = 30) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words)).capitalize() + "."


def articles(rows: list[dict]) -> pa.Table:
    return pa.table(
        {
            "article_id": pa.array([r["article_id"] for r in rows], pa.string()),
            "body": pa.array([r["body"] for r in rows], pa.string()),
            "published_date": pa.array([r.get("published_date") for r in rows], pa.date32()),
            "n_words": pa.array([len(r["body"].split()) for r in rows], pa.int32()),
        }
    )


def groups_of(result: dedup.DedupResult) -> dict[str, str]:
    rows = result.groups.to_pylist()
    return {r["article_id"]: r["dup_group_id"] for r in rows}


def run_once(rows: list[dict], batch_size: int = 1000) -> dedup.DedupResult:
    return DedupWarehouse().run(articles(rows), batch_size)


rng = random.Random(7)
WIRE = [paragraph(rng) for _ in range(8)]
OTHER_STORY_SAME_TOPIC = [paragraph(rng) for _ in range(8)]


def test_exact_copy_with_other_quotes_case_and_spacing_is_an_exact_duplicate():
    body = (
        "\n\n".join(WIRE[:3]) + "\n\n\u201cWe expect the queue to clear by Friday,\u201d she said."
    )
    copy = body.upper().replace("\u201c", '"').replace("\u201d", '"').replace(",", " ,")
    result = run_once([{"article_id": "a", "body": body}, {"article_id": "b", "body": copy}])
    rows = {r["article_id"]: r for r in result.duplicates.to_pylist()}
    assert rows["b"]["dup_group_id"] == "a"
    assert rows["b"]["method"] == "exact" and rows["b"]["similarity"] == 1.0


def test_syndicated_copy_with_new_headline_dropped_paragraph_and_edits_is_a_near_duplicate():
    original = "\n\n".join(["Ships queue at the port"] + WIRE)
    edited = [p.replace("harbour", "harbor").replace("minister", "secretary") for p in WIRE]
    syndicated = "\n\n".join(["Long wait for freighters, officials say"] + edited[:5] + edited[6:])
    unrelated = "\n\n".join(["Ships queue at the port"] + OTHER_STORY_SAME_TOPIC)
    result = run_once(
        [
            {"article_id": "wire", "body": original, "published_date": date(2025, 3, 1)},
            {"article_id": "copy", "body": syndicated, "published_date": date(2025, 3, 2)},
            {"article_id": "other", "body": unrelated, "published_date": date(2025, 3, 1)},
        ]
    )
    rows = {r["article_id"]: r for r in result.groups.to_pylist()}
    assert rows["copy"]["dup_group_id"] == "copy" and rows["wire"]["dup_group_id"] == "copy"
    assert rows["wire"]["is_canonical"] and not rows["copy"]["is_canonical"]
    assert rows["copy"]["method"] == "near" and 0.5 <= rows["copy"]["similarity"] < 1.0
    assert rows["other"]["group_size"] == 1 and rows["other"]["is_canonical"]


def test_canonical_is_earliest_then_longest_then_smallest_id():
    body = "\n\n".join(WIRE)
    rows = [
        {"article_id": "c3", "body": body, "published_date": date(2025, 3, 2)},
        {"article_id": "b2", "body": body + " More.", "published_date": date(2025, 3, 1)},
        {"article_id": "a1", "body": body + " Much more text here.", "published_date": None},
        {"article_id": "e5", "body": body, "published_date": date(2025, 3, 1)},
    ]
    groups = {r["article_id"]: r for r in run_once(rows).groups.to_pylist()}
    assert {g["dup_group_id"] for g in groups.values()} == {"a1"}
    assert [a for a, g in sorted(groups.items()) if g["is_canonical"]] == ["b2"]


def _chain() -> list[dict]:
    """A~B and B~C but A and C too different to be paired directly."""
    chain_rng = random.Random(11)
    paras = [paragraph(chain_rng) for _ in range(12)]
    return [
        {"article_id": "A", "body": "\n\n".join(paras[0:8]), "published_date": date(2025, 1, 3)},
        {"article_id": "B", "body": "\n\n".join(paras[2:10]), "published_date": date(2025, 1, 2)},
        {"article_id": "C", "body": "\n\n".join(paras[4:12]), "published_date": date(2025, 1, 1)},
    ]


def test_a_group_grows_across_runs_through_a_shared_member():
    a, b, c = _chain()
    warehouse = DedupWarehouse()
    warehouse.run(articles([a, b]))
    second = warehouse.run(articles([c]))
    rows = {r["article_id"]: r for r in second.groups.to_pylist()}
    assert {r["dup_group_id"] for r in rows.values()} == {"A"}
    assert rows["C"]["is_canonical"] and rows["A"]["dup_of"] == "C"
    # A's similarity is measured to the new canonical, whose signature came from history.
    assert 0.0 <= rows["A"]["similarity"] < 0.5
    assert _table_rows(second.groups) == _table_rows(run_once(_chain()).groups)


def _corpus(n_stories: int = 30, seed: int = 3) -> list[dict]:
    """Stories with 1-4 copies each, edited like syndicated copies, in shuffled order."""
    corpus_rng = random.Random(seed)
    rows = []
    for story in range(n_stories):
        paras = [paragraph(corpus_rng, corpus_rng.randint(15, 40)) for _ in range(8)]
        for copy in range(corpus_rng.randint(1, 4)):
            kept = [p for p in paras if corpus_rng.random() > 0.1] or paras
            words = "\n\n".join(kept).split(" ")
            for _ in range(corpus_rng.randint(0, 4)):
                words[corpus_rng.randrange(len(words))] = corpus_rng.choice(WORDS)
            rows.append(
                {
                    "article_id": f"s{story:02d}c{copy}",
                    "body": " ".join(words),
                    "published_date": date(2025, 1, 1) + timedelta(corpus_rng.randint(0, 9))
                    if corpus_rng.random() > 0.2
                    else None,
                }
            )
    corpus_rng.shuffle(rows)
    return rows


def _table_rows(table: pa.Table) -> list[dict]:
    """Rows in article order, without `is_changed` (which says what this run changed)."""
    rows = [{k: v for k, v in r.items() if k != "is_changed"} for r in table.to_pylist()]
    return sorted(rows, key=lambda r: (r["article_id"], r.get("paragraph_no")))


@pytest.mark.parametrize("batch_size", [1, 7, 1000])
def test_groups_do_not_depend_on_batch_size(batch_size):
    reference = run_once(_corpus())
    result = run_once(_corpus(), batch_size)
    assert _table_rows(result.groups) == _table_rows(reference.groups)
    assert _table_rows(result.paragraph_copies) == _table_rows(reference.paragraph_copies)


@pytest.mark.parametrize("splits", [[0.5], [0.2, 0.7], [0.9]])
@pytest.mark.parametrize("reverse", [False, True])
def test_splitting_the_input_across_runs_gives_the_same_groups(splits, reverse):
    corpus = _corpus()
    reference = run_once(corpus)
    assert reference.duplicates.num_rows > 20  # the corpus does have copies to find
    cuts = [0, *(int(s * len(corpus)) for s in splits), len(corpus)]
    runs = [corpus[start:end] for start, end in zip(cuts, cuts[1:], strict=False)]
    warehouse = DedupWarehouse()
    for part in reversed(runs) if reverse else runs:
        result = warehouse.run(articles(part), batch_size=5)
    assert _table_rows(result.groups) == _table_rows(reference.groups)
    assert _table_rows(result.duplicates) == _table_rows(reference.duplicates)
    assert _table_rows(result.paragraph_copies) == _table_rows(reference.paragraph_copies)


def test_a_quoted_paragraph_is_a_copy_of_the_earliest_article_holding_it():
    quote = (
        "\u201cWe will rebuild every home that was lost in the flood,\u201d "
        "the mayor told reporters."
    )
    first = "\n\n".join([OTHER_STORY_SAME_TOPIC[0], quote, OTHER_STORY_SAME_TOPIC[1]])
    second = "\n\n".join([WIRE[0], quote.replace("\u201c", '"').replace("\u201d", '"'), WIRE[1]])
    warehouse = DedupWarehouse()
    warehouse.run(
        articles([{"article_id": "z", "body": second, "published_date": date(2025, 5, 2)}])
    )
    result = warehouse.run(
        articles([{"article_id": "y", "body": first, "published_date": date(2025, 5, 1)}])
    )
    [copy] = result.paragraph_copies.to_pylist()
    assert copy["article_id"] == "z" and copy["origin_article_id"] == "y"
    assert copy["paragraph_no"] == 2 and copy["n_articles"] == 2 and copy["n_words"] == 15
    shares = warehouse.original_share()
    assert shares["y"] == 1.0
    assert shares["z"] == pytest.approx(1 - 15 / (15 + 60))
    assert result.groups.filter(pa.compute.equal(result.groups["group_size"], 2)).num_rows == 0


def test_short_paragraphs_are_not_tracked():
    body = "By Staff Reporter\n\n" + WIRE[0]
    sketches = dedup.sketch_articles(
        articles([{"article_id": "a", "body": body}]), dedup.DedupConfig()
    )
    assert sketches.paragraph_hashes["paragraph_no"].to_pylist() == [2]


def test_an_empty_batch_gives_empty_tables():
    result = run_once([])
    assert result.groups.num_rows == 0 and result.paragraph_copies.num_rows == 0


def _template_items(n: int) -> list[dict]:
    """Feed items made from one template: alike but for a number and a word."""
    rng = random.Random(3)
    return [
        {
            "article_id": f"item{i:04d}",
            "body": f"Inspectors checked pier {i} of the {rng.choice(WORDS)} terminal. "
            + " ".join(WIRE[:2]),
        }
        for i in range(n)
    ]


def test_a_template_larger_than_a_bucket_is_still_one_group_through_a_chain():
    items = _template_items(60)
    everyone = groups_of(
        DedupWarehouse(dedup.DedupConfig(max_bucket_size=1000)).run(articles(items))
    )
    chained = groups_of(DedupWarehouse(dedup.DedupConfig(max_bucket_size=5)).run(articles(items)))
    assert len(set(everyone.values())) == 1
    assert chained == everyone


def test_two_stories_sharing_a_large_bucket_stay_apart():
    story_b = [
        {"article_id": f"other{i:04d}", "body": " ".join(OTHER_STORY_SAME_TOPIC[:3])}
        for i in range(8)
    ]
    groups = groups_of(
        DedupWarehouse(dedup.DedupConfig(max_bucket_size=5)).run(
            articles(_template_items(40) + story_b)
        )
    )
    assert {groups[f"item{i:04d}"] for i in range(40)} == {"item0000"}
    assert {groups[f"other{i:04d}"] for i in range(8)} == {"other0000"}
