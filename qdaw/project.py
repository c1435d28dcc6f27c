"""The Project facade: the public scripting API of qdaw.

    from qdaw import Project
    with Project.open("study.qdaw") as p:
        print(p.code_frequencies())

Every change is one transaction and one undo step (``p.undo()``, ``p.redo()``);
``with p.batch("label"):`` groups many changes into one.

A Project is composed of a store (``p.store``, qdaw.core.store) and services over it,
one per subject: ``p.library`` (documents, cases, variables), ``p.codebook``,
``p.coding``, ``p.listing``, ``p.analysis``, ``p.nlp``, ``p.anonymising``,
``p.exports``, ``p.merging`` and ``p.interchange``. Their methods are also the
Project's own, by the same names.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Engine

from qdaw.core import server, storage
from qdaw.core.dberrors import DB_ERRORS, translate
from qdaw.core.names import CODER, check_name, check_text
from qdaw.core.operations import Op, op
from qdaw.core.store import Store
from qdaw.core.undo import History
from qdaw.errors import DiskFull
from qdaw.services.analysis import Analysis
from qdaw.services.anonymise import Anonymising
from qdaw.services.backups import Backups
from qdaw.services.charting import Charting
from qdaw.services.codebook import Codebook
from qdaw.services.coding import Coding
from qdaw.services.documents import Library
from qdaw.services.exports import Exports
from qdaw.services.forward import forward
from qdaw.services.interchange import Interchange
from qdaw.services.listing import Listing
from qdaw.services.memos import Memos
from qdaw.services.merging import Merging
from qdaw.services.nlp import Nlp
from qdaw.services.sets import Sets
from qdaw.services.transfer import Copying
from qdaw.services.variables import Variables
from qdaw.services.words import Words

T = TypeVar("T")


def _translated(target: str | Path, call: Callable[[], T]) -> T:
    """Database errors met while opening or creating, as QdawErrors naming the target."""
    try:
        return call()
    except DB_ERRORS as exc:
        raise translate(exc, storage.shown(target)) from exc


class Project:
    def __init__(
        self,
        engine: Engine,
        location: str,
        path: Path | None,
        coder: str | None = None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
        read_only: str | None = None,
    ) -> None:
        self.store = store = Store(engine, location, path, coder, busy_timeout, read_only)
        self.library = Library(store, self)
        # (``variables`` is the respondents × variables table, so the service is apart)
        self.variable_service = Variables(store, self)
        self.set_service = Sets(store, self)
        self.coding = Coding(store, self)
        self.codebook = Codebook(store, self, self.coding)
        self.listing = Listing(store, self)
        self.analysis = Analysis(store, self)
        self.nlp = Nlp(store, self, self.analysis, self.codebook, self.coding)
        self.anonymising = Anonymising(store, self, self.analysis)
        self.exports = Exports(store, self, self.anonymising)
        self.merging = Merging(store, self)
        self.interchange = Interchange(store, self)
        self.backing_up = Backups(store, self)
        self.copying = Copying(store, self)
        self.memo_service = Memos(store, self)
        self.words = Words(store, self, self.analysis)
        self.charting = Charting(store, self)

    @classmethod
    def create(
        cls,
        target: str | Path,
        coder: str | None = None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
    ) -> Project:
        """Create a new project file (an error if it exists) or database URL.
        ``coder`` as for ``open``. If creating fails (a full disk), nothing of it is
        left: no file, no project tables."""
        try:
            engine = _translated(target, lambda: storage.create_database(target, busy_timeout))
        except DiskFull as exc:
            raise DiskFull(
                f"{storage.shown(target)}: the disk is full; the project was not created "
                "(nothing of it is left). Free some space and create it again"
            ) from exc
        path = None if storage.is_url(target) else Path(target)
        project = cls(engine, str(target), path, coder, busy_timeout)
        project.checkpoint()  # the new file alone is a project (its schema out of the WAL)
        return project

    @classmethod
    def open(
        cls,
        target: str | Path,
        coder: str | None = None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> Project:
        """Open a project file or URL, migrating an older format after a backup copy.

        ``coder`` names who writes (else $QDAW_CODER, the project's default coder, the
        login name): their steps are the ones ``undo`` and ``redo`` take, also after
        the project is closed and opened again. A writer waits up to ``busy_timeout``
        seconds for another writer's transaction.

        ``read_only`` opens it so that nothing can change it; a file that cannot be
        written here (its permissions, its folder's, a read-only disk) opens read-only
        by itself, and so does a server project for a user of its readers' role
        (``qdaw server add-user … --role reader``). Reading, analyses, reports and
        exports work; a change raises ReadOnlyProject, and nothing is created beside
        the file.
        """
        reason = storage.read_only_reason(target, read_only)
        engine, backup = _translated(
            target, lambda: storage.open_database(target, busy_timeout, reason is not None)
        )
        path = None if storage.is_url(target) else Path(target)
        if reason is None and path is None:  # a team's reader (the server refuses anyway)
            reason = _translated(target, lambda: server.read_only_reason(engine))
        project = cls(engine, str(target), path, coder, busy_timeout, reason)
        project.store.backup_path = backup
        return project

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Project {self.store.shown!r}>"

    def switch_coder(self, name: str) -> None:
        """Write as ``name`` from now on (new segments, steps, the undo stack); nothing
        in the project changes."""
        self.store.coder = check_name(name, CODER)

    def set_title(self, title: str | None) -> None:
        """The project's title, as reports show it (None: back to the file's name)."""
        title = check_text(title, "Title")
        if title is not None and not title.strip():
            title = None
        with self.store.writing(op("set_title", name=title or self.store.name)) as journal:
            self.store.set_meta(journal, "title", title.strip() if title else None)

    @property
    def title(self) -> str:
        """The project's title (``set_title``), else its file's or database's name."""
        return self.store.get_meta("title") or self.store.name

    def set_default_coder(self, name: str) -> None:
        name = check_name(name, CODER)
        with self.store.writing(op("set_default_coder", name=name)) as journal:
            self.store.set_meta(journal, "default_coder", name)

    # -- the store's own facts -------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """Nothing can be changed (see ``open``); ``read_only_reason`` says why."""
        return self.store.read_only

    @property
    def read_only_reason(self) -> str | None:
        return self.store.read_only_reason

    @property
    def coder(self) -> str:
        """Who this project writes as (see ``open``)."""
        return self.store.coder

    @property
    def default_coder(self) -> str:
        return self.store.default_coder

    @property
    def name(self) -> str:
        return self.store.name

    @property
    def path(self) -> Path | None:
        """The project's file (None for a database URL)."""
        return self.store.path

    @property
    def location(self) -> str:
        """The file or URL it was opened from (a URL with its password)."""
        return self.store.location

    @property
    def shown(self) -> str:
        """The file or URL as it may be printed (no password)."""
        return self.store.shown

    @property
    def engine(self) -> Engine:
        return self.store.engine

    @property
    def backup_path(self) -> Path | None:
        """The copy made before this open migrated the file to the current format."""
        return self.store.backup_path

    @property
    def history(self) -> History:
        return self.store.history

    @property
    def undo_label(self) -> str | None:
        return self.store.undo_label

    @property
    def redo_label(self) -> str | None:
        return self.store.redo_label

    @property
    def undo_operation(self) -> Op | None:
        return self.store.undo_operation

    @property
    def redo_operation(self) -> Op | None:
        return self.store.redo_operation

    # -- one-line delegations: the services' methods by their flat names ---------------
    value = forward("store", Store.value)  # what a handle reads
    # -- store ---------------------------------------------------------------
    batch = forward("store", Store.batch)
    checkpoint = forward("store", Store.checkpoint)
    save_copy = forward("store", Store.save_copy)
    copy_to = forward("copying", Copying.copy_to)
    document_text = forward("store", Store.document_text)
    get_meta = forward("store", Store.get_meta)
    poll_changes = forward("store", Store.poll_changes)
    redo = forward("store", Store.redo)
    subscribe = forward("store", Store.subscribe)
    undo = forward("store", Store.undo)
    variable_types = forward("store", Store.variable_types)
    variables = forward("store", Store.variables)
    # -- library -------------------------------------------------------------
    cases = forward("library", Library.cases)
    case = forward("library", Library.case)
    add_case = forward("library", Library.add_case)
    rename_case = forward("library", Library.rename_case)
    delete_case = forward("library", Library.delete_case)
    documents = forward("library", Library.documents)
    document = forward("library", Library.document)
    add_document = forward("library", Library.add_document)
    import_file = forward("library", Library.import_file)
    document_marks = forward("library", Library.document_marks)
    document_image = forward("library", Library.document_image)
    import_files = forward("library", Library.import_files)
    store_sources = forward("library", Library.store_sources)
    nameable_sources = forward("library", Library.nameable_sources)
    rename_document = forward("library", Library.rename_document)
    move_document = forward("library", Library.move_document)
    delete_document = forward("library", Library.delete_document)
    # -- variables -----------------------------------------------------------
    variable_info = forward("store", Store.variable_info)
    document_variable_table = forward("store", Store.document_variable_table)
    set_variable = forward("variable_service", Variables.set_variable)
    set_document_variable = forward("variable_service", Variables.set_document_variable)
    import_variables = forward("variable_service", Variables.import_variables)
    add_variable = forward("variable_service", Variables.add_variable)
    set_levels = forward("variable_service", Variables.set_levels)
    variable_levels = forward("variable_service", Variables.variable_levels)
    change_variable_type = forward("variable_service", Variables.change_variable_type)
    case_variables = forward("variable_service", Variables.case_variables)
    document_variables = forward("variable_service", Variables.document_variables)
    delete_variable = forward("variable_service", Variables.delete_variable)
    # -- sets ----------------------------------------------------------------
    sets = forward("set_service", Sets.sets)
    set = forward("set_service", Sets.set)
    add_set = forward("set_service", Sets.add_set)
    add_to_set = forward("set_service", Sets.add_to_set)
    remove_from_set = forward("set_service", Sets.remove_from_set)
    delete_set = forward("set_service", Sets.delete_set)
    # -- codebook ------------------------------------------------------------
    codes = forward("codebook", Codebook.codes)
    code = forward("codebook", Codebook.code)
    segment_count = forward("codebook", Codebook.segment_count)
    add_code = forward("codebook", Codebook.add_code)
    code_or_new = forward("codebook", Codebook.code_or_new)
    rename_code = forward("codebook", Codebook.rename_code)
    recolor_code = forward("codebook", Codebook.recolor_code)
    describe_code = forward("codebook", Codebook.describe_code)
    move_code = forward("codebook", Codebook.move_code)
    delete_code = forward("codebook", Codebook.delete_code)
    merge_codes = forward("codebook", Codebook.merge_codes)
    hypotheses = forward("codebook", Codebook.hypotheses)
    hypothesis = forward("codebook", Codebook.hypothesis)
    add_hypothesis = forward("codebook", Codebook.add_hypothesis)
    edit_hypothesis = forward("codebook", Codebook.edit_hypothesis)
    delete_hypothesis = forward("codebook", Codebook.delete_hypothesis)
    link_code = forward("codebook", Codebook.link_code)
    unlink_code = forward("codebook", Codebook.unlink_code)
    import_codebook = forward("codebook", Codebook.import_codebook)
    # -- coding --------------------------------------------------------------
    code_segment = forward("coding", Coding.code_segment)
    code_region = forward("coding", Coding.code_region)
    segments = forward("coding", Coding.segments)
    delete_segment = forward("coding", Coding.delete_segment)
    resize_segment = forward("coding", Coding.resize_segment)
    recode_segment = forward("coding", Coding.recode_segment)
    set_memo = forward("coding", Coding.set_memo)
    memo = forward("coding", Coding.memo)
    memos = forward("memo_service", Memos.memos)
    export_memos = forward("memo_service", Memos.export_memos)
    # -- listing -------------------------------------------------------------
    code_rows = forward("listing", Listing.code_rows)
    case_rows = forward("listing", Listing.case_rows)
    document_rows = forward("listing", Listing.document_rows)
    total_segments = forward("listing", Listing.total_segments)
    first_document_id = forward("listing", Listing.first_document_id)
    hypothesis_rows = forward("listing", Listing.hypothesis_rows)
    segment_rows = forward("listing", Listing.segment_rows)
    coder_rows = forward("listing", Listing.coder_rows)
    documents_with_text = forward("listing", Listing.documents_with_text)
    # -- analysis ------------------------------------------------------------
    scope = forward("analysis", Analysis.scope)
    total_cases = forward("analysis", Analysis.total_cases)
    code_counts = forward("analysis", Analysis.code_counts)
    hypothesis_counts = forward("analysis", Analysis.hypothesis_counts)
    find_text = forward("analysis", Analysis.find_text)
    code_frequencies = forward("analysis", Analysis.code_frequencies)
    case_code_matrix = forward("analysis", Analysis.case_code_matrix)
    hypothesis_summary = forward("analysis", Analysis.hypothesis_summary)
    crosstab = forward("analysis", Analysis.crosstab)
    crosstab_tests = forward("analysis", Analysis.crosstab_tests)
    cooccurrence = forward("analysis", Analysis.cooccurrence)
    retrieve = forward("analysis", Analysis.retrieve)
    query_cases = forward("analysis", Analysis.query_cases)
    words_coded = forward("analysis", Analysis.words_coded)
    hypothesis_report = forward("analysis", Analysis.hypothesis_report)
    agreement = forward("analysis", Analysis.agreement)
    disagreements = forward("analysis", Analysis.disagreements)
    # -- nlp -----------------------------------------------------------------
    set_language = forward("nlp", Nlp.set_language)
    set_speaker_pattern = forward("nlp", Nlp.set_speaker_pattern)
    index_text = forward("nlp", Nlp.index_text)
    sentences = forward("nlp", Nlp.sentences)
    paragraphs = forward("nlp", Nlp.paragraphs)
    speaker_turns = forward("nlp", Nlp.speaker_turns)
    search = forward("nlp", Nlp.search)
    keyword_in_context = forward("nlp", Nlp.keyword_in_context)
    distinctive_words = forward("nlp", Nlp.distinctive_words)
    suggest_codes = forward("nlp", Nlp.suggest_codes)
    autocode_preview = forward("nlp", Nlp.autocode_preview)
    autocode = forward("nlp", Nlp.autocode)
    enclosing_passages = forward("nlp", Nlp.enclosing_passages)
    code_passages = forward("nlp", Nlp.code_passages)
    rules_preview = forward("nlp", Nlp.rules_preview)
    apply_rules = forward("nlp", Nlp.apply_rules)
    # -- words (frequencies, stop lists) ---------------------------------------
    word_frequencies = forward("words", Words.word_frequencies)
    term_in_context = forward("words", Words.term_in_context)
    stop_words = forward("words", Words.stop_words)
    set_stop_words = forward("words", Words.set_stop_words)
    word_cloud = forward("words", Words.word_cloud)
    # -- anonymising ---------------------------------------------------------
    detect_entities = forward("anonymising", Anonymising.detect_entities)
    find_entities = forward("anonymising", Anonymising.find_entities)
    propose_entities = forward("anonymising", Anonymising.propose_entities)
    entities = forward("anonymising", Anonymising.entities)
    accept_entity = forward("anonymising", Anonymising.accept_entity)
    reject_entity = forward("anonymising", Anonymising.reject_entity)
    add_entity = forward("anonymising", Anonymising.add_entity)
    set_pseudonym = forward("anonymising", Anonymising.set_pseudonym)
    anonymiser = forward("anonymising", Anonymising.anonymiser)
    anonymised_text = forward("anonymising", Anonymising.anonymised_text)
    export_documents = forward("anonymising", Anonymising.export_documents)
    # -- exports -------------------------------------------------------------
    report = forward("exports", Exports.report)
    workbook_sheets = forward("exports", Exports.workbook_sheets)
    codebook_table = forward("exports", Exports.codebook_table)
    export_qdpx = forward("exports", Exports.export_qdpx)
    export_qdc = forward("exports", Exports.export_qdc)
    # -- merging (blind coding) ------------------------------------------------
    copy_for_coder = forward("merging", Merging.copy_for_coder)
    merge = forward("merging", Merging.merge)
    # -- interchange (REFI-QDA) ------------------------------------------------
    import_qdpx = forward("interchange", Interchange.import_qdpx)
    # -- charts and maps -------------------------------------------------------
    codes_by_variable = forward("charting", Charting.codes_by_variable)
    clustered_cooccurrence = forward("charting", Charting.clustered_cooccurrence)
    code_network = forward("charting", Charting.code_network)
    code_matrix = forward("charting", Charting.code_matrix)
    chart = forward("charting", Charting.chart)
    export_chart = forward("charting", Charting.export_chart)
    # -- backups ---------------------------------------------------------------
    backup = forward("backing_up", Backups.backup)
    backups = forward("backing_up", Backups.backups)
    auto_backup = forward("backing_up", Backups.auto_backup)
