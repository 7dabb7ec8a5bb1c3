#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace Flotilla {

// The console's pages: a navigation list on the left, the current page on the right. MainWindow composes
// pages into it; each page is a self-contained widget.
class PageStack : public QWidget
{
    Q_OBJECT
public:
    explicit PageStack(QWidget *parent = nullptr);

    int addPage(const QIcon &icon, const QString &title, QWidget *page);
    int count() const;
    int currentIndex() const;
    QWidget *currentPage() const;
    QWidget *page(int index) const;
    QString title(int index) const; // as the navigation shows it
    QIcon icon(int index) const;
    void setIcon(int index, const QIcon &icon);
    void setCurrentIndex(int index);
    int indexOf(QWidget *page) const; // -1: not one of the pages
    void setCurrentPage(QWidget *page);

Q_SIGNALS:
    void currentChanged(int index);

private:
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
};

} // namespace Flotilla
