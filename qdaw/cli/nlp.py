"""Text-index commands: index, search (keyword in context), autocode."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, cast

from qdaw.cli.analysis import add_filter_options, filters_from
from qdaw.cli.common import open_project, write_and_say
from qdaw.errors import QdawError
from qdaw.export.tables import write_table
from qdaw.nlp.search import Mode

if TYPE_CHECKING:
    import pandas as pd

MODES = ["exact", "lemma", "regex", "phrase"]


def cmd_index(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        if args.language:
            project.set_language(args.language)

        def progress(done: int, total: int, name: str) -> None:
            if name:
                print(f"[{done + 1}/{total}] {name}", file=sys.stderr)

        count = project.index_text(progress=progress, workers=args.workers)
        print(f"Indexed {count} documents")


def whole_number(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return number


def search_mode(args: argparse.Namespace) -> Mode:
    return "lemma" if args.lemma else cast(Mode, args.mode)


def with_sides(hits: pd.DataFrame) -> pd.DataFrame:
    """Left and right context of each match, cut at its offsets in the sentence (a word
    that occurs twice in a sentence is shown where it was found)."""
    at = hits["start"] - hits["sentence_start"]
    upto = hits["end"] - hits["sentence_start"]
    hits = hits.copy()
    hits["left"] = [s[:i] for s, i in zip(hits["sentence"], at, strict=True)]
    hits["right"] = [s[j:] for s, j in zip(hits["sentence"], upto, strict=True)]
    return hits


def kwic_line(row: Mapping[Hashable, Any], width: int = 40) -> str:
    """The match centred between its left and right context."""
    left, match, right = str(row["left"]), str(row["match"]), str(row["right"])
    where = f"{row['case']} · {row['document']}"
    return f"{left[-width:]:>{width}} [{match}] {right[:width]:<{width}}  {where}"


def cmd_search(args: argparse.Namespace) -> None:
    mode = search_mode(args)
    with open_project(args.project) as project:
        hits = with_sides(
            project.search(
                args.query, mode, args.match_accents, args.match_case, **filters_from(args)
            )
        )
        if args.anonymise:
            hits = project.anonymiser().frame(hits, ["match", "sentence", "left", "right"])
    if args.output:
        table = hits.drop(columns=["left", "right"])
        write_and_say(args.output, lambda: write_table(table, args.output, "Search"))
        return
    for row in hits.to_dict("records"):
        print(kwic_line(row))
    print(f"{len(hits)} matches in {hits['document'].nunique()} documents")


def cmd_autocode(args: argparse.Namespace) -> None:
    mode = search_mode(args)
    with open_project(args.project) as project:
        filters = filters_from(args)
        if args.speakers:
            filters["speakers"] = args.speakers
        if args.preview:
            spans = project.autocode_preview(args.query, mode, args.unit, **filters)
            for document_id, start, end in spans:
                document = project.document(document_id)
                print(f"{document.case} · {document.name}: {document.text[start:end]}")
            print(f"{len(spans)} passages would be coded")
            return
        created = project.autocode(args.query, args.code, mode, args.unit, **filters)
        print(f"Coded {created} passages as {args.code}")


def cmd_rules(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        if args.preview:
            for row in project.rules_preview(args.file).to_dict("records"):
                print(f"{row['code']}: {row['passages']} passages ({row['unit']}) "
                      f"in {row['documents']} documents")  # fmt: skip
            return
        for code, created in project.apply_rules(args.file).items():
            print(f"Coded {created} passages as {code}")


def cmd_suggest(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        text = project.document_text(args.document)
        start = text.find(args.passage)
        if start < 0:
            raise QdawError(f"the passage is not in document {args.document}")
        suggestions = project.suggest_codes(args.document, start, start + len(args.passage))
    for row in suggestions.to_dict("records"):
        print(f"{row['score']:.2f}  {row['code']}  ({row['shared']})")
    if suggestions.empty:
        print("No code resembles this passage yet")


def add_commands(sub: Any) -> None:
    rules = sub.add_parser("rules", help="apply a rule file (spaCy Matcher patterns → codes)")
    rules.add_argument("project")
    rules.add_argument("file", help='JSON: {"rules": [{"code": …, "patterns": […]}]}')
    rules.add_argument("--preview", action="store_true", help="count the passages, code nothing")
    rules.set_defaults(run=cmd_rules)

    suggest = sub.add_parser("suggest", help="codes whose passages resemble a passage")
    suggest.add_argument("project")
    suggest.add_argument("document")
    suggest.add_argument("passage", help="the passage, as written in the document")
    suggest.set_defaults(run=cmd_suggest)

    index = sub.add_parser("index", help="sentences, speakers and lemmas of new documents")
    index.add_argument("project")
    index.add_argument("--language", choices=["fr", "en"], help="the project's default language")
    index.add_argument(
        "--workers",
        type=whole_number,
        help="processes analysing the text, 0 for none besides this one (default: every "
        "core for a large run; QDAW_INDEX_WORKERS)",
    )
    index.set_defaults(run=cmd_index)

    search = sub.add_parser("search", help="find words, lemmas, phrases or a regex (KWIC)")
    search.add_argument("project")
    search.add_argument("query", help="word(s), a prefix with *, or a regex with --mode regex")
    search.add_argument("--mode", choices=MODES, default="exact")
    search.add_argument(
        "--lemma", action="store_true", help="every inflected form (= --mode lemma)"
    )
    search.add_argument("--match-accents", action="store_true", help="exact: respect accents")
    search.add_argument("--match-case", action="store_true", help="exact: respect case")
    search.add_argument("-o", "--output", help="write the hits to .csv or .xlsx")
    search.add_argument("--anonymise", action="store_true", help="names become pseudonyms")
    add_filter_options(search)
    search.set_defaults(run=cmd_search)

    autocode = sub.add_parser("autocode", help="code every hit of a search")
    autocode.add_argument("project")
    autocode.add_argument("query")
    autocode.add_argument("code", help="the code to apply (name or path)")
    autocode.add_argument("--mode", choices=MODES, default="exact")
    autocode.add_argument("--lemma", action="store_true")
    autocode.add_argument("--unit", choices=["match", "sentence", "paragraph"], default="match")
    autocode.add_argument("--speakers", action="append", help="respondent, interviewer or a label")
    autocode.add_argument("--preview", action="store_true", help="list the passages, code nothing")
    add_filter_options(autocode)
    autocode.set_defaults(run=cmd_autocode)
