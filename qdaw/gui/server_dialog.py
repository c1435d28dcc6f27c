"""File ▸ Open server project…: a team's project on a PostgreSQL server.

The password, if typed here, is used for this connection only: the recent list and the
settings keep the address without it (libpq finds it again in ~/.pgpass or PGPASSWORD).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.urls import with_password

EXAMPLE = "postgresql+psycopg://user@host/database"


class ServerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open server project"))
        self.address = QLineEdit(self)
        self.address.setObjectName("server_address")
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setMinimumWidth(420)
        self.password = QLineEdit(self)
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Password:"), self.password)
        note = QLabel(
            self.tr(
                "Leave the password empty to use ~/.pgpass or PGPASSWORD. A password typed "
                "here is used for this connection only; qdaw never saves it."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setEnabled(False)
        self.address.textChanged.connect(lambda value: self.open_button.setEnabled("://" in value))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def url(self) -> str:
        """The address to connect to (with the typed password, if any)."""
        address = self.address.text().strip()
        secret = self.password.text()
        return with_password(address, secret) if secret else address


def ask_server_url(parent: QWidget) -> str | None:
    dialog = ServerDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.url()
    finally:
        dialog.deleteLater()
