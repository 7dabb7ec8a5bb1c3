#include "app/console/pages/rolloutdialog.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/models/rolloutforecastmodel.h"
#include "app/console/serverconnection.h"
#include "engine/rollout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutDialog::RolloutDialog(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_name(new QLineEdit(this))
    , m_set(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_groupMode(new QComboBox(this))
    , m_groups(new QSpinBox(this))
    , m_percentages(new QLineEdit(this))
    , m_success(new QSpinBox(this))
    , m_successAction(new QComboBox(this))
    , m_error(new QSpinBox(this))
    , m_type(new QComboBox(this))
    , m_weight(new QSpinBox(this))
    , m_confirmation(new QCheckBox(tr("Requires confirmation on the device"), this))
    , m_approval(new QCheckBox(tr("Needs approval before it can start"), this))
    , m_start(new QComboBox(this))
    , m_startAt(new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this))
    , m_errorLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_forecast(new RolloutForecastModel(this))
    , m_forecastView(new QTableView(this))
    , m_verdict(new QLabel(this))
{
    setObjectName(u"rolloutDialog"_s);
    setWindowTitle(tr("New rollout"));
    m_name->setObjectName(u"rolloutName"_s);
    m_set->setObjectName(u"rolloutSet"_s);
    for (int row = 0; row < sets.rowCount(); ++row) {
        if (sets.rowAt(row).complete)
            m_set->addItem(sets.index(row, 0).data(DistributionSetModel::DisplayNameRole).toString(),
                           sets.index(row, 0).data(JsonListModel::IdRole));
    }
    m_filter->setObjectName(u"rolloutFilter"_s);
    m_filter->setPlaceholderText(tr("RSQL, e.g. attribute.hw==rev2;updateStatus!=error"));
    m_filter->setAccessibleName(tr("Targets of the rollout"));
    m_matches->setObjectName(u"matchCount"_s);
    m_groupMode->setObjectName(u"groupMode"_s);
    m_groupMode->addItem(tr("in equal groups:"));
    m_groupMode->addItem(tr("by percentage of the targets left:"));
    m_groupMode->setAccessibleName(tr("How targets are split into groups"));
    m_percentages->setObjectName(u"groupPercentages"_s);
    m_percentages->setPlaceholderText(tr("e.g. 5, 25, 100 (the last 100 % takes all that are left)"));
    m_percentages->setAccessibleName(tr("Group percentages"));
    m_percentages->hide();
    m_groups->setObjectName(u"groupCount"_s);
    m_groups->setAccessibleName(tr("Number of groups"));
    m_groups->setRange(1, 500);
    m_groups->setValue(5);
    m_success->setRange(1, 100);
    m_success->setValue(90);
    m_success->setSuffix(u" %"_s);
    m_success->setAccessibleName(tr("Success threshold"));
    m_successAction->addItem(tr("then start the next group"), u"NEXTGROUP"_s);
    m_successAction->addItem(tr("then pause the rollout"), u"PAUSE"_s);
    m_error->setRange(0, 100);
    m_error->setValue(20);
    m_error->setSuffix(u" %"_s);
    m_error->setAccessibleName(tr("Error threshold"));
    m_type->addItem(tr("Forced"), u"forced"_s);
    m_type->addItem(tr("Soft"), u"soft"_s);
    m_type->addItem(tr("Download only"), u"downloadonly"_s);
    m_weight->setRange(0, 1000);
    m_weight->setValue(500);
    m_start->addItem(tr("Start it myself"), u"manual"_s);
    m_start->addItem(tr("Start as soon as it is created"), u"now"_s);
    m_start->addItem(tr("Start at a time"), u"at"_s);
    m_startAt->setCalendarPopup(true);
    m_startAt->setAccessibleName(tr("Start time"));
    m_startAt->setEnabled(false);
    m_errorLabel->setObjectName(u"error"_s);
    m_errorLabel->setStyleSheet(u"color: #c62828"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    m_create = m_buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"createButton"_s);
    m_create->setAutoDefault(false);
    m_forecastButton = m_buttons->addButton(tr("Forecast"), QDialogButtonBox::ActionRole);
    m_forecastButton->setObjectName(u"forecastButton"_s);
    m_forecastButton->setAutoDefault(false);
    m_forecastButton->setToolTip(tr("What this rollout would do and when, played on a copy of the fleet as it "
                                    "behaved lately; nothing is created"));
    m_forecastView->setObjectName(u"forecastView"_s);
    m_forecastView->setModel(m_forecast);
    m_forecastView->setAccessibleName(tr("Forecast by group"));
    m_forecastView->verticalHeader()->hide();
    m_forecastView->horizontalHeader()->setStretchLastSection(true);
    m_forecastView->setSelectionMode(QAbstractItemView::NoSelection);
    m_forecastView->hide();
    m_verdict->setObjectName(u"forecastVerdict"_s);
    m_verdict->setWordWrap(true);
    m_verdict->hide();

    auto *successRow = new QHBoxLayout;
    successRow->addWidget(m_success);
    successRow->addWidget(m_successAction, 1);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start, 1);
    startRow->addWidget(m_startAt);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Distribution set:"), m_set);
    form->addRow(tr("Targets:"), m_filter);
    form->addRow(QString(), m_matches);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(m_groupMode);
    groupRow->addWidget(m_groups);
    groupRow->addWidget(m_percentages, 1);
    groupRow->addStretch();
    form->addRow(tr("Groups:"), groupRow);
    form->addRow(tr("A group succeeds at:"), successRow);
    form->addRow(tr("Pause when failed reach:"), m_error);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Weight:"), m_weight);
    form->addRow(QString(), m_confirmation);
    form->addRow(QString(), m_approval);
    form->addRow(tr("Start:"), startRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_forecastView);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    m_count.setSingleShot(true);
    m_count.setInterval(300);
    connect(&m_count, &QTimer::timeout, this, &RolloutDialog::countMatches);
    connect(m_filter, &QLineEdit::textChanged, &m_count, qOverload<>(&QTimer::start));
    connect(m_name, &QLineEdit::textChanged, this, &RolloutDialog::validate);
    connect(m_groupMode, &QComboBox::currentIndexChanged, this, [this] {
        m_groups->setVisible(!byPercentages());
        m_percentages->setVisible(byPercentages());
        showPlan();
    });
    connect(m_groups, &QSpinBox::valueChanged, this, &RolloutDialog::showPlan);
    connect(m_percentages, &QLineEdit::textChanged, this, &RolloutDialog::showPlan);
    connect(m_start, &QComboBox::currentIndexChanged, this,
            [this] { m_startAt->setEnabled(m_start->currentData().toString() == u"at"_s); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RolloutDialog::submit);
    connect(m_forecastButton, &QPushButton::clicked, this, &RolloutDialog::requestForecast);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_matches->setText(tr("Type a filter to see how many targets it matches."));
    validate();
}

void RolloutDialog::setFilter(const QString &rsql)
{
    m_filter->setText(rsql);
}

void RolloutDialog::setName(const QString &name)
{
    m_name->setText(name);
}

QString RolloutDialog::matchText() const
{
    return m_matches->text();
}

void RolloutDialog::countMatches()
{
    const QString rsql = m_filter->text().trimmed();
    m_matching = -1;
    validate();
    if (rsql.isEmpty()) {
        m_matches->setText(tr("Type a filter to see how many targets it matches."));
        return;
    }
    const quint64 generation = ++m_generation;
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"1"_s);
    q.addQueryItem(u"q"_s, QString::fromUtf8(QUrl::toPercentEncoding(rsql)));
    ApiReply *reply = m_connection.api().get(u"/targets"_s, q);
    connect(reply, &ApiReply::finished, this, [this, generation](const QJsonDocument &body) {
        if (generation != m_generation)
            return;
        m_matching = body.object().value("total"_L1).toInteger();
        showPlan();
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &why) {
        if (generation != m_generation)
            return;
        m_matches->setText(tr("Not a valid filter: %1").arg(why));
    });
}

bool RolloutDialog::byPercentages() const
{
    return m_groupMode->currentIndex() == 1;
}

std::optional<QList<double>> RolloutDialog::percentages() const
{
    QList<double> result;
    for (const QString &part : m_percentages->text().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double pct = QLocale().toDouble(part.trimmed().remove(u'%').trimmed(), &ok);
        const double c = ok ? pct : part.trimmed().remove(u'%').trimmed().toDouble(&ok);
        if (!ok || c <= 0 || c > 100)
            return std::nullopt;
        result << c;
    }
    if (result.isEmpty())
        return std::nullopt;
    return result;
}

// What the groups will hold, from the server's count of matching targets and the engine's own split.
void RolloutDialog::showPlan()
{
    if (m_matching < 0) {
        validate();
        return;
    }
    QString text = tr("Matches %n target(s)", nullptr, int(m_matching));
    if (m_matching > 0) {
        QList<int> sizes;
        if (!byPercentages()) {
            sizes = RolloutPlanner::splitByCount(int(m_matching), m_groups->value());
        } else if (const auto pcts = percentages()) {
            sizes = RolloutPlanner::splitByPercentages(int(m_matching), *pcts);
        } else {
            text += u"; "_s + tr("the percentages must be numbers above 0 and up to 100, separated by commas");
        }
        if (!sizes.isEmpty()) {
            QStringList parts;
            int covered = 0;
            for (int n : std::as_const(sizes)) {
                parts << QLocale().toString(n);
                covered += n;
            }
            text += u"; "_s + tr("groups of %1").arg(parts.join(u", "_s));
            if (covered < m_matching)
                text += u"; "_s
                    + tr("%n target(s) in no group (end with 100 % to take them all)", nullptr,
                         int(m_matching - covered));
        }
    }
    m_matches->setText(text);
    validate();
}

void RolloutDialog::validate()
{
    const bool groupsOk = !byPercentages() || percentages().has_value();
    m_create->setEnabled(!m_name->text().trimmed().isEmpty() && m_set->count() > 0 && m_matching > 0 && groupsOk);
    m_forecastButton->setEnabled(m_create->isEnabled());
}

QString RolloutDialog::forecastText() const
{
    return m_verdict->text();
}

void RolloutDialog::requestForecast()
{
    m_errorLabel->hide();
    m_forecast->clear();
    m_forecastView->hide();
    m_verdict->setText(tr("Forecasting…"));
    m_verdict->show();
    const quint64 generation = ++m_forecastGeneration;
    ApiReply *reply = m_connection.api().post(u"/rollouts/forecast"_s, requestBody());
    connect(reply, &ApiReply::finished, this, [this, generation](const QJsonDocument &answer) {
        if (generation != m_forecastGeneration)
            return;
        if (QString why; !m_forecast->setForecast(answer.object(), &why)) {
            m_verdict->setText(tr("The server sent a forecast the console cannot read: %1").arg(why));
            return;
        }
        m_verdict->setText(m_forecast->verdict() + u"\n"_s + m_forecast->assumptions());
        m_forecastView->resizeColumnsToContents();
        // Tall enough for every group up to eight; more scroll.
        const int rows = std::min(m_forecast->rowCount(), 8);
        m_forecastView->setFixedHeight(m_forecastView->horizontalHeader()->sizeHint().height()
                                       + rows * m_forecastView->verticalHeader()->defaultSectionSize()
                                       + 2 * m_forecastView->frameWidth());
        m_forecastView->show();
        adjustSize();
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &why) {
        if (generation != m_forecastGeneration)
            return;
        m_verdict->hide();
        m_errorLabel->setText(tr("No forecast: %1").arg(why));
        m_errorLabel->show();
    });
}

Mgmt::MgmtRolloutRestRequestBodyPost RolloutDialog::request() const
{
    Mgmt::MgmtRolloutRestRequestBodyPost r;
    r.name = m_name->text().trimmed();
    r.distributionSetId = m_set->currentData().toLongLong();
    r.targetFilterQuery = m_filter->text().trimmed();
    r.successCondition = Mgmt::MgmtRolloutCondition { std::nullopt, QString::number(m_success->value()) };
    r.successAction = Mgmt::MgmtRolloutAction { m_successAction->currentData().toString(), {} };
    r.errorCondition = Mgmt::MgmtRolloutCondition { std::nullopt, QString::number(m_error->value()) };
    r.type = m_type->currentData().toString();
    r.weight = m_weight->value();
    r.confirmationRequired = m_confirmation->isChecked();
    r.approvalRequired = m_approval->isChecked();
    if (byPercentages()) {
        QList<Mgmt::MgmtRolloutGroup> groups;
        const QList<double> pcts = percentages().value_or(QList<double>());
        for (qsizetype i = 0; i < pcts.size(); ++i) {
            Mgmt::MgmtRolloutGroup g;
            g.name = u"group-%1"_s.arg(i + 1);
            g.targetPercentage = pcts.at(i);
            groups.append(g);
        }
        r.groups = groups;
    } else {
        r.amountGroups = m_groups->value();
    }
    if (m_start->currentData().toString() == u"at"_s)
        r.startAt = m_startAt->dateTime().toMSecsSinceEpoch();
    return r;
}

QJsonObject RolloutDialog::requestBody() const
{
    return request().toJson();
}

void RolloutDialog::submit()
{
    m_errorLabel->hide();
    setEnabled(false);
    const bool startNow = m_start->currentData().toString() == u"now"_s;
    ApiReply *reply = m_connection.api().post(u"/rollouts"_s, requestBody());
    connect(reply, &ApiReply::finished, this, [this, startNow](const QJsonDocument &answer) {
        setEnabled(true);
        Q_EMIT created(answer.object().value("id"_L1).toInteger(), startNow);
        accept();
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        setEnabled(true);
        m_errorLabel->setText(tr("The server refused the rollout: %1").arg(why));
        m_errorLabel->show();
    });
}

} // namespace Flotilla
