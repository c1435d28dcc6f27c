"""The analyses. Each accepts the same filters:

``cases`` (names or handles), ``documents`` (names, handles or a document set's name),
``where`` (variable conditions, e.g. ``{"discipline": "SHS"}``, a list of accepted
values, or a predicate; a document variable's selects documents), ``coders``, ``codes``
(or a code set's name) and ``hypotheses`` (the codes linked to them). Denominators
follow the filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack

from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.analysis.hypotheses import HypothesisReport
    from qdaw.analysis.scope import Scope
    from qdaw.analysis.search import TextHit


#: How a crosstab groups a variable's values: equal-width bins or edges (numbers),
#: "month" or "year" (dates), or None (value by value).
Bins = int | Sequence[float] | str | None


class CaseFilters(TypedDict, total=False):
    """The filters of an analysis that names its own coders and codes (agreement)."""

    cases: Iterable[Any]
    documents: Iterable[Any] | str  # names or handles, or a document set's name
    where: Mapping[str, Any]
    hypotheses: Iterable[Any]
    sets: Iterable[str] | str  # document or code sets, by name
    speakers: Iterable[str] | str  # "respondent", "interviewer" or speaker labels


class Filters(CaseFilters, total=False):
    coders: Iterable[str] | str
    codes: Iterable[Any] | str  # names, paths or handles, or a code set's name


class Analysis(Service):
    def scope(self, **filters: Unpack[Filters]) -> Scope:
        from qdaw.analysis.scope import resolve_scope

        return resolve_scope(self.store, **filters)

    def total_cases(self, **filters: Unpack[Filters]) -> int:
        """Respondents with at least one document (the N of "k/N"), within the filter."""
        from qdaw.analysis.frequencies import total_cases

        return total_cases(self.store, self.scope(**filters))

    def code_counts(
        self,
        rollup: bool = False,
        only: Iterable[int] | None = None,
        **filters: Unpack[Filters],
    ) -> dict[int, tuple[int, int]]:
        """code id → (segments, respondents); SQL only, no pandas. ``rollup``: a code
        with sub-codes counts them too. ``only``: just these code ids (codes without
        segments are left out)."""
        from qdaw.analysis.frequencies import code_counts

        codes = None if only is None else set(only)
        return code_counts(self.store, self.scope(**filters), rollup, codes)

    def hypothesis_counts(
        self, only: Iterable[int] | None = None, **filters: Unpack[Filters]
    ) -> dict[int, tuple[int, int]]:
        """hypothesis id → (segments, respondents) over its linked codes; SQL only
        (``only``: just these hypothesis ids)."""
        from qdaw.analysis.frequencies import hypothesis_counts

        hypotheses = None if only is None else set(only)
        return hypothesis_counts(self.store, self.scope(**filters), hypotheses)

    def find_text(
        self,
        query: str,
        accents: bool = False,
        case: bool = False,
        whole_words: bool = False,
        **filters: Unpack[Filters],
    ) -> list[TextHit]:
        """Every occurrence of ``query`` in the documents; accent- and case-insensitive
        unless ``accents`` / ``case`` ask to respect them."""
        from qdaw.analysis.search import find_text

        return find_text(self.store, query, self.scope(**filters), accents, case, whole_words)

    def code_frequencies(self, rollup: bool = False, **filters: Unpack[Filters]) -> pd.DataFrame:
        """code, parent, hypotheses, segments, cases, total_cases, pct_cases, ratio."""
        from qdaw.analysis.frequencies import code_frequencies

        return code_frequencies(self.store, self.scope(**filters), rollup=rollup)

    def case_code_matrix(
        self,
        value: Literal["count", "presence"] = "count",
        rollup: bool = False,
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """Respondents × codes: segments (or presence); ``rollup`` adds sub-codes in."""
        from qdaw.analysis.frequencies import case_code_matrix

        return case_code_matrix(self.store, self.scope(**filters), value=value, rollup=rollup)

    def hypothesis_summary(self, **filters: Unpack[Filters]) -> pd.DataFrame:
        from qdaw.analysis.frequencies import hypothesis_summary

        return hypothesis_summary(self.store, self.scope(**filters))

    def crosstab(
        self,
        variable: str,
        value: Literal["cases", "segments", "pct", "label"] = "cases",
        bins: Bins = None,
        rollup: bool = False,
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """Codes × the variable's values (then Total), in the levels' order for a
        categorical variable; ``bins``: a number or edges for numbers, "month" or
        "year" for dates. See qdaw.analysis.crosstab."""
        from qdaw.analysis.crosstab import crosstab

        return crosstab(self.store, variable, self.scope(**filters), value, bins, rollup)

    def crosstab_tests(
        self, variable: str, bins: Bins = None, **filters: Unpack[Filters]
    ) -> pd.DataFrame:
        """Per code: chi2, dof, p_value, min_expected, low_expected_cells, [fisher_p], warning."""
        from qdaw.analysis.crosstab import crosstab_tests

        return crosstab_tests(self.store, variable, self.scope(**filters), bins)

    def cooccurrence(
        self,
        scope: Literal["segment", "case"] = "segment",
        measure: Literal["count", "jaccard"] = "count",
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """Symmetric codes × codes table; see qdaw.analysis.cooccurrence for the diagonal."""
        from qdaw.analysis.cooccurrence import cooccurrence

        return cooccurrence(self.store, self.scope(**filters), scope, measure)

    def retrieve(
        self,
        query: str | None = None,
        level: Literal["segment", "case"] = "segment",
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """One row per segment in document order: code, document, case, coder, start, end,
        text, memo, time (index: segment_id). ``query``: e.g. '"A" AND NOT "B"'."""
        from qdaw.analysis.retrieval import retrieve

        return retrieve(self.store, self.scope(**filters), query, level)

    def query_cases(self, query: str, **filters: Unpack[Filters]) -> list[str]:
        """Respondents for whom a boolean code query holds, e.g. 'A AND NOT B'."""
        from qdaw.analysis.retrieval import query_cases

        return query_cases(self.store, query, self.scope(**filters))

    def words_coded(
        self, by: Literal["code", "case", "matrix"] = "code", **filters: Unpack[Filters]
    ) -> pd.DataFrame:
        from qdaw.analysis.coverage import words_coded

        return words_coded(self.store, self.scope(**filters), by)

    def hypothesis_report(
        self, label: str, quotes_per_code: int = 3, **filters: Unpack[Filters]
    ) -> HypothesisReport:
        """Statement, linked codes with k/N, coverage (who, and who not), memos, quotes."""
        from qdaw.analysis.hypotheses import hypothesis_report

        return hypothesis_report(self.store, label, self.scope(**filters), quotes_per_code)

    def agreement(
        self,
        coders: Sequence[str],
        unit: Literal["document", "case", "character", "segment"] = "document",
        codes: Iterable[Any] | None = None,
        min_overlap: float = 0.5,
        **filters: Unpack[CaseFilters],
    ) -> pd.DataFrame:
        """Inter-coder agreement per code, then ``"(all codes)"`` (every code's units
        pooled): code, units, both, only_first, only_second, neither, percent, kappa,
        kappa_bp, alpha, reason.

        ``unit``: ``"document"`` (does each coder apply the code in the document),
        ``"case"`` (the same per respondent), ``"character"`` (each character of the
        compared documents) or ``"segment"`` (each segment of any coder, agreed when
        the others have one of the same code overlapping it by ``min_overlap`` of the
        union). Only documents that every coder coded are compared: ``attrs
        ["documents"]`` counts them, ``attrs["excluded"]`` the others coded by some.

        ``percent`` is the share of units where all coders agree; ``kappa`` Cohen's
        (two coders); ``kappa_bp`` Brennan–Prediger's free-marginal kappa; ``alpha``
        Krippendorff's nominal alpha. With more than two coders ``kappa`` is empty,
        ``both`` counts units every coder coded, ``neither`` those nobody coded, and
        ``only_first`` / ``only_second`` the disagreements where the first coder did /
        did not apply the code. An undefined statistic is NaN and ``reason`` says why.
        """
        from qdaw.analysis.agreement import agreement

        scope = self._agreement_scope(codes, filters)
        return agreement(self.store, coders, unit, scope, min_overlap)

    def disagreements(
        self,
        coders: Sequence[str],
        unit: Literal["document", "case", "character", "segment"] = "document",
        codes: Iterable[Any] | None = None,
        min_overlap: float = 0.5,
        **filters: Unpack[CaseFilters],
    ) -> pd.DataFrame:
        """Each unit the coders disagree on (see ``agreement``): code, document, case,
        start, end, text, then one column per coder, True where they applied the code."""
        from qdaw.analysis.agreement import disagreements

        scope = self._agreement_scope(codes, filters)
        return disagreements(self.store, coders, unit, scope, min_overlap)

    def _agreement_scope(self, codes: Iterable[Any] | None, filters: CaseFilters) -> Scope:
        if codes is None:
            return self.scope(**filters)
        return self.scope(codes=codes, **filters)
