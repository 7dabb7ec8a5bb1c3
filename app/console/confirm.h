#pragma once

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

} // namespace Flotilla
