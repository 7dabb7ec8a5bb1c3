#include "app/console/manifest/manifesteditor.h"
#include "app/console/serverconnection.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository r;
    return r;
}
constexpr int OffsetRole = Qt::UserRole + 1;
} // namespace

ManifestEditor::ManifestEditor(ServerConnection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_kind(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document()))
    , m_problemList(new QListWidget(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_answer(new QPlainTextEdit(this))
    , m_answerStatus(new QLabel(this))
{
    setObjectName(u"manifestEditor"_s);
    m_kind->setObjectName(u"manifestKind"_s);
    m_kind->setAccessibleName(tr("What the JSON describes"));
    for (auto k : { ManifestValidator::Kind::DistributionSet, ManifestValidator::Kind::Assignment,
                    ManifestValidator::Kind::Rollout })
        m_kind->addItem(ManifestValidator::nameOf(k), int(k));
    auto *templateButton = new QPushButton(tr("Start from a &template"), this);
    templateButton->setObjectName(u"templateButton"_s);
    m_editor->setObjectName(u"manifestText"_s);
    m_editor->setAccessibleName(tr("Manifest (JSON)"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTabStopDistance(m_editor->fontMetrics().horizontalAdvance(u"  "_s));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->viewport()->installEventFilter(this);
    m_highlighter->setDefinition(repository().definitionForName(u"JSON"_s));
    applyTheme();
    m_problemList->setObjectName(u"manifestProblems"_s);
    m_problemList->setAccessibleName(tr("Problems"));
    m_problemList->setMaximumHeight(110);
    m_problemList->setWordWrap(true);
    m_apply->setObjectName(u"applyButton"_s);
    m_apply->setEnabled(false);
    m_answer->setObjectName(u"manifestAnswer"_s);
    m_answer->setReadOnly(true);
    m_answer->setAccessibleName(tr("The server's answer"));
    m_answer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_answerStatus->setObjectName(u"answerStatus"_s);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Describes:"), this));
    top->addWidget(m_kind);
    top->addWidget(templateButton);
    top->addStretch();
    top->addWidget(m_apply);
    auto *answerBox = new QWidget(this);
    auto *answerLayout = new QVBoxLayout(answerBox);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_answerStatus);
    answerLayout->addWidget(m_answer, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(answerBox);
    split->setSizes({ 500, 160 });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_problemList);

    m_validate.setSingleShot(true);
    m_validate.setInterval(250);
    connect(&m_validate, &QTimer::timeout, this, &ManifestEditor::validateNow);
    connect(m_editor, &QPlainTextEdit::textChanged, &m_validate, qOverload<>(&QTimer::start));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_answer->clear();
        m_answerStatus->clear();
        validateNow();
    });
    connect(templateButton, &QPushButton::clicked, this, &ManifestEditor::useTemplate);
    connect(m_apply, &QPushButton::clicked, this, &ManifestEditor::apply);
    connect(m_problemList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        QTextCursor c(m_editor->document());
        c.setPosition(std::min(item->data(OffsetRole).toInt(), m_editor->document()->characterCount() - 1));
        m_editor->setTextCursor(c);
        m_editor->setFocus();
    });
    useTemplate();
}

ManifestEditor::~ManifestEditor() = default;

ManifestValidator::Kind ManifestEditor::kind() const
{
    return ManifestValidator::Kind(m_kind->currentData().toInt());
}

void ManifestEditor::setKind(ManifestValidator::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void ManifestEditor::useTemplate()
{
    m_editor->setPlainText(ManifestValidator::templateFor(kind()));
    validateNow();
}

void ManifestEditor::validateNow()
{
    m_validate.stop();
    m_problems = ManifestValidator::validate(kind(), m_editor->toPlainText());
    QList<QTextEdit::ExtraSelection> marks;
    m_problemList->clear();
    for (const ManifestProblem &p : std::as_const(m_problems)) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_editor->document());
        mark.cursor.setPosition(std::min(p.offset, m_editor->document()->characterCount() - 1));
        mark.cursor.setPosition(std::min(p.offset + std::max(1, p.length), m_editor->document()->characterCount() - 1),
                                QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
        mark.format.setToolTip(p.message);
        marks << mark;
        const QTextBlock block = m_editor->document()->findBlock(p.offset);
        auto *item = new QListWidgetItem(tr("Line %1: %2").arg(block.blockNumber() + 1).arg(p.message), m_problemList);
        item->setData(OffsetRole, p.offset);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    m_editor->setExtraSelections(marks);
    if (m_problems.isEmpty())
        new QListWidgetItem(tr("No problems: Apply sends it to the server."), m_problemList);
    m_apply->setEnabled(m_problems.isEmpty() && m_connection.isOpen());
}

bool ManifestEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int position = m_editor->cursorForPosition(help->pos()).position();
        QStringList messages;
        for (const ManifestProblem &p : std::as_const(m_problems))
            if (position >= p.offset && position <= p.offset + std::max(1, p.length))
                messages << p.message;
        if (messages.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), messages.join(u'\n'), m_editor);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ManifestEditor::apply()
{
    validateNow();
    if (!m_problems.isEmpty() || !m_connection.isOpen())
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(m_editor->toPlainText().toUtf8());
    ApiReply *reply = nullptr;
    switch (kind()) {
    case ManifestValidator::Kind::DistributionSet:
        reply = m_connection.api().post(
            u"/distributionsets"_s, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(QJsonArray { doc.object() }));
        break;
    case ManifestValidator::Kind::Assignment: {
        const QJsonObject o = doc.object();
        reply = m_connection.api().post(
            u"/distributionsets/%1/assignedTargets"_s.arg(o.value("distributionSetId"_L1).toInteger()),
            o.value("targets"_L1).toArray());
        break;
    }
    case ManifestValidator::Kind::Rollout:
        reply = m_connection.api().post(u"/rollouts"_s, doc.object());
        break;
    }
    m_apply->setEnabled(false);
    m_answerStatus->setText(tr("Sending…"));
    connect(reply, &ApiReply::finished, this, [this](const QJsonDocument &answer) {
        m_apply->setEnabled(true);
        showAnswer(true, QString::fromUtf8(answer.toJson(QJsonDocument::Indented)));
        Q_EMIT applied(200);
    });
    connect(reply, &ApiReply::failed, this, [this](int status, const QString &why) {
        m_apply->setEnabled(true);
        showAnswer(false, why);
        Q_EMIT applied(status);
    });
}

void ManifestEditor::showAnswer(bool ok, const QString &text)
{
    m_answerStatus->setText(ok ? tr("The server accepted it:") : tr("The server refused it:"));
    m_answerStatus->setStyleSheet(ok ? QString() : u"color: #c62828"_s);
    m_answer->setPlainText(text);
}

QString ManifestEditor::answer() const
{
    return m_answerStatus->text() + u'\n' + m_answer->toPlainText();
}

void ManifestEditor::applyTheme()
{
    const KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette());
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
}

void ManifestEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace Flotilla
