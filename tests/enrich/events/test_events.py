"""The streaming event clusterer on short invented reports."""

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from newspipe.config import EventConfig
from newspipe.enrich.events import STATE_SCHEMA, assign_events
from newspipe.enrich.events.features import salient_numbers, tokens
from newspipe.enrich.events.labels import event_label
from newspipe.metrics import bcubed

QUAKE = (
    "A magnitude 6.6 earthquake struck the coast of Coquimbo on Tuesday, killing three "
    "people and damaging 1,350 homes, Chile's disaster agency said."
)
QUAKE_ES = (
    "Un terremoto de magnitud 6,6 sacudió la costa de Coquimbo el martes; murieron tres "
    "personas y 1.350 viviendas resultaron dañadas, informó la agencia de Chile."
)
QUAKE_FOLLOWUP = (
    "Rescue teams in Coquimbo searched damaged homes after the magnitude 6.6 "
    "earthquake, as Chile's disaster agency raised the count to 1,350 homes."
)
MINISTER = (
    "Energy minister Hanafi visited the Hamburg port to sign an ammonia supply deal "
    "with the city senate, the ministry said."
)
MINISTER_AGAIN = (
    "Energy minister Hanafi returned to the Hamburg port to open the ammonia "
    "terminal built under the deal with the city senate, the ministry said."
)

EMPTY_INDEX = pa.table(
    {
        "article_id": pa.array([], pa.string()),
        "event_id": pa.array([], pa.string()),
        "event_date": pa.array([], pa.date32()),
        "event_date_source": pa.array([], pa.string()),
        "published_date": pa.array([], pa.date32()),
        "source": pa.array([], pa.string()),
    }
)
NO_TERMS = pa.table({"term": pa.array([], pa.string()), "df": pa.array([], pa.int64())})
NO_LABELS = pa.table({"event_id": pa.array([], pa.string()), "label": pa.array([], pa.string())})


def _articles(rows):
    """Rows of (id, title, body, published date, entity names[, date read in the text])."""
    text_dates = [r[5] if len(r) > 5 else None for r in rows]
    return pa.table(
        {
            "article_id": [r[0] for r in rows],
            "title": [r[1] for r in rows],
            "body": [r[2] for r in rows],
            "source": [f"site-{r[0]}.example" for r in rows],
            "site_name": [f"Site {r[0]}" for r in rows],
            "published_date": pa.array([r[3] for r in rows], pa.date32()),
            "event_date": pa.array(text_dates, pa.date32()),
            "event_date_source": pa.array(["text" if d else None for d in text_dates], pa.string()),
            "entity_names": pa.array([r[4] for r in rows], pa.list_(pa.string())),
        }
    )


def _cluster(
    articles, index=EMPTY_INDEX, state=None, terms=NO_TERMS, labels=NO_LABELS, groups=None
):
    ids = articles["article_id"].to_pylist() + index["article_id"].to_pylist()
    groups = groups or pa.table(
        {"article_id": ids, "dup_group_id": ids, "is_canonical": [True] * len(ids)}
    )
    return assign_events(
        index,
        articles,
        groups,
        state if state is not None else STATE_SCHEMA.empty_table(),
        terms,
        labels,
        EventConfig(),
    )


def _events(result):
    return dict(
        zip(
            result.assignments["article_id"].to_pylist(),
            result.assignments["event_id"].to_pylist(),
            strict=True,
        )
    )


def test_reports_of_one_happening_share_an_event_across_languages():
    result = _cluster(
        _articles(
            [
                (
                    "q1",
                    "Quake kills three in Coquimbo",
                    QUAKE,
                    date(2026, 1, 14),
                    ["Coquimbo", "Chile"],
                ),
                ("q2", "Terremoto en Coquimbo", QUAKE_ES, date(2026, 1, 14), ["Coquimbo", "Chile"]),
                (
                    "q3",
                    "Coquimbo counts the damage",
                    QUAKE_FOLLOWUP,
                    date(2026, 1, 16),
                    ["Coquimbo", "Chile"],
                ),
                (
                    "m1",
                    "Hanafi signs ammonia deal",
                    MINISTER,
                    date(2026, 1, 15),
                    ["Hanafi", "Hamburg"],
                ),
            ]
        )
    )
    events = _events(result)
    assert events["q1"] == events["q2"] == events["q3"] != events["m1"]
    assert result.events.num_rows == 2


def test_same_people_and_place_months_apart_are_two_events():
    events = _events(
        _cluster(
            _articles(
                [
                    (
                        "m1",
                        "Hanafi signs ammonia deal in Hamburg",
                        MINISTER,
                        date(2025, 3, 12),
                        ["Hanafi", "Hamburg"],
                    ),
                    (
                        "m2",
                        "Hanafi back in Hamburg for ammonia terminal",
                        MINISTER_AGAIN,
                        date(2025, 10, 21),
                        ["Hanafi", "Hamburg"],
                    ),
                ]
            )
        )
    )
    assert events["m1"] != events["m2"]


# Two visits of one minister to one place, a year apart, and date-less reports of them.
VISIT_2023 = (
    "v1",
    "Okafor in surprise Tamsel visit over Rakan raids",
    "Foreign minister Okafor made a surprise visit to Tamsel on Sunday to discuss the raids by "
    "the Rakan militia on border posts and the safety of the garrison. Okafor met governor "
    "Ilunga.",
    date(2023, 11, 5),
    ["Okafor", "Tamsel", "Rakan", "Ilunga"],
    date(2023, 11, 5),
)
VISIT_2024 = (
    "v2",
    "Okafor makes unannounced Tamsel visit after Veldran collapse",
    "Foreign minister Okafor made an unannounced visit to Tamsel on Friday after the collapse "
    "of the Veldran government, to discuss refugees crossing from Veldran and the interim "
    "council. Okafor met governor Ilunga.",
    date(2024, 12, 13),
    ["Okafor", "Tamsel", "Veldran", "Ilunga"],
    date(2024, 12, 13),
)
UNDATED_TALKS = (
    "u1",
    "Okafor talks Veldran in Tamsel",
    "Okafor arrived unannounced in Tamsel on Friday for talks on Veldran after the collapse of "
    "its government; the interim council must protect refugees, he said.",
    None,
    ["Okafor", "Tamsel", "Veldran"],
)
UNDATED_VISIT = (
    "u2",
    "Okafor visits Tamsel",
    "Okafor visited Tamsel and met governor Ilunga; the Rakan militia raids and the garrison "
    "came up, as did the interim council of Veldran and its refugees.",
    None,
    ["Okafor", "Tamsel", "Rakan", "Veldran", "Ilunga"],
)
UNDATED_REFUGEES = (
    "u3",
    "Refugees from Veldran",
    "In Tamsel, Okafor said refugees fleeing the collapse of the Veldran government need "
    "protection and the interim council must be inclusive.",
    None,
    ["Okafor", "Tamsel", "Veldran"],
)


def test_dateless_reports_follow_their_dateless_peers_to_the_dated_event():
    # u2 alone is nearer the 2023 visit (the militia raids, the governor); its date-less
    # peers u1 and u3 are plainly about the 2024 visit, and as a group they take it along.
    events = _events(
        _cluster(
            _articles([VISIT_2023, VISIT_2024, UNDATED_TALKS, UNDATED_VISIT, UNDATED_REFUGEES])
        )
    )
    assert events["u1"] == events["u2"] == events["u3"] == events["v2"] != events["v1"]


def _published(result, dates):
    """The articles index a run leaves for the next: its articles with their events and
    event dates (a date-less article's taken from its event)."""
    ids = result.assignments["article_id"].to_pylist()
    event_dates = {r["article_id"]: r for r in result.event_dates.to_pylist()}
    return pa.table(
        {
            "article_id": ids,
            "event_id": result.assignments["event_id"],
            "event_date": pa.array([event_dates[a]["event_date"] for a in ids], pa.date32()),
            "event_date_source": [event_dates[a]["event_date_source"] for a in ids],
            "published_date": pa.array([dates.get(a) for a in ids], pa.date32()),
            "source": [f"site-{a}" for a in ids],
        }
    )


def test_a_dateless_group_moves_to_a_better_dated_event_of_a_later_run():
    # Run 1 knows only the 2023 visit, so the date-less group goes there. Run 2 brings the
    # 2024 visit, which the group resembles better, and one more date-less report of it:
    # the report joins the old group, and the group with its old articles moves to 2024,
    # as in one run over all five.
    whole = _events(
        _cluster(
            _articles([VISIT_2023, VISIT_2024, UNDATED_TALKS, UNDATED_VISIT, UNDATED_REFUGEES])
        )
    )
    first = _cluster(_articles([VISIT_2023, UNDATED_TALKS, UNDATED_VISIT]))
    assert len(set(_events(first).values())) == 1
    second = _cluster(
        _articles([VISIT_2024, UNDATED_REFUGEES]),
        index=_published(first, {"v1": VISIT_2023[3]}),
        state=first.state,
        terms=first.term_frequencies,
        labels=first.events,
    )
    split = _events(second)
    assert split["u1"] == split["u2"] == split["u3"] == split["v2"] != split["v1"]
    assert sorted(split) == sorted(whole)
    assert bcubed(split, whole)[2] == 1.0
    # The group stays an event of its own in the state, attached to the 2024 visit.
    (group,) = [row for row in second.state.to_pylist() if row["first_date"] is None]
    assert group["merged_into"] == split["v2"]
    assert sorted(group["article_ids"]) == ["u1", "u2", "u3"]
    counts = {e["event_id"]: e["n_articles"] for e in second.events.to_pylist()}
    assert counts == {split["v1"]: 1, split["v2"]: 4}
    # u1 and u2 still hold the 2023 date they took from their first event; it does not
    # stretch the 2024 visit back a year.
    index = _published(first, {})
    assert set(
        index.filter(pc.equal(index["event_date_source"], "event"))["article_id"].to_pylist()
    ) == {"u1", "u2"}
    spans = {e["event_id"]: (e["first_date"], e["last_date"]) for e in second.events.to_pylist()}
    assert spans[split["v2"]] == (date(2024, 12, 13), date(2024, 12, 13))


def test_a_misread_text_date_is_forgiven_when_the_publication_date_is_near():
    # q3's text date is eleven days after the quake, beyond the window; it was published
    # the day after, which places it with the quake.
    events = _events(
        _cluster(
            _articles(
                [
                    ("q1", "Quake kills three", QUAKE, date(2026, 1, 14), ["Coquimbo", "Chile"]),
                    (
                        "q3",
                        "Coquimbo counts the damage",
                        QUAKE_FOLLOWUP,
                        date(2026, 1, 15),
                        ["Coquimbo", "Chile"],
                        date(2026, 1, 25),
                    ),
                ]
            )
        )
    )
    assert events["q1"] == events["q3"]


def test_a_later_run_adds_to_the_events_it_persisted():
    first = _cluster(
        _articles(
            [
                (
                    "q1",
                    "Quake kills three in Coquimbo",
                    QUAKE,
                    date(2026, 1, 14),
                    ["Coquimbo", "Chile"],
                )
            ]
        )
    )
    index = pa.table(
        {
            "article_id": ["q1"],
            "event_id": first.assignments["event_id"],
            "event_date": pa.array([None], pa.date32()),
            "event_date_source": pa.array([None], pa.string()),
            "published_date": pa.array([date(2026, 1, 14)], pa.date32()),
            "source": ["site-q1"],
        }
    )
    second = _cluster(
        _articles(
            [
                (
                    "q3",
                    "Coquimbo counts the damage",
                    QUAKE_FOLLOWUP,
                    date(2026, 1, 16),
                    ["Coquimbo", "Chile"],
                )
            ]
        ),
        index=index,
        state=first.state.drop_columns([]),
        terms=first.term_frequencies,
        labels=first.events,
    )
    events = _events(second)
    assert events["q3"] == events["q1"]
    (event,) = second.events.to_pylist()
    assert event["n_articles"] == 2 and event["n_sources"] == 2


def test_copies_report_their_canonicals_event():
    groups = pa.table(
        {
            "article_id": ["q1", "q1copy"],
            "dup_group_id": ["q1", "q1"],
            "is_canonical": [True, False],
        }
    )
    result = _cluster(
        _articles(
            [
                ("q1", "Quake kills three", QUAKE, date(2026, 1, 14), []),
                ("q1copy", "Quake kills three", QUAKE, date(2026, 1, 15), []),
            ]
        ),
        groups=groups,
    )
    events = _events(result)
    assert events["q1"] == events["q1copy"]
    assert result.state.num_rows == 1 and result.state["n_articles"].to_pylist() == [1]


def test_numbers_normalise_across_locales_and_years_are_left_out():
    assert salient_numbers(QUAKE) == salient_numbers(QUAKE_ES) == {"6.6", "1350"}
    # French typography groups thousands with a narrow no-break space.
    assert salient_numbers("1\u202f350 maisons et 1 350 logements") == {"1350"}
    assert salient_numbers("In 2003 and again in 2024") == set()


def test_tokens_drop_stop_words_in_several_languages():
    assert tokens("The minister said that la ciudad et le port") == ["minister", "ciudad", "port"]


def test_tokens_fold_accents_possessives_and_elisions():
    assert tokens("Aragón's l'armée d’Irak Núria") == ["aragon", "armee", "irak", "nuria"]
    assert tokens("Aragon armee Irak Nuria") == ["aragon", "armee", "irak", "nuria"]


def test_labels_name_the_main_entities_and_title_words():
    label = event_label(
        {"Muhammad Reza Hanafi": 5, "Hamburg": 4, "Katrin Vollmer": 1},
        {"ammonia": 0.9, "deal": 0.5, "hamburg": 0.8},
    )
    assert label == "Hanafi, Hamburg - ammonia deal"


def test_labels_show_a_body_whole_and_an_area_without_its_kind():
    label = event_label(
        {"Orvane Technologies": 4, "Coquimbo Region": 3},
        {"orvane": 0.9, "plant": 0.7, "closure": 0.6},
    )
    assert label == "Orvane Technologies, Coquimbo - plant closure"
    assert event_label({"Joris van Aelst": 2}, {"portrait": 1.0}) == "van Aelst - portrait"
