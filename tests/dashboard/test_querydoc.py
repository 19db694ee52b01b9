"""Parsing a queries document and rewriting its answers."""

import pandas as pd

from newspipe.dashboard import querydoc

DOC = """# Q

## 1. One

```sql
select * from syndication()
```

## 2. Two

```sql
select 1 as x where false
```

<!-- answer -->
| stale |
<!-- /answer -->
"""


def test_parse_finds_every_block_and_its_answer():
    blocks = querydoc.parse(DOC)
    assert [b.sql for b in blocks] == ["select * from syndication()", "select 1 as x where false"]
    assert [b.shows_rows for b in blocks] == [False, True]


def test_refresh_writes_tables_and_notes(con):
    text = querydoc.refresh(DOC, con)
    blocks = querydoc.parse(text)
    assert blocks[0].shows_rows and "| Beta | Alpha | copy | 1 |" in blocks[0].answer
    assert blocks[1].answer.strip() == querydoc.NO_ROWS
    assert querydoc.refresh(text, con) == text


def test_markdown_table_escapes_and_trims():
    frame = pd.DataFrame({"a": ["x|y", "z" * 100], "b": [0.5, None]})
    table = querydoc.markdown_table(frame)
    assert "x\\|y" in table and "…" in table and "*2 rows.*" in table
