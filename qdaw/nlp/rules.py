"""Rule files: spaCy Matcher patterns mapped to codes, applied like autocoding.

A rule file is JSON::

    {"rules": [
      {"code": "Évaluation/Triche", "unit": "sentence", "speakers": ["respondent"],
       "patterns": [[{"LEMMA": "tricher"}],
                    [{"LEMMA": "fraude"}, {"LOWER": "aux", "OP": "?"}, {"LEMMA": "examen"}]]}
    ]}

Patterns run on the stored text index (no model is loaded): each document is rebuilt as
a spaCy Doc from its tokens, with their lemmas and parts of speech. LEMMA and NORM
values match without accents or case, as the index stores them; TEXT and LOWER match
the words as written. Punctuation is not in the index, so patterns cannot use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.core.names import shown
from qdaw.core.text_units import fold
from qdaw.errors import InvalidRuleFile, QdawError

if TYPE_CHECKING:
    from qdaw.core.store import Store
    from qdaw.nlp.autocode import Unit

FOLDED_KEYS = ("LEMMA", "NORM")


@dataclass
class Rule:
    code: str
    patterns: list[list[dict[str, Any]]]
    unit: Unit = "match"
    speakers: list[str] = field(default_factory=list)


def _folded(value: Any) -> Any:
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, dict):  # {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": "..."}
        return {k: (_folded(v) if k != "REGEX" else v) for k, v in value.items()}
    if isinstance(value, list):
        return [_folded(v) for v in value]
    return value


def load_rules(source: str | Path | dict[str, Any]) -> list[Rule]:
    """Read and check a rule file (or its parsed content); errors name the rule and
    the field (qdaw.nlp.rule_schema)."""
    from qdaw.nlp.rule_schema import check_rule_file, read_rule_file

    name = str(source) if not isinstance(source, dict) else "rules"
    content = source if isinstance(source, dict) else read_rule_file(Path(source))
    rules = []
    for entry in check_rule_file(content, name):
        folded = [
            [{k: (_folded(v) if k in FOLDED_KEYS else v) for k, v in token.items()}
             for token in pattern]
            for pattern in entry["patterns"]
        ]  # fmt: skip
        rules.append(Rule(entry["code"], folded, entry["unit"], entry["speakers"]))
    return rules


def _matcher(rules: list[Rule], vocab: Any, source: str) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for index, rule in enumerate(rules):
        try:
            matcher.add(str(index), rule.patterns, greedy="LONGEST")
        except Exception as exc:  # spaCy's validation names the bad key
            message = str(exc).strip().splitlines()[-1] if str(exc).strip() else repr(exc)
            raise InvalidRuleFile(
                f"{source}: rule {index + 1} ({shown(rule.code)}): {message}"
            ) from exc
    return matcher


def rule_hits(store: Store, rules: list[Rule], source: str = "rules") -> dict[int, list[Any]]:
    """For each rule (by index), its hits as (document id, start, end)."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("xx").vocab
    matcher = _matcher(rules, vocab, source)
    hits: dict[int, list[Any]] = {i: [] for i in range(len(rules))}
    t = m.tokens
    for (document_id,) in store.rows(select(m.documents.c.id).order_by(m.documents.c.id)):
        rows = store.rows(
            select(t.c.start_offset, t.c.end_offset, t.c.lemma, t.c.pos)
            .where(t.c.document_id == document_id)
            .order_by(t.c.position)
        )
        if not rows:
            continue
        text = store.document_text(int(document_id))
        words = [text[start:end] for start, end, _l, _p in rows]
        spaces = [rows[i][1] < rows[i + 1][0] for i in range(len(rows) - 1)] + [False]
        doc = Doc(
            vocab, words=words, spaces=spaces,
            lemmas=[str(r[2]) for r in rows], pos=[r[3] or "X" for r in rows],
        )  # fmt: skip
        for token in doc:
            token.norm_ = fold(token.text)
        for match_id, start, end in matcher(doc):
            rule = int(vocab.strings[match_id])
            hits[rule].append((int(document_id), int(rows[start][0]), int(rows[end - 1][1])))
    return hits


def plan(store: Store, source: str | Path | dict[str, Any]) -> list[tuple[Rule, list[Any]]]:
    """Each rule with the passages it would code (the preview)."""
    from qdaw.nlp.autocode import enclose
    from qdaw.nlp.indexing import unindexed

    rules = load_rules(source)  # a bad file is told first: it needs mending either way
    missing = unindexed(store)
    if missing:
        raise QdawError(f"{len(missing)} documents are not indexed yet (run the text index)")
    label = str(source) if not isinstance(source, dict) else "rules"
    hits = rule_hits(store, rules, label)
    return [
        (rule, enclose(store, hits[i], rule.unit, rule.speakers or None))
        for i, rule in enumerate(rules)
    ]
