"""The catalog macros (warehouse/sql/macros.sql) on a five-article warehouse."""


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_articles_about_an_entity_any_case(con):
    ids = [r[-1] for r in _rows(con, "select * from articles_about('hamburg')")]
    assert sorted(ids) == ["a1", "a3"]


def test_quotes_by_a_speaker(con):
    assert [r[2] for r in _rows(con, "select * from quotes_by('Ana Ruiz')")] == [
        "We are ready."
    ] * 2


def test_coverage_of_an_event_by_id_or_label(con):
    by_id = _rows(con, "select day, source, n_articles from coverage_of('ev-1')")
    assert by_id == _rows(con, "select day, source, n_articles from coverage_of('Port Deal')")
    assert [r[1] for r in by_id] == ["Alpha", "Beta", "Gamma"]


def test_copies_of_an_article(con):
    rows = _rows(con, "select article_id, is_canonical from copies_of('a2')")
    assert rows == [("a1", True), ("a2", False)]
    assert _rows(con, "select * from copies_of('a4')") == []


def test_syndication_and_boilerplate_share(con):
    assert len(_rows(con, "select * from syndication()")) == 2
    assert _rows(con, "select boilerplate_share('Alpha')")[0][0] == 2 / 3
