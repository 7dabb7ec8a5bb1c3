#pragma once

#include <QDialog>

namespace Flotilla {

// Names the program, its version and the versions of the libraries it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text shown, also used by tests.
    static QString versionText();
};

} // namespace Flotilla
