#include "app/console/pages/modulesetdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

ModuleDialog::ModuleDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_vendor(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"moduleDialog"_s);
    setWindowTitle(tr("New software module"));
    m_name->setObjectName(u"moduleName"_s);
    m_version->setObjectName(u"moduleVersion"_s);
    m_type->setObjectName(u"moduleType"_s);
    m_type->setEditable(true);
    m_type->addItems({ u"os"_s, u"application"_s, u"firmware"_s });
    m_type->setToolTip(tr("A type key; a new one is created with the module"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Vendor:"), m_vendor);
    form->addRow(tr("Description:"), m_description);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ModuleDialog::validate);
    connect(m_version, &QLineEdit::textChanged, this, &ModuleDialog::validate);
    connect(m_type, &QComboBox::currentTextChanged, this, &ModuleDialog::validate);
    validate();
}

void ModuleDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().trimmed().isEmpty() && !m_version->text().trimmed().isEmpty()
                     && !m_type->currentText().trimmed().isEmpty());
}

Mgmt::MgmtSoftwareModuleRequestBodyPost ModuleDialog::module() const
{
    Mgmt::MgmtSoftwareModuleRequestBodyPost m;
    m.name = m_name->text().trimmed();
    m.version = m_version->text().trimmed();
    m.type = m_type->currentText().trimmed();
    m.vendor = m_vendor->text().trimmed();
    m.description = m_description->text().trimmed();
    return m;
}

SetDialog::SetDialog(const QList<Mgmt::MgmtSoftwareModule> &modules, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_type(new QLineEdit(this))
    , m_modules(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"setDialog"_s);
    setWindowTitle(tr("New distribution set"));
    m_name->setObjectName(u"setName"_s);
    m_version->setObjectName(u"setVersion"_s);
    m_type->setObjectName(u"setType"_s);
    m_type->setText(u"firmware"_s);
    m_type->setToolTip(tr("A set type key; a new one is created requiring the chosen modules' types"));
    m_modules->setObjectName(u"setModules"_s);
    m_modules->setAccessibleName(tr("Modules in the set"));
    for (const Mgmt::MgmtSoftwareModule &m : modules) {
        auto *item = new QListWidgetItem(tr("%1 %2 (%3)").arg(m.name, m.version, m.type), m_modules);
        item->setData(Qt::UserRole, m.id);
        item->setData(Qt::UserRole + 1, m.type);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Modules:"), m_modules);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SetDialog::validate);
    connect(m_version, &QLineEdit::textChanged, this, &SetDialog::validate);
    connect(m_modules, &QListWidget::itemChanged, this, &SetDialog::validate);
    validate();
}

void SetDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().trimmed().isEmpty() && !m_version->text().trimmed().isEmpty()
                     && !moduleTypes().isEmpty());
}

QStringList SetDialog::moduleTypes() const
{
    QStringList types;
    for (int i = 0; i < m_modules->count(); ++i) {
        const QListWidgetItem *item = m_modules->item(i);
        if (item->checkState() == Qt::Checked && !types.contains(item->data(Qt::UserRole + 1).toString()))
            types.append(item->data(Qt::UserRole + 1).toString());
    }
    return types;
}

Mgmt::MgmtDistributionSetRequestBodyPost SetDialog::set() const
{
    Mgmt::MgmtDistributionSetRequestBodyPost s;
    for (int i = 0; i < m_modules->count(); ++i) {
        const QListWidgetItem *item = m_modules->item(i);
        if (item->checkState() == Qt::Checked)
            s.modules.append(item->data(Qt::UserRole).toLongLong());
    }
    s.name = m_name->text().trimmed();
    s.version = m_version->text().trimmed();
    s.type = m_type->text().trimmed();
    return s;
}

} // namespace Flotilla
