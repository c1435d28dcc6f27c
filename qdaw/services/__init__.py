"""The Project's API by subject, each part over the store: documents and cases
(``library``), ``codebook``, ``coding``, ``listing``, ``analysis``, ``nlp``,
``anonymising`` and ``exports``. ``qdaw.project.Project`` composes them."""
