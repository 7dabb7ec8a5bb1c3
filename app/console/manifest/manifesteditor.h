#pragma once

#include "app/console/manifest/manifestvalidator.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace Flotilla {

class ServerConnection;

// Writes the JSON the Management API takes — a distribution set, an assignment, a rollout — with JSON syntax
// highlighting (KSyntaxHighlighting; the theme follows the light or dark palette), templates to start from,
// validation as you type (problems underlined, explained in a tooltip and listed; a click on one goes there),
// and Apply, which sends it and shows the server's answer.
class ManifestEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ManifestEditor(ServerConnection &connection, QWidget *parent = nullptr);
    ~ManifestEditor() override;

    ManifestValidator::Kind kind() const;
    void setKind(ManifestValidator::Kind kind);
    QPlainTextEdit *editor() const { return m_editor; }
    const QList<ManifestProblem> &problems() const { return m_problems; }
    QString answer() const;
    void validateNow();

public Q_SLOTS:
    void useTemplate();
    void apply();

Q_SIGNALS:
    void applied(int status);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTheme();
    void showAnswer(bool ok, const QString &text);

    ServerConnection &m_connection;
    QComboBox *m_kind;
    QPlainTextEdit *m_editor;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QListWidget *m_problemList;
    QPushButton *m_apply;
    QPlainTextEdit *m_answer;
    QLabel *m_answerStatus;
    QList<ManifestProblem> m_problems;
    QTimer m_validate;
};

} // namespace Flotilla
