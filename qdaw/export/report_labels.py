"""The hypotheses report's words in each language (the page's script reads the same
labels) and its filters in plain words."""

from __future__ import annotations

from typing import Any

LABELS = {
    "en": {
        "title": "Hypotheses report",
        "generated": "Generated on {date} from {project}",
        "respondents": "{n} respondents",
        "filters": "Filters: {filters}",
        "overview": "Overview",
        "hypothesis": "Hypothesis",
        "statement": "Statement",
        "codes": "Codes",
        "respondents_col": "Respondents",
        "segments": "Segments",
        "code": "Code",
        "supported": "Supported by {ratio} respondents ({pct}%): {names}.",
        "none_supported": "No respondent has a segment of a linked code.",
        "without": "Without any linked code: {names}.",
        "memos": "Memos",
        "quotes": "Quotes",
        "no_codes": "No code is linked to this hypothesis.",
        "chart_overview": "% of respondents per hypothesis",
        "chart": "% of respondents per code",
        "axis": "% of respondents",
        "outside": "Findings outside the hypotheses",
        "supported_outside": "Codes linked to no hypothesis; {ratio} respondents ({pct}%) have "
        "one at least: {names}.",
        "without_outside": "With none of them: {names}.",
        "method": "Method",
        "method_n": "N = {n} respondents with at least one document{scope}.",
        "method_counting": "k/N: k of the N respondents have at least one passage coded with "
        "the code (several passages of one respondent count once); a hypothesis counts the "
        "respondents with any of its codes.",
        "method_coders": "Coders: {names}.",
        "method_no_coders": "No passage is coded yet.",
        "method_filters": "Filters: {filters}.",
        "method_no_filters": "No filter: every respondent, code and coder.",
        "method_quotes": "Quotes: one per respondent first (the shortest readable passage), "
        "then the others; this page holds at most {cap} per code, the project has them all.",
        "method_quotes_print": "Quotes: at most {n} per code, one per respondent (the "
        "shortest readable passage).",
        "method_date": "Generated on {date} by qdaw from the project {project}.",
        "group": "Respondents",
        "everyone": "All respondents",
        "group_shown": "{n} of {total} respondents: {variable} = {value}",
        "shown": "Hypotheses shown:",
        "pct": "{pct}%",
        "crosstab": "Codes by respondent variable",
        "crosstab_by": "Variable",
        "crosstab_of": "Respondents with each code, by {variable}:",
        "total": "Total",
        "no_variables": "The project has no respondent variable.",
        "print": "Print view",
        "screen": "Interactive view",
        "print_button": "Print",
        "show_all": "Show all ({n})",
        "show_first": "One per respondent",
        "no_quotes": "No quote from these respondents.",
        "capped": "{shown} of these respondents' {total} passages are in this page (see Method).",
        "category": "Category",
        "sort_hint": "Click a column's header to sort; a code's name to read its quotes.",
        "noscript": "This page draws its tables with JavaScript, which is off: the DOCX "
        "and Markdown reports read without it.",
    },
    "fr": {
        "title": "Rapport par hypothèse",
        "generated": "Généré le {date} à partir de {project}",
        "respondents": "{n} répondants",
        "filters": "Filtres : {filters}",
        "overview": "Vue d'ensemble",
        "hypothesis": "Hypothèse",
        "statement": "Énoncé",
        "codes": "Codes",
        "respondents_col": "Répondants",
        "segments": "Segments",
        "code": "Code",
        "supported": "Soutenue par {ratio} répondants ({pct} %) : {names}.",
        "none_supported": "Aucun répondant n'a de segment d'un code lié.",
        "without": "Sans aucun code lié : {names}.",
        "memos": "Mémos",
        "quotes": "Citations",
        "no_codes": "Aucun code n'est lié à cette hypothèse.",
        "chart_overview": "% de répondants par hypothèse",
        "chart": "% de répondants par code",
        "axis": "% de répondants",
        "outside": "Résultats hors hypothèses",
        "supported_outside": "Codes liés à aucune hypothèse ; {ratio} répondants ({pct} %) en "
        "ont au moins un : {names}.",
        "without_outside": "Sans aucun d'eux : {names}.",
        "method": "Méthode",
        "method_n": "N = {n} répondants ayant au moins un document{scope}.",
        "method_counting": "k/N : k des N répondants ont au moins un passage codé avec le code "
        "(plusieurs passages d'un répondant comptent une fois) ; une hypothèse compte les "
        "répondants ayant l'un de ses codes.",
        "method_coders": "Codeurs : {names}.",
        "method_no_coders": "Aucun passage n'est encore codé.",
        "method_filters": "Filtres : {filters}.",
        "method_no_filters": "Aucun filtre : tous les répondants, codes et codeurs.",
        "method_quotes": "Citations : une par répondant d'abord (le plus court passage "
        "lisible), puis les autres ; cette page en contient au plus {cap} par code, le projet "
        "les a toutes.",
        "method_quotes_print": "Citations : au plus {n} par code, une par répondant (le plus "
        "court passage lisible).",
        "method_date": "Généré le {date} par qdaw à partir du projet {project}.",
        "group": "Répondants",
        "everyone": "Tous les répondants",
        "group_shown": "{n} répondants sur {total} : {variable} = {value}",
        "shown": "Hypothèses affichées :",
        "pct": "{pct} %",
        "crosstab": "Codes par variable des répondants",
        "crosstab_by": "Variable",
        "crosstab_of": "Répondants ayant chaque code, par {variable} :",
        "total": "Total",
        "no_variables": "Le projet n'a aucune variable de répondant.",
        "print": "Vue imprimable",
        "screen": "Vue interactive",
        "print_button": "Imprimer",
        "show_all": "Tout afficher ({n})",
        "show_first": "Une par répondant",
        "no_quotes": "Aucune citation de ces répondants.",
        "capped": "{shown} des {total} passages de ces répondants sont dans cette page "
        "(voir Méthode).",
        "category": "Catégorie",
        "sort_hint": "Cliquez sur l'en-tête d'une colonne pour trier ; sur le nom d'un code "
        "pour lire ses citations.",
        "noscript": "Cette page dessine ses tableaux avec JavaScript, qui est désactivé : "
        "les rapports DOCX et Markdown se lisent sans.",
    },
}


FILTER_NAMES = {
    "en": {"cases": "respondents", "where": "respondents where", "coders": "coders",
           "codes": "codes", "hypotheses": "hypotheses", "speakers": "speakers",
           "documents": "documents", "sets": "sets"},
    "fr": {"cases": "répondants", "where": "répondants dont", "coders": "codeurs",
           "codes": "codes", "hypotheses": "hypothèses", "speakers": "locuteurs",
           "documents": "documents", "sets": "ensembles"},
}  # fmt: skip


def describe_filters(filters: dict[str, Any], lang: str = "en") -> str:
    """The filters in the report's language: "répondants dont discipline = SHS"."""
    names = FILTER_NAMES.get(lang, FILTER_NAMES["en"])
    parts = []
    for key, value in filters.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} = {v}" for k, v in value.items())
        elif not isinstance(value, str):
            value = ", ".join(map(str, value))
        # "respondents where discipline = SHS"; "répondants : A, B" (French spacing)
        between = " " if key == "where" else (" : " if lang == "fr" else ": ")
        parts.append(f"{names.get(key, key)}{between}{value}")
    return "; ".join(parts)
