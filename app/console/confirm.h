#pragma once

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>

namespace Flotilla {

// Asks before something that cannot be undone: Cancel is the default (a stray Enter changes nothing), the
// destructive button names the deed. True when the operator pressed it.
inline bool confirmDestructive(QWidget *parent, const QString &title, const QString &text, const QString &deed)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *ok = box.addButton(deed, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == ok;
}

// For a dialog whose accept button acts (deploys, confirms for someone): call from showEvent, after
// QDialog::showEvent — QDialogButtonBox makes the accept button the default when shown; this makes Cancel the
// default instead, so Enter cancels and only a click on the deed decides.
inline void makeCancelTheDefault(QDialogButtonBox *buttons)
{
    for (QAbstractButton *b : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(b);
            push && buttons->buttonRole(b) == QDialogButtonBox::AcceptRole) {
            push->setDefault(false);
            push->setAutoDefault(false);
        }
    }
    if (QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel))
        cancel->setDefault(true);
}

} // namespace Flotilla
