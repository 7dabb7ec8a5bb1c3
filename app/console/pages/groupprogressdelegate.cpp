#include "app/console/pages/groupprogressdelegate.h"
#include "app/console/models/rolloutgroupmodel.h"
#include "app/console/statusstyle.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Flotilla {

void GroupProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QVariantMap counts = index.data(RolloutGroupModel::CountsRole).toMap();
    const int total = counts.value(u"total"_s).toInt();
    const QRectF bar = QRectF(option.rect).adjusted(4, 4, -4, -4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->setBrush(option.palette.color(QPalette::Base));
    painter->drawRoundedRect(bar, 3, 3);
    if (total > 0) {
        qreal x = bar.left();
        const auto segment = [&](int n, const QColor &color) {
            const qreal w = bar.width() * n / total;
            if (w <= 0)
                return;
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawRect(QRectF(x, bar.top() + 1, w, bar.height() - 2));
            x += w;
        };
        segment(counts.value(u"finished"_s).toInt(), StatusStyle::actionColor(u"finished"_s));
        segment(counts.value(u"error"_s).toInt(), StatusStyle::actionColor(u"error"_s));
        segment(counts.value(u"running"_s).toInt(), StatusStyle::actionColor(u"running"_s));
    }
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(bar, Qt::AlignCenter,
                      total ? u"%1 / %2"_s.arg(counts.value(u"finished"_s).toInt()).arg(total) : tr("no targets"));
    painter->restore();
}

QSize GroupProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(160, option.fontMetrics.height() + 8));
}

} // namespace Flotilla
