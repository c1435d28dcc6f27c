"""Word frequencies and stop lists: ``qdaw words`` and ``qdaw stop-words``.

``qdaw words PROJECT CODE`` (a code named after the project) is the older command for
a code's distinctive words; without it, the words of the selection are counted."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.analysis import add_filter_options, filters_from
from qdaw.cli.common import open_project, write_and_say
from qdaw.errors import QdawError
from qdaw.export.tables import write_table


def cmd_words(args: argparse.Namespace) -> None:
    if args.code:
        distinctive(args)
        return
    if args.ngram not in (1, 2, 3):
        raise QdawError(f"--ngram {args.ngram}: n-grams of 1, 2 or 3 words")
    with open_project(args.project, read_only=True) as project:
        table = project.word_frequencies(
            by=args.by,
            ngram=args.ngram,
            limit=args.limit,
            min_count=args.min_count,
            stop_words=not args.keep_stop_words,
            **filters_from(args),
        )
        if args.cloud:
            write_and_say(args.cloud, lambda: project.word_cloud(args.cloud, table))
    if args.output:
        write_and_say(args.output, lambda: write_table(table, args.output, "Words"))
    elif not args.cloud:
        width = max([len(str(t)) for t in table["term"]] + [4])
        print(f"{'Term':<{width}}  {'Count':>6}  {'Docs':>5}  {'Resp.':>5}  {'Share':>6}")
        for row in table.to_dict("records"):
            print(f"{row['term']:<{width}}  {row['count']:>6}  {row['documents']:>5}"
                  f"  {row['respondents']:>5}  {row['share']:>6.2%}")  # fmt: skip


def distinctive(args: argparse.Namespace) -> None:
    with open_project(args.project, read_only=True) as project:
        words = project.distinctive_words(args.code, limit=args.limit or 20, **filters_from(args))
    if args.output:
        write_and_say(args.output, lambda: write_table(words, args.output, "Distinctive words"))
        return
    for row in words.to_dict("records"):
        print(f"{row['term']:<32} {row['kind']:<6} {row['in_code']:>5} {row['in_rest']:>6}"
              f"  G² {row['g2']:.1f}")  # fmt: skip


def cmd_stop_words(args: argparse.Namespace) -> None:
    if not args.add and not args.remove:
        with open_project(args.project, read_only=True) as project:
            print("\n".join(project.stop_words(args.lang)))
        return
    with open_project(args.project) as project:
        words = project.set_stop_words(args.lang, add=args.add, remove=args.remove)
    print(f"{len(words)} stop words ({args.lang})")


def add_commands(sub: Any) -> None:
    words = sub.add_parser(
        "words",
        help="word frequencies (lemmas or forms, n-grams) of the project or a selection",
        description="Count the words of the indexed text. With a CODE after the project, "
        "the older command: that code's distinctive words.",
    )
    words.add_argument("project")
    words.add_argument("code", nargs="?", help="distinctive words of this code instead")
    words.add_argument("--by", choices=["lemma", "form"], default="lemma")
    words.add_argument("--ngram", type=int, default=1, metavar="N", help="1, 2 or 3 words")
    words.add_argument("--limit", type=int, metavar="N", help="the N commonest terms")
    words.add_argument("--min-count", type=int, default=1, metavar="N")
    words.add_argument("--keep-stop-words", action="store_true", help="count the stop words too")
    words.add_argument("-o", "--output", help="write the table to .csv or .xlsx")
    words.add_argument("--cloud", metavar="FILE", help="draw a word cloud (.png or .svg)")
    add_filter_options(words)
    words.set_defaults(run=cmd_words)

    stop = sub.add_parser("stop-words", help="show or edit the project's stop lists")
    stop.add_argument("project")
    stop.add_argument("--lang", choices=["fr", "en"], default="fr")
    stop.add_argument("--add", nargs="+", default=[], metavar="WORD")
    stop.add_argument("--remove", nargs="+", default=[], metavar="WORD")
    stop.set_defaults(run=cmd_stop_words)
