#include "app/console/pagestack.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

namespace Flotilla {

PageStack::PageStack(QWidget *parent)
    : QWidget(parent)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    m_navigation->setObjectName(QStringLiteral("pageNavigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setFixedWidth(180);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_stack->setObjectName(QStringLiteral("pageStack"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_stack, &QStackedWidget::currentChanged, this, &PageStack::currentChanged);
}

int PageStack::addPage(const QIcon &icon, const QString &title, QWidget *page)
{
    const int index = m_stack->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setSizeHint(QSize(0, 36));
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(index);
    return index;
}

QIcon PageStack::icon(int index) const
{
    const QListWidgetItem *item = m_navigation->item(index);
    return item ? item->icon() : QIcon();
}

void PageStack::setIcon(int index, const QIcon &icon)
{
    if (QListWidgetItem *item = m_navigation->item(index))
        item->setIcon(icon);
}

int PageStack::count() const
{
    return m_stack->count();
}

int PageStack::currentIndex() const
{
    return m_stack->currentIndex();
}

QWidget *PageStack::currentPage() const
{
    return m_stack->currentWidget();
}

QWidget *PageStack::page(int index) const
{
    return m_stack->widget(index);
}

QString PageStack::title(int index) const
{
    const QListWidgetItem *item = m_navigation->item(index);
    return item ? item->text() : QString();
}

void PageStack::setCurrentIndex(int index)
{
    m_navigation->setCurrentRow(index);
}

int PageStack::indexOf(QWidget *page) const
{
    return m_stack->indexOf(page);
}

void PageStack::setCurrentPage(QWidget *page)
{
    if (const int index = indexOf(page); index >= 0)
        setCurrentIndex(index);
}

} // namespace Flotilla
