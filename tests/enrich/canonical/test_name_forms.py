from __future__ import annotations

import pytest

from newspipe.enrich.canonical.name_forms import name_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S. Federal Reserve", "us federal reserve"),
        ("al-Sudani", "al sudani"),
        ("O'Neill  Ltd.", "o neill ltd"),
        ("Tomás Arrieta", "tomas arrieta"),
        ("São Paulo", "sao paulo"),
        ("Zürich-Nord", "zurich nord"),
        ("Straße", "strasse"),
        ("ＡＢＣ Ｃｏｒｐ", "abc corp"),
    ],
)
def test_name_key_folds_accents_case_periods_and_marks_of_ascii_and_other_names(name, key):
    assert name_key(name) == key
