#include "app/console/pages/decisiondialog.h"
#include "app/console/confirm.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

DecisionDialog::DecisionDialog(const QString &title, const QString &explanation, const QString &deed, bool askInitiator,
                               QWidget *parent)
    : QDialog(parent)
    , m_remark(new QLineEdit(this))
{
    setObjectName(u"decisionDialog"_s);
    setWindowTitle(title);
    auto *text = new QLabel(explanation, this);
    text->setObjectName(u"decisionExplanation"_s);
    text->setWordWrap(true);
    m_remark->setObjectName(u"decisionRemark"_s);
    m_remark->setAccessibleName(tr("Remark"));
    m_remark->setPlaceholderText(tr("Why (recorded in the history)"));
    auto *form = new QFormLayout;
    if (askInitiator) {
        m_initiator = new QLineEdit(this);
        m_initiator->setObjectName(u"decisionInitiator"_s);
        m_initiator->setAccessibleName(tr("Initiator"));
        form->addRow(tr("Initiator:"), m_initiator);
    }
    form->addRow(tr("Remark:"), m_remark);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_deed = m_buttons->addButton(deed, QDialogButtonBox::AcceptRole);
    m_deed->setObjectName(u"decisionButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
}

void DecisionDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    makeCancelTheDefault(m_buttons);
}

QString DecisionDialog::remark() const
{
    return m_remark->text().trimmed();
}

QString DecisionDialog::initiator() const
{
    return m_initiator ? m_initiator->text().trimmed() : QString();
}

void DecisionDialog::setInitiator(const QString &initiator)
{
    if (m_initiator)
        m_initiator->setText(initiator);
}

} // namespace Flotilla
