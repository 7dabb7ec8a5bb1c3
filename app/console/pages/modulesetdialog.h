#pragma once

#include "proto/mgmt/mgmtrequests.h"
#include <QDialog>
#include <QJsonArray>

#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace Flotilla {

// New software module: name, version, type (a new type key is created with it), vendor, description.
class ModuleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ModuleDialog(QWidget *parent = nullptr);
    Mgmt::MgmtSoftwareModuleRequestBodyPost module() const;

private:
    void validate();
    QLineEdit *m_name;
    QLineEdit *m_version;
    QComboBox *m_type;
    QLineEdit *m_vendor;
    QLineEdit *m_description;
    QDialogButtonBox *m_buttons;
};

// New distribution set: name, version, type, and the modules it holds (checked in a list).
class SetDialog : public QDialog
{
    Q_OBJECT
public:
    SetDialog(const QList<Mgmt::MgmtSoftwareModule> &modules, QWidget *parent = nullptr);
    Mgmt::MgmtDistributionSetRequestBodyPost set() const;
    // The type keys of the chosen modules (a new set type makes them mandatory).
    QStringList moduleTypes() const;
    QListWidget *moduleList() const { return m_modules; }

private:
    void validate();
    QLineEdit *m_name;
    QLineEdit *m_version;
    QLineEdit *m_type;
    QListWidget *m_modules;
    QDialogButtonBox *m_buttons;
};

} // namespace Flotilla
