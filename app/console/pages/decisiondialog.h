#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace Flotilla {

// Asks for a decision that acts for someone else or cannot be taken back (confirm on a device's behalf,
// activate auto-confirm): says what will happen, takes a remark (and, if asked, an initiator) for the history,
// and has Cancel as the default button — a stray Enter cancels, only a click on the deed's button decides.
class DecisionDialog : public QDialog
{
    Q_OBJECT
public:
    DecisionDialog(const QString &title, const QString &explanation, const QString &deed, bool askInitiator,
                   QWidget *parent = nullptr);

    QString remark() const;
    QString initiator() const;
    void setInitiator(const QString &initiator);
    QPushButton *deedButton() const { return m_deed; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QLineEdit *m_remark;
    QLineEdit *m_initiator = nullptr;
    QDialogButtonBox *m_buttons;
    QPushButton *m_deed;
};

} // namespace Flotilla
