"""Read a REFI-QDA file whole: its structure, its texts (normalised as every qdaw
import), and its selections in qdaw's code points, with remarks on each decision."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from qdaw.ingest import limits
from qdaw.ingest.limits import Unreadable
from qdaw.ingest.refi.container import Container, open_refi
from qdaw.ingest.refi.model import RefiProject, RefiSource
from qdaw.ingest.refi.offsets import TextMap, choose
from qdaw.ingest.refi.parse import read_project_element
from qdaw.ingest.text import UndecodableText, decode_bytes

#: Selections listed by name in the remarks, at most (the count says the rest).
LISTED = 10


def read_refi(path: Path) -> RefiProject:
    """The project (or codebook) at ``path``; ``Unreadable`` when it cannot be read."""
    container = open_refi(path)
    try:
        project = read_project_element(container.root, path.stem)
        base = container.root.get("basePath") or ""
        raws = [_raw_text(container, source, base, project) for source in project.sources]
    finally:
        container.close()
    _place_selections(project, raws)
    return project


def _raw_text(container: Container, source: RefiSource, base: str, project: RefiProject) -> str:
    """The source's text as decoded (BOM removed), '' when it is missing or empty."""
    label = source.name or source.path or source.guid
    if source.picture:
        _read_picture(container, source, base, project, label)
        return ""
    if source.content is not None:
        return source.content.lstrip("\ufeff")
    data = _source_bytes(container, source.path or "", base)
    if data is None:
        project.remarks.append(f"source {label!r}: its text {source.path!r} is not in the file")
        return ""
    try:
        text, _encoding = decode_bytes(data)
    except UndecodableText as exc:
        raise Unreadable(f"source {label!r} ({source.path}): {exc}") from exc
    if len(text) > limits.MAX_CHARS:
        raise limits.too_long(len(text))
    text = text.lstrip("\ufeff")
    if not text.strip():
        project.remarks.append(f"source {label!r}: its text is empty (the exporter wrote none)")
        return ""
    return text


def _read_picture(
    container: Container, source: RefiSource, base: str, project: RefiProject, label: str
) -> None:
    from qdaw.ingest.images import image_from_bytes

    data = _source_bytes(container, source.path or "", base)
    if data is None:
        project.remarks.append(f"picture {label!r}: its file {source.path!r} is not in the file")
        return
    try:
        image = image_from_bytes(data)
    except Unreadable as exc:
        project.remarks.append(f"picture {label!r}: {exc.reason}; left out")
        return
    source.image = (image.format, image.width, image.height, image.data)
    inside = [s for s in source.selections if _fits(s.region, image.width, image.height)]
    if len(inside) < len(source.selections):
        project.remarks.append(
            f"picture {label!r}: {len(source.selections) - len(inside)} regions outside "
            "the picture left out"
        )
    source.selections = inside


def _fits(region: tuple[int, int, int, int] | None, width: int, height: int) -> bool:
    if region is None:
        return False
    x, y, w, h = region
    return x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= width and y + h <= height


def _source_bytes(container: Container, path: str, base: str) -> bytes | None:
    """internal://NAME, relative:///NAME (against basePath, else in the archive),
    absolute://PATH (when that file exists here), or a bare name."""
    path = path.strip()
    lowered = path.casefold()
    name = path
    for prefix in ("internal://", "relative:///", "relative://", "absolute://"):
        if lowered.startswith(prefix):
            name = path[len(prefix) :]
            break
    if lowered.startswith(("absolute://", "relative://")):
        disk = (
            Path(name)
            if lowered.startswith("absolute://")
            else Path(base.removeprefix("file://")) / name
        )
        if disk.is_file():
            limits.check_size(disk, limits.MAX_PLAIN_BYTES)
            return disk.read_bytes()
    if container.archive is None:
        beside = container.path.parent / PurePosixPath(name).name
        return beside.read_bytes() if name and beside.is_file() else None
    for candidate in (f"sources/{name}", name, f"sources/{PurePosixPath(name).name}"):
        member = container.member(candidate)
        if member is not None:
            return container.read_member(member)
    return None


def _place_selections(project: RefiProject, raws: list[str]) -> None:
    spans = [
        [] if source.picture else [(s.start, s.end) for s in source.selections]
        for source in project.sources
    ]
    reading, _scores, why = choose(project.origin, raws, spans)
    if any(spans):
        project.remarks.insert(0, f"positions read as {why}")
    outside: list[str] = []
    off_words: list[str] = []
    textless = 0
    for source, raw in zip(project.sources, raws, strict=True):
        if source.picture:
            if source.image is None:
                textless += len(source.selections)
                source.selections = []
            continue  # (regions are in pixels: nothing to map)
        text_map = TextMap(raw, reading)
        source.text = text_map.text
        kept = []
        for selection in source.selections:
            where = f"{source.name or source.guid} {selection.start}–{selection.end}"
            if not raw:
                textless += 1
                continue
            if not 0 <= selection.start <= selection.end <= text_map.length:
                outside.append(where)
                continue
            if not (text_map.plausible(selection.start) and text_map.plausible(selection.end)):
                off_words.append(where)
            selection.start = text_map.to_qdaw(selection.start)
            selection.end = text_map.to_qdaw(selection.end)
            kept.append(selection)
        source.selections = kept
    if textless:
        project.remarks.append(
            f"{textless} selections belong to sources without text and were left out"
        )
    if outside:
        project.remarks.append(
            f"{len(outside)} selections lie outside their source's text and were left out: "
            + ", ".join(outside[:LISTED])
            + (" …" if len(outside) > LISTED else "")
        )
    if off_words:
        project.remarks.append(
            f"{len(off_words)} selections start or end inside a word (imported as written): "
            + ", ".join(off_words[:LISTED])
            + (" …" if len(off_words) > LISTED else "")
        )
