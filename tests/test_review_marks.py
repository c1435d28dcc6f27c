"""A transcript made by a word processor under review: what reviewers wrote in the
margin and what they deleted is not part of the interview (it often names people)."""

from __future__ import annotations

from pathlib import Path

from odf.dc import Creator, Date
from odf.namespaces import XMLNS
from odf.office import Annotation, ChangeInfo
from odf.opendocument import OpenDocumentText
from odf.text import Change, ChangedRegion, Deletion, P, TrackedChanges

from qdaw.ingest import read_source


def test_odt_made_by_odfpy_keeps_neither_comments_nor_tracked_deletions(tmp_path: Path) -> None:
    document = OpenDocumentText()
    changes = TrackedChanges()
    region = ChangedRegion(qattributes={(XMLNS, "id"): "c1"})
    deletion = Deletion()
    info = ChangeInfo()
    info.addElement(Creator(text="Relectrice"))
    info.addElement(Date(text="2024-01-01T10:00:00"))
    deletion.addElement(info)
    deletion.addElement(P(text="Marie Dupont"))
    region.addElement(deletion)
    changes.addElement(region)
    document.text.addElement(changes)
    paragraph = P(text="Elle a dit ")
    comment = Annotation()
    comment.addElement(Creator(text="Relectrice"))
    comment.addElement(P(text="Anonymiser Jean Martin"))
    paragraph.addElement(comment)
    paragraph.addText("oui")
    paragraph.addElement(Change(changeid="c1"))
    paragraph.addText(" puis non.")
    document.text.addElement(paragraph)
    document.save(str(tmp_path / "review.odt"))
    text = read_source(tmp_path / "review.odt").text
    assert text == "Elle a dit oui puis non."
    for left_out in ("Marie", "Dupont", "Jean Martin", "Relectrice", "2024"):
        assert left_out not in text
