// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlscript.h"

#include <QRegularExpression>

namespace agency::db {

namespace {
    bool isWordChar(QChar c)
    {
        return c.isLetterOrNumber() || c == u'_';
    }

    bool startsTrigger(const QString& statement)
    {
        static const QRegularExpression trigger(QStringLiteral(R"(^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b)"),
            QRegularExpression::CaseInsensitiveOption);
        return trigger.match(statement).hasMatch();
    }
}

QStringList splitSqlScript(QStringView script)
{
    QStringList statements;
    QString current;
    int blockDepth = 0; // BEGIN/CASE … END inside a CREATE TRIGGER
    const qsizetype n = script.size();

    auto flush = [&]() {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements << statement;
        current.clear();
        blockDepth = 0;
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script[i];
        if (c == u'-' && i + 1 < n && script[i + 1] == u'-') {
            while (i < n && script[i] != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (c == u'/' && i + 1 < n && script[i + 1] == u'*') {
            const auto end = script.indexOf(u"*/", i + 2);
            i = end < 0 ? n : end + 1;
            current += u' ';
            continue;
        }
        if (c == u'\'' || c == u'"') {
            qsizetype j = i + 1;
            while (j < n) {
                if (script[j] == c) {
                    if (j + 1 < n && script[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current += script.mid(i, std::min(j, n - 1) - i + 1);
            i = j;
            continue;
        }
        if (c == u'$') {
            qsizetype j = i + 1;
            while (j < n && isWordChar(script[j]) && !script[j].isDigit())
                ++j;
            if (j < n && script[j] == u'$') {
                const QStringView tag = script.mid(i, j - i + 1);
                const auto end = script.indexOf(tag, j + 1);
                const qsizetype stop = end < 0 ? n : end + tag.size();
                current += script.mid(i, stop - i);
                i = stop - 1;
                continue;
            }
        }
        if (isWordChar(c) && (i == 0 || !isWordChar(script[i - 1]))) {
            qsizetype j = i;
            while (j < n && isWordChar(script[j]))
                ++j;
            const QStringView word = script.mid(i, j - i);
            current += word;
            i = j - 1;
            if (startsTrigger(current)) {
                if (word.compare(u"BEGIN", Qt::CaseInsensitive) == 0 || word.compare(u"CASE", Qt::CaseInsensitive) == 0)
                    ++blockDepth;
                else if (word.compare(u"END", Qt::CaseInsensitive) == 0 && blockDepth > 0)
                    --blockDepth;
            }
            continue;
        }
        if (c == u';' && blockDepth == 0) {
            flush();
            continue;
        }
        current += c;
    }
    flush();
    return statements;
}

} // namespace agency::db
