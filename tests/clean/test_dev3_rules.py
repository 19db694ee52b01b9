"""Rules written from the third development corpus (examples/dev3), each checked on
invented lines of its own: headers and footers of sites no earlier corpus covers."""

from __future__ import annotations

import datetime as dt

import pytest

from newspipe.clean import dates, titles
from newspipe.clean.credits import site_from_copyright
from newspipe.clean.publishers import load_directory
from tests.clean.helpers import PARAGRAPHS, article, clean, labels


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


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Pubblicato il 5 aprile 2025", dt.date(2025, 4, 5)),
        ("Pubblicato il 21 giugno 2024 alle 18:40", dt.date(2024, 6, 21)),
        ("Publicado em 14/02/2025 às 10h30", dt.date(2025, 2, 14)),
        ("Sexta-feira, 7 de fevereiro de 2025", dt.date(2025, 2, 7)),
    ],
)
def test_italian_and_portuguese_datelines(line, day):
    assert dates.looks_like_dateline(line) or dates.labelled_dateline(line)
    assert dates.parse_date(line, True) == day


@pytest.mark.parametrize(
    "line", ["Ultimo aggiornamento: 6 maggio 2025 ore 09:10", "Atualizado em 15/02/2025 às 08h05"]
)
def test_italian_and_portuguese_update_stamps(line):
    assert dates.labelled_dateline(line) and dates.is_update(line)


def test_an_italian_header_gives_author_and_date():
    text = "\n".join(
        [
            "Il Corriere della Valle",
            "",
            "Chiude dopo sessant'anni la storica latteria di Borgo Alto",
            "di Chiara Bellandi",
            "Pubblicato il 5 aprile 2025",
            "Ultimo aggiornamento: 6 aprile 2025 ore 09:10",
            "",
        ]
        + PARAGRAPHS
    )
    found = article(clean(text))
    assert found["author"] == "Chiara Bellandi"
    assert found["published_date"] == dt.date(2025, 4, 5)
    assert "Pubblicato" not in found["body"]


@pytest.mark.parametrize(
    "line",
    [
        "Ce reportage est réservé aux abonnés. Il vous reste 64 % à découvrir.",
        "Contenuto riservato agli abbonati",
        "Conteúdo exclusivo para assinantes",
        "Te queda un 80% de la noticia por leer",
    ],
)
def test_a_subscriber_wall_inside_the_article_is_not_body(line):
    text = "\n".join(["The Marsh Weekly", "", "Ferry fares to rise in spring", ""]
                     + PARAGRAPHS[:2] + [line] + PARAGRAPHS[2:])  # fmt: skip
    assert line not in article(clean(text))["body"].split("\n\n")


@pytest.mark.parametrize(
    "line",
    [
        "Questo sito utilizza cookie tecnici e di profilazione. Accetta | Rifiuta",
        "Este site utiliza cookies para melhorar a sua experiência. Aceitar",
    ],
)
def test_cookie_banners_in_italian_and_portuguese(line):
    text = "\n".join([line, "The Marsh Weekly", "", "Ferry fares to rise in spring", ""]
                     + PARAGRAPHS)  # fmt: skip
    assert labels(clean(text))[1] == ("boilerplate", "cookie_notice")


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Propos recueillis par Anaïs Leclerc", "Anaïs Leclerc"),
        ("Ein Beitrag von Jonas Weidner", "Jonas Weidner"),
        ("Por Rui Fontes e Marta Sequeira", "Rui Fontes and Marta Sequeira"),
        ("Por Lucía Ferrer y Pablo Ibarra", "Lucía Ferrer and Pablo Ibarra"),
        ("Par Léa Roux et Marc Blin", "Léa Roux and Marc Blin"),
        ("Por José Ortega y Gasset", "José Ortega y Gasset"),
    ],
)
def test_bylines_name_the_writers_as_the_author_field_writes_them(byline, author):
    text = "\n".join(["The Marsh Weekly", "", "Ferry fares to rise in spring", byline,
                      "4 March 2025", ""] + PARAGRAPHS)  # fmt: skip
    assert article(clean(text))["author"] == author


@pytest.mark.parametrize(
    ("footer", "site"),
    [
        ("The Wrenford Messenger is published by Eastgate Media Group. All rights reserved.",
         "The Wrenford Messenger"),
        ("La Gaceta del Tiétar es una publicación de Ediciones Sierra Sur S.L.",
         "La Gaceta del Tiétar"),
        ("Il Giornale dell'Adda – Testata registrata presso il Tribunale di Lodi",
         "Il Giornale dell'Adda"),
    ],
)  # fmt: skip
def test_a_publisher_line_in_the_footer_names_the_site(footer, site):
    text = "\n".join(["Ferry fares to rise in spring", "4 March 2025", ""] + PARAGRAPHS
                     + ["", footer])  # fmt: skip
    assert article(clean(text))["site_name"] == site


@pytest.mark.parametrize(
    "line",
    [
        "The views expressed in this column are those of the author.",
        "Las opiniones vertidas en esta columna son responsabilidad exclusiva de su autora.",
        "Les propos tenus dans cette tribune n'engagent que leur auteur.",
    ],
)
def test_an_opinion_disclaimer_after_the_column_is_not_body(line):
    text = "\n".join(["The Marsh Weekly", "", "Ferry fares to rise in spring", ""] + PARAGRAPHS
                     + ["", line])  # fmt: skip
    assert line not in article(clean(text))["body"].split("\n\n")


@pytest.mark.parametrize("line", ["Imagen: archivo", "Imagem: arquivo", "Immagine: Luca Sarti"])
def test_photo_credits_in_spanish_portuguese_and_italian(line):
    text = "\n".join(["The Marsh Weekly", "", "Ferry fares to rise in spring", "4 March 2025", "",
                      line, ""] + PARAGRAPHS)  # fmt: skip
    assert line not in article(clean(text))["body"].split("\n\n")


def test_a_portuguese_dateline_with_a():
    line = "Publicado a 4 de março de 2025, 11:20"
    assert dates.labelled_dateline(line) and dates.parse_date(line, True) == dt.date(2025, 3, 4)


def test_a_blog_post_line_with_its_category_gives_writer_and_date():
    header = [
        "Le Petit Courrier de Plouénan",
        "",
        "La salle des fêtes sera rénovée cet été",
        "Publié par Gaëlle Tanguy le 4 mars 2025 dans Vie municipale",
        "",
    ]
    text = "\n".join(header + PARAGRAPHS)
    found = article(clean(text))
    assert found["title"] == "La salle des fêtes sera rénovée cet été"
    assert (found["author"], found["published_date"]) == ("Gaëlle Tanguy", dt.date(2025, 3, 4))


@pytest.mark.parametrize("byline", ["Por Redação", "Redazione"])
def test_a_newsroom_byline_in_portuguese_and_italian_names_no_author(byline):
    text = "\n".join(["The Marsh Weekly", "", "Ferry fares to rise in spring", byline,
                      "4 March 2025", ""] + PARAGRAPHS)  # fmt: skip
    assert article(clean(text))["author"] is None


def test_a_name_and_its_role_without_a_separator_is_the_byline():
    header = [
        "The Marsh Weekly",
        "",
        "Ferry fares to rise in spring",
        "Rowena Achterberg Senior Transport correspondent",
        "4 March 2025",
        "",
    ]
    found = article(clean("\n".join(header + PARAGRAPHS)))
    assert found["title"] == "Ferry fares to rise in spring"
    assert found["author"] == "Rowena Achterberg"
