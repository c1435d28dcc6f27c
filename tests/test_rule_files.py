"""Rule files are checked against their schema before any rule runs: a wrong field is
named with its rule, a hostile file is refused in bounded time, nothing is coded."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import InvalidRuleFile
from qdaw.nlp.rule_schema import MAX_BYTES
from tests.conftest import snapshot

INTERVIEW = (
    "Q : Avez-vous vu des étudiants tricher ?\n"
    "R : Oui, certains trichent. La triche est fréquente.\n"
    "R : Ils veulent tricher aux examens.\n"
)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rules") / "study.qdaw"
    with Project.create(path) as project:
        project.add_document("r1", INTERVIEW, case="Référent 1")
        project.index_text()
    return path


@pytest.fixture
def project(indexed: Path, tmp_path: Path) -> Iterator[Project]:
    import shutil

    copy = tmp_path / "copy.qdaw"
    shutil.copy(indexed, copy)
    with Project.open(copy) as p:
        yield p


def rule(**fields: object) -> dict[str, object]:
    return {"code": "Évaluation/Triche", "patterns": [[{"LEMMA": "tricher"}]], **fields}


def write(tmp_path: Path, *rules: object, **top: object) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"rules": list(rules), **top}, ensure_ascii=False), "utf-8")
    return path


def refused(project: Project, path: Path, message: str) -> None:
    """Preview and apply both refuse with ``message`` (the whole of it), storing nothing."""
    before, undo_label = snapshot(project), project.undo_label
    for call in (project.rules_preview, project.apply_rules):
        with pytest.raises(InvalidRuleFile) as error:
            call(path)
        assert str(error.value) == message
    assert snapshot(project) == before and project.undo_label == undo_label


def test_the_list_form_of_speakers_codes_the_respondents_passages(
    project: Project, tmp_path: Path
) -> None:
    path = write(tmp_path, rule(speakers=["respondent"], unit="sentence"))
    assert project.apply_rules(path) == {"Évaluation/Triche": 2}
    assert [s.text for s in project.segments()] == [
        "Oui, certains trichent.", "Ils veulent tricher aux examens.",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"speakers": "respondent"}, "'speakers' must be a list of speaker names, "
         'e.g. ["respondent"]'),
        ({"speakers": 5}, "'speakers' must be a list of speaker names, e.g. [\"respondent\"]"),
        ({"speakers": [""]}, "'speakers' must be a list of speaker names, e.g. [\"respondent\"]"),
        ({"unit": "phrase"}, "'unit' must be one of match, sentence, paragraph"),
        ({"speaker": ["respondent"]}, "unknown key 'speaker' (did you mean 'speakers'?); a rule "
         "has code, patterns, unit, speakers"),
        ({"patterns": "tricher"}, "'patterns' must be a list of patterns, each a list of token "
         'descriptions, e.g. [[{"LEMMA": "tricher"}]]'),
        ({"patterns": [[]]}, 'pattern 1 must be a list of token descriptions, '
         'e.g. [{"LEMMA": "tricher"}]'),
        ({"patterns": [[{"LEMMA": "x"}, "tricher"]]}, 'pattern 1, token 2 must be an object, '
         'e.g. {"LEMMA": "tricher"}'),
        ({"patterns": [[{"LEMMA": [[["tricher"]]]}]]}, "pattern 1, token 1: 'LEMMA' must be a "
         'word, a number, true or false, or an object such as {"IN": ["a", "b"]}'),
    ],
)  # fmt: skip
def test_a_wrong_field_is_named_with_its_rule(
    project: Project, tmp_path: Path, fields: dict[str, object], problem: str
) -> None:
    path = write(tmp_path, rule(code="Autre"), rule(**fields))
    refused(project, path, f"{path}: rule 2 ('Évaluation/Triche'): {problem}")


def test_a_rule_without_a_usable_code(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path, {"patterns": [[{"LEMMA": "tricher"}]]})
    refused(project, path, f"{path}: rule 1: 'code' is missing: the code to apply, e.g. \"Triche\"")
    path = write(tmp_path, rule(code=7))
    refused(
        project, path, f"{path}: rule 1: 'code' must be a code's name or path, "
        'e.g. "Évaluation/Triche"',
    )  # fmt: skip
    path = write(tmp_path, rule(code="Évaluation/Tri\x00che"))
    refused(
        project, path, f"{path}: rule 1 ('Évaluation/Tri\\x00che'): 'code': Code name "
        "'Tri\\x00che' contains a NUL character: \\x00 at position 4",
    )  # fmt: skip


def test_the_file_itself_must_be_a_rule_file(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path, rule(), comment="à ignorer ?")
    refused(project, path, f"{path}: unknown key 'comment'; a rule file has rules")
    path.write_text("[1, 2]", encoding="utf-8")
    shape = '{"rules": [{"code": …, "patterns": [[{"LEMMA": "tricher"}]]}]}'
    refused(project, path, f"{path}: a rule file is an object {shape}")
    path.write_text('{"rules": []}', encoding="utf-8")
    refused(project, path, f"{path}: 'rules' must be a non-empty list of rules, as in {shape}")
    with pytest.raises(InvalidRuleFile, match=r"^rules: 'rules' must be a non-empty list"):
        project.apply_rules({"rules": "x"})
    with pytest.raises(InvalidRuleFile, match=re.escape("rules: rule 1 ('X'): 'unit'")):
        project.apply_rules({"rules": [rule(code="X", unit=3)]})  # parsed content too


def test_a_deeply_nested_file_is_refused_quickly(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"rules": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    refused(project, path, f"{path}: not a rule file: its lists and objects are nested too deeply")
    nested: object = "tricher"  # deep, but parsed: the schema walk stops at its depth
    for _ in range(5000):
        nested = [nested]
    with pytest.raises(InvalidRuleFile, match="'LEMMA' must be a word"):
        project.apply_rules({"rules": [rule(patterns=[[{"LEMMA": nested}]])]})


def test_a_huge_file_is_refused_before_it_is_read(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    refused(project, path, f"{path}: the rule file is 5.2 MB; a rule file may be at most 5 MB")


def test_a_file_with_a_byte_order_mark_is_read(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"rules": [rule()]}).encode())
    assert project.apply_rules(path) == {"Évaluation/Triche": 3}


def test_the_command_line_says_which_rule_is_wrong(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, rule(speakers="respondent"))
    location = str(project.path)
    project.close()
    assert main(["rules", location, str(path)]) == 1
    assert capsys.readouterr().err == (
        f"qdaw: error: {path}: rule 1 ('Évaluation/Triche'): 'speakers' must be a list of "
        'speaker names, e.g. ["respondent"]\n'
    )
