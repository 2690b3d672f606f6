"""The words the claim readers know: vocabulary tables read once from ``figures/data`` and the
small closed word classes (function words, auxiliaries, change verbs, region nouns ...).

Data files: measures.tsv (cue -> measure, entity, kind), modality.tsv, claimant_verbs.txt,
claimant_nouns.txt, document_nouns.txt, titles.txt, org_words.txt, places.tsv (countries,
capitals, US states: GeoNames), subject_aliases.tsv (demonyms). ``data_map`` reads the two-column
tables (wire_agencies.tsv, known_bodies.tsv, implied_claimants.tsv, durations.tsv, money_verbs.tsv);
figures.word_classes reads the ``word<TAB>kind`` tables (claimant_words.tsv, entity_words.tsv,
place_words.tsv).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from figures.tokens import tokens_of


@dataclass(frozen=True, slots=True)
class Measure:
    cue: str
    measure: str
    entity: str | None  # None: keep the noun after the figure and append the cue
    kind: str  # noun, verb or event


@dataclass(frozen=True, slots=True)
class Vocabulary:
    claimant_verbs: frozenset[str]
    claimant_nouns: frozenset[str]
    document_nouns: frozenset[str]
    modality: dict[tuple[str, ...], str]
    measures: dict[tuple[str, ...], Measure]
    places: dict[tuple[str, ...], tuple[str, str]]  # words -> (canonical, kind)
    aliases: dict[tuple[str, ...], str]  # demonyms and other names -> canonical subject
    place_names: dict[str, str]  # surface as written -> canonical, places and aliases
    demonyms: frozenset[str]
    demonym_of: dict[str, str]  # country -> demonym ("Turkey" -> "Turkish")
    countries: frozenset[str]  # names of countries as written, aliases included
    measure_first: frozenset[str]  # first words of the measure cues, for a quick test
    modality_first: frozenset[str]
    # first word of a listed place -> words in the longest name it opens ("Democratic" -> 5: "... of the Congo")
    place_lengths: dict[str, int]


def data_lines(name: str) -> list[str]:
    text = resources.files("figures").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def data_map(name: str) -> dict[str, str]:
    """A two-column ``key<TAB>value`` table of ``data/`` as a dict, read once."""
    return dict(line.split("\t") for line in data_lines(name))


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens_of(phrase))


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary tables, read once from ``figures/data``."""
    measures = {}
    for line in data_lines("measures.tsv"):
        cue, measure, entity, kind = line.split("\t")
        measures[_key(cue)] = Measure(cue, measure, None if entity == "-" else entity, kind)
    places = {}
    for line in data_lines("places.tsv"):
        surface, canonical, kind = line.split("\t")
        places[tuple(w.rstrip(".") for w in tokens_of(surface))] = (canonical, kind)
    aliases = {tuple(tokens_of(a)): c for a, c in (line.split("\t") for line in data_lines("subject_aliases.tsv"))}
    modality = {_key(c): m for c, m in (line.split("\t") for line in data_lines("modality.tsv"))}
    return Vocabulary(
        claimant_verbs=frozenset(data_lines("claimant_verbs.txt")),
        claimant_nouns=frozenset(data_lines("claimant_nouns.txt")),
        document_nouns=frozenset(data_lines("document_nouns.txt")),
        modality=modality, measures=measures, places=places, aliases=aliases,
        demonyms=frozenset(" ".join(k) for k in aliases),
        demonym_of={c: " ".join(k) for k, c in aliases.items()},
        countries=frozenset(" ".join(k) for k, v in places.items() if v[1] in ("country", "alias")),
        place_names={**{" ".join(k): v for k, v in aliases.items()},
                     **{" ".join(k).replace(" '", "'"): v[0] for k, v in places.items()}},
        measure_first=frozenset(k[0] for k in measures), modality_first=frozenset(k[0] for k in modality),
        place_lengths=_lengths_by_first_word(list(places) + list(aliases)),
    )


def _lengths_by_first_word(names: list[tuple[str, ...]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for words in names:
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


# Function words: never part of an entity, a claimant or a place name.
STOP = frozenset("""
a an the this that these those some any each every all both no not its his her their our my your
of in on at by for to from with without into onto over under about around after before since until
as than then while when where which who whom whose what why how whether if so and or but nor
is are was were be been being am has have had having do does did will would shall should can
could may might must also already still just only even now yet more most less least other others
another further additional extra such same up down out off per via alone almost nearly some
it they he she we you i them him us me there here its itself themselves reportedly currently
total figure number numbers tally count sum near within beyond across
although whereas unless below above beneath against among amid amidst between despite during beside toward towards upon unlike behind
""".split())


DETERMINERS = frozenset("a an the this that these those some its his her their our".split())


PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any", "we": "any"}


AUXILIARIES = frozenset("has have had is are was were be been being will would could may might also "
                        "remain remains remained "
                        "further previously recently now later then separately earlier already "
                        "reportedly initially first so far just still yet".split())


BE = frozenset("is are was were be been being".split())


# "the number of X", "a total of X" are transparent: the entity is X
TRANSPARENT = frozenset("number total tally count sum figure estimate list".split())


GENERIC_COUNTS = frozenset("names people persons individuals".split())


# Prepositions and verbs that may follow a bare figure but never name what it counts:
# "1.27 million according to the ministry", "700,000 put forward by the union"
NOT_NOUNS = frozenset("according against compared versus vs including excluding include includes included "
                      "despite instead unlike throughout during among amid amongst along toward towards between "
                      "inside outside put say says said claimed nationwide countrywide worldwide overall".split())


# Head nouns of a rate or a growth a percentage is the value of: "the unemployment rate",
# "the yearly increase", "a 2% inflation goal"
RATE_HEADS = frozenset("rate rates increase increases rise rises growth gain gains goal target targets "
                       "ratio yield yields margin inflation unemployment turnout".split())


# "The teenager, 17, was shot": nouns for one person, which an age in commas may follow
PERSON_NOUNS = frozenset("man woman boy girl teenager teen child baby toddler son daughter mother father wife "
                         "husband brother sister victim suspect driver student officer soldier resident worker "
                         "pilot passenger patient gunman shooter".split())
PEOPLE = frozenset("people persons individuals civilians residents".split())


CHANGE_VERBS = frozenset("rose rise rises risen increased increase increases grew grow grown fell fall falls "
                         "fallen dropped drop drops declined decline declines jumped jump climbed climb "
                         "surged surge soared soar slipped slid plunged plunge gained gain lost cut cuts "
                         "raised lowered revised boosted reduced shrank shrink shrinks contracted expanded tumbled sank dipped "
                         "edged".split())


CHANGE_NOUNS = frozenset("increase rise drop fall decline jump gain cut growth hike reduction".split())


COPULA = frozenset("is are was were stands stood stand reached reach reaches rose rise risen climbed "
                   "climb climbs increased increase jumped hit hits topped top tops exceeded exceed exceeds "
                   "surpassed surpass passed remains remained remain at to of as rising grown grew "
                   "soared surged stood totalled totaled totals amounts amounted come came".split())


REGION_NOUNS = frozenset("province provinces region regions area areas district districts county city town "
                         "state territory territories zone zones village villages north south east west "
                         "northwest northeast southwest southeast north-west north-east south-west south-east "
                         "island islands coast capital".split())


EVENT_NOUNS = data_map("event_nouns.tsv")  # event noun -> the event it names


TIME_UNITS = frozenset("second minute hour day week month year decade century s min h d".split())


MONEY_NOUNS = frozenset({"cost", "price", "payment", "spending", "budget", "funding", "aid", "revenue",
                         "profit", "sales", "money spent", "bill", "share price"})


@cache
def org_words() -> frozenset[str]:
    return frozenset(data_lines("org_words.txt"))


@cache
def title_words() -> frozenset[str]:
    return frozenset(data_lines("titles.txt"))


TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday morning night evening afternoon "
                        "today yesterday tonight overnight january february march april june july august "
                        "september october november december".split())
