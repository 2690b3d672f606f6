"""The architecture, checked: data flows one way (ingest -> claims -> store -> compare -> report),
only the CLI prints, and the library never configures logging."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "figures"

# Each module may import modules of its own layer or of a layer above it in this list.
LAYERS: list[set[str]] = [
    {"errors", "records", "config", "formats", "period"},
    {"fetch", "ingest", "units"},
    # the number reader's parts, below numbers.find_figures, which runs them
    {"number_records", "number_vocabulary", "number_words"},
    {"number_patterns"},
    {"non_figures"},
    {"number_reading"},
    {"number_ranges"},
    {"numbers", "timeref", "sentences", "vocabulary", "tokens", "lexicon", "word_classes"},
    # the claim readers: context first, then the article's own dates, then the readers that use
    # them, then claims, which runs them
    {"context"},
    {"article_dates"},
    {"counted_nouns", "modality", "dating", "name_resolution", "claimant_inheritance"},
    {"measure_cues", "money_purposes"},
    {"parallel_entities"},
    # the entity reader's other parts, below entities.read_entity, which runs them: the noun
    # phrase after a figure, then shares and changes (which use it), revisions, durations, sectors
    {"entity_phrases"},
    {"share_entities", "revision_entities", "duration_entities", "job_sectors"},
    {"entities", "list_measures"},
    {"claimant_phrases"},
    {"claimants"},
    {"attribution"},
    # the subject reader's parts: the places a sentence names; what it looks up once per sentence;
    # the subjects that are people or companies
    {"places"},
    {"sentence_scan"},
    {"people_subjects"},
    {"subjects"},
    {"claims"},
    {"store", "migrations"},
    {"parallel"},
    {"intervals", "quantity", "reliability"},
    # the comparator's stages: keys (with subject folding), blocking, disagreements, records
    {"codes", "subject_folding", "verdicts"},
    {"claim_keys", "blocking", "disagreements"},
    {"flag_records"},
    {"compare"},
    # the report: its rows, charts and Markdown escaping; the renderers (Markdown and HTML; CSV and JSON; the
    # ClaimReview export); the report
    {"charts", "markdown", "report_rows"},
    {"report_pages", "report_data", "claimreview"},
    {"report"},
    {"api"},
    {"cli", "__init__", "__main__"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts[:-1])


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def figures_imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("figures"):
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:  # "from figures import x" names modules, or names of the package facade
                named_modules = {a.name for a in node.names if a.name in RANK}
                found.update(named_modules or {"__init__"})
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("figures."):
                    found.add(a.name.split(".")[1])
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_lower_layers(path: Path) -> None:
    name = module_name(path)
    assert name in RANK, f"{name} is in no layer: add it to LAYERS in {__file__}"
    for imported in figures_imports(ast.parse(path.read_text(encoding="utf-8"))):
        assert imported in RANK, f"{name} imports unknown module figures.{imported}"
        assert RANK[imported] <= RANK[name], f"{name} (layer {RANK[name]}) imports {imported} (layer {RANK[imported]}): data flows one way"


@pytest.mark.parametrize("path", [p for p in modules() if module_name(p) not in {"cli", "__main__"}],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_library_neither_prints_nor_configures_logging(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            assert name not in {"print", "basicConfig", "echo"}, f"{path.name}:{node.lineno} calls {name}: only cli.py prints"


def test_only_store_imports_sqlmodel() -> None:
    for path in modules():
        if module_name(path) in {"store", "migrations"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert "import sqlmodel" not in text and "from sqlmodel" not in text, f"{path.name} imports sqlmodel"
