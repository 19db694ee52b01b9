"""Rules written from the third development corpus (examples/dev3), each checked on
invented lines of its own: headers and footers of sites no earlier corpus covers."""

from __future__ import annotations

import pytest

from newspipe.clean import titles
from newspipe.clean.credits import site_from_copyright
from newspipe.clean.publishers import load_directory
from tests.clean.helpers import PARAGRAPHS, article, clean


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("Politique | Le Courrier de la Vézère", "Le Courrier de la Vézère"),
        ("Thornbury Weekly | Sport", "Thornbury Weekly"),
        ("Deportes - El Faro del Jiloca", "El Faro del Jiloca"),
        ("Wirtschaft | Die Moselpost", "Die Moselpost"),
    ],
)
def test_a_section_beside_the_site_is_no_part_of_its_name(line, site):
    assert titles.masthead_name(line, load_directory()) == site


def test_a_section_title_line_names_the_site():
    text = "\n".join(
        ["Esportes | Gazeta do Vale Azul", "", "Time da cidade vence a final do estadual", ""]
        + PARAGRAPHS
    )
    assert article(clean(text))["site_name"] == "Gazeta do Vale Azul"


@pytest.mark.parametrize(
    ("footer", "site"),
    [
        ("© 2025 Ediciones Jalón S.L. — El Heraldo del Jalón. Todos los derechos reservados.",
         "El Heraldo del Jalón"),
        ("© 2024 Editora Planalto Ltda. | Folha do Cerrado", "Folha do Cerrado"),
        ("© 2025 Corriere della Valle Srl – P.IVA 09876543210 – Tutti i diritti riservati",
         "Corriere della Valle"),
        ("© 2025 Eco di Brenta S.r.l.", "Eco di Brenta"),
    ],
)  # fmt: skip
def test_a_footer_names_the_site_not_the_company(footer, site):
    assert site_from_copyright(footer) == site
