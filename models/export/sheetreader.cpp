// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheetreader.h"

#include "csvwriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <functional>
#include <optional>
#include <zlib.h>

namespace agency::exporting {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SheetReader)
    };

    quint32 u16(const QByteArray& b, qsizetype at)
    {
        return quint32(quint8(b.at(at))) | quint32(quint8(b.at(at + 1))) << 8;
    }
    quint32 u32(const QByteArray& b, qsizetype at)
    {
        return u16(b, at) | u16(b, at + 2) << 16;
    }

    struct Entry {
        quint32 method = 0;
        quint32 compressed = 0;
        quint32 offset = 0;
    };

    // The zip's table of contents: each member's name, how it is stored, where.
    class Zip {
    public:
        explicit Zip(QIODevice* file)
            : m_file(file)
        {
        }

        bool readDirectory(QString* error)
        {
            const qint64 size = m_file->size();
            const qint64 tail = std::min<qint64>(size, 65536 + 22);
            if (!m_file->seek(size - tail)) {
                *error = Text::tr("the workbook could not be read: %1").arg(m_file->errorString());
                return false;
            }
            const QByteArray end = m_file->read(tail);
            const qsizetype eocd = end.lastIndexOf(QByteArray("PK\x05\x06", 4));
            if (eocd < 0 || eocd + 22 > end.size()) {
                *error = Text::tr("the file starts as a workbook (a zip) but its table of contents is missing");
                return false;
            }
            const quint32 count = u16(end, eocd + 10);
            const quint32 dirSize = u32(end, eocd + 12);
            const quint32 dirOffset = u32(end, eocd + 16);
            if (dirOffset == 0xFFFFFFFFU || count == 0xFFFFU) {
                *error = Text::tr("the workbook is larger than 4 GB (ZIP64): save it as CSV instead");
                return false;
            }
            if (!m_file->seek(dirOffset)) {
                *error = Text::tr("the workbook's table of contents could not be read");
                return false;
            }
            const QByteArray dir = m_file->read(dirSize);
            qsizetype at = 0;
            for (quint32 i = 0; i < count && at + 46 <= dir.size(); ++i) {
                if (u32(dir, at) != 0x02014b50U)
                    break;
                Entry entry;
                entry.method = u16(dir, at + 10);
                entry.compressed = u32(dir, at + 20);
                entry.offset = u32(dir, at + 42);
                const quint32 nameLength = u16(dir, at + 28);
                const QString name = QString::fromUtf8(dir.mid(at + 46, nameLength));
                if (u16(dir, at + 8) & 1U) {
                    *error = Text::tr("the workbook is encrypted: open it and save it without a password first");
                    return false;
                }
                m_entries.insert(name, entry);
                at += 46 + nameLength + u16(dir, at + 30) + u16(dir, at + 32);
            }
            return true;
        }

        bool contains(const QString& name) const { return m_entries.contains(name); }

        // Feeds the member `name`, unpacked, to `take` a piece at a time (false from `take` stops).
        bool read(const QString& name, const std::function<bool(const QByteArray&)>& take, QString* error)
        {
            const auto it = m_entries.constFind(name);
            if (it == m_entries.cend()) {
                *error = Text::tr("the workbook has no %1").arg(name);
                return false;
            }
            QByteArray local;
            if (!m_file->seek(it->offset) || (local = m_file->read(30)).size() != 30 || u32(local, 0) != 0x04034b50U) {
                *error = Text::tr("the workbook's %1 could not be found in it").arg(name);
                return false;
            }
            if (!m_file->seek(qint64(it->offset) + 30 + u16(local, 26) + u16(local, 28))) {
                *error = Text::tr("the workbook's %1 could not be read").arg(name);
                return false;
            }
            qint64 left = it->compressed;
            if (it->method == 0) { // stored
                while (left > 0) {
                    const QByteArray piece = m_file->read(std::min<qint64>(left, 1 << 20));
                    if (piece.isEmpty())
                        break;
                    left -= piece.size();
                    if (!take(piece))
                        return true;
                }
                return true;
            }
            if (it->method != 8) {
                *error = Text::tr("the workbook's %1 is packed in a way this cannot read").arg(name);
                return false;
            }
            z_stream z {};
            if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
                *error = Text::tr("zlib could not start");
                return false;
            }
            QByteArray out(1 << 18, Qt::Uninitialized);
            int status = Z_OK;
            bool more = true;
            while (more && status != Z_STREAM_END && left > 0) {
                QByteArray in = m_file->read(std::min<qint64>(left, 1 << 18));
                if (in.isEmpty())
                    break;
                left -= in.size();
                z.next_in = reinterpret_cast<Bytef*>(in.data());
                z.avail_in = uInt(in.size());
                while (more && z.avail_in > 0 && status != Z_STREAM_END) {
                    z.next_out = reinterpret_cast<Bytef*>(out.data());
                    z.avail_out = uInt(out.size());
                    status = inflate(&z, Z_NO_FLUSH);
                    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                        inflateEnd(&z);
                        *error = Text::tr("the workbook's %1 is damaged (zlib: %2)")
                                     .arg(name, QString::fromLatin1(z.msg ? z.msg : "error"));
                        return false;
                    }
                    const qsizetype made = out.size() - qsizetype(z.avail_out);
                    if (made > 0)
                        more = take(out.left(made));
                }
            }
            inflateEnd(&z);
            return true;
        }

        // A small member whole (the workbook's list of sheets, its styles, its shared strings).
        std::optional<QByteArray> readAll(const QString& name, QString* error)
        {
            QByteArray all;
            if (!read(
                    name,
                    [&all](const QByteArray& piece) {
                        all += piece;
                        return true;
                    },
                    error))
                return std::nullopt;
            return all;
        }

    private:
        QIODevice* m_file;
        QHash<QString, Entry> m_entries;
    };

    // The cell styles (by index) that show a number as a date or a time.
    QList<bool> dateStyles(const QByteArray& styles)
    {
        QSet<int> dateFormats { 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47 };
        QList<bool> dates;
        QXmlStreamReader xml(styles);
        bool inCellXfs = false;
        static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\"|\\[[^\\]]*\\]"));
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"numFmt") {
                QString code = xml.attributes().value(QLatin1String("formatCode")).toString();
                code.remove(quoted);
                if (code.contains(
                        QRegularExpression(QStringLiteral("[dmyhs]"), QRegularExpression::CaseInsensitiveOption)))
                    dateFormats.insert(xml.attributes().value(QLatin1String("numFmtId")).toInt());
            } else if (xml.isStartElement() && xml.name() == u"cellXfs") {
                inCellXfs = true;
            } else if (xml.isEndElement() && xml.name() == u"cellXfs") {
                inCellXfs = false;
            } else if (inCellXfs && xml.isStartElement() && xml.name() == u"xf") {
                dates << dateFormats.contains(xml.attributes().value(QLatin1String("numFmtId")).toInt());
            }
        }
        return dates;
    }

    // A spreadsheet's text with the characters XML cannot hold written as _xHHHH_ (a control character; _x005F_ the
    // underscore of a text's own "_x"), as they were.
    QString unescaped(QString text)
    {
        if (!text.contains(QLatin1String("_x")))
            return text;
        static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
        QString out;
        qsizetype from = 0;
        for (auto it = escape.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            out += QStringView(text).sliced(from, match.capturedStart() - from);
            out += QChar(char16_t(match.captured(1).toUShort(nullptr, 16)));
            from = match.capturedEnd();
        }
        out += QStringView(text).sliced(from);
        return out;
    }

    QStringList sharedStrings(const QByteArray& strings)
    {
        QStringList all;
        QXmlStreamReader xml(strings);
        QString current;
        int depth = 0; // inside <si>
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"si") {
                current.clear();
                depth = 1;
            } else if (depth > 0 && xml.isStartElement() && xml.name() == u"rPh") {
                xml.skipCurrentElement(); // phonetic runs are not the text
            } else if (depth > 0 && xml.isStartElement() && xml.name() == u"t") {
                current += xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == u"si") {
                all << unescaped(current);
                depth = 0;
            }
        }
        return all;
    }

    // "BC12" → 54 (0-based column).
    int columnOf(QStringView reference)
    {
        int column = 0;
        for (const QChar c : reference) {
            if (!c.isLetter())
                break;
            column = column * 26 + (c.toUpper().unicode() - u'A' + 1);
        }
        return column - 1;
    }

    // A number cell's value as the shortest decimal that is the same binary number: a spreadsheet writes 89793.07 as
    // "89793.07000000001" (17 digits), which was 89793.07 when it was typed or exported.
    QString shortestNumber(const QString& number)
    {
        bool ok = false;
        const double value = number.toDouble(&ok);
        // Never with an exponent: 1250000000 stays 1250000000 (as 'g' it was 1.25e+09, which no money column reads).
        return ok ? QString::number(value, 'f', QLocale::FloatingPointShortest) : number;
    }

    // An Excel serial number as a day, or an instant in UTC to the millisecond.
    QString fromSerial(const QString& number, bool date1904)
    {
        bool ok = false;
        const double serial = number.toDouble(&ok);
        if (!ok)
            return number;
        const QDateTime epoch(date1904 ? QDate(1904, 1, 1) : QDate(1899, 12, 30), QTime(0, 0), Qt::UTC);
        const qint64 ms = qRound64(serial * 86400000.0);
        const QDateTime at = epoch.addMSecs(ms);
        if (ms % 86400000 == 0)
            return at.date().toString(Qt::ISODate);
        return at.toString(Qt::ISODateWithMs);
    }
}

bool sheetToCsv(QIODevice* workbook, QIODevice* csv, QString* error)
{
    Zip zip(workbook);
    if (!zip.readDirectory(error))
        return false;
    // The first sheet, as the workbook lists them.
    const auto book = zip.readAll(QStringLiteral("xl/workbook.xml"), error);
    if (!book)
        return false;
    QString sheetRel;
    bool date1904 = false;
    {
        QXmlStreamReader xml(*book);
        while (!xml.atEnd() && sheetRel.isEmpty()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"workbookPr")
                date1904 = xml.attributes().value(QLatin1String("date1904")) == u"1"
                    || xml.attributes().value(QLatin1String("date1904")) == u"true";
            if (xml.isStartElement() && xml.name() == u"sheet") {
                for (const QXmlStreamAttribute& attribute : xml.attributes()) {
                    if (attribute.name() == u"id")
                        sheetRel = attribute.value().toString();
                }
            }
        }
    }
    QString sheetPath = QStringLiteral("xl/worksheets/sheet1.xml");
    if (const auto rels = zip.readAll(QStringLiteral("xl/_rels/workbook.xml.rels"), error);
        rels && !sheetRel.isEmpty()) {
        QXmlStreamReader xml(*rels);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"Relationship"
                && xml.attributes().value(QLatin1String("Id")) == sheetRel) {
                const QString target = xml.attributes().value(QLatin1String("Target")).toString();
                sheetPath = target.startsWith(u'/') ? target.mid(1) : QStringLiteral("xl/") + target;
            }
        }
    }
    error->clear();
    QList<bool> dates;
    if (zip.contains(QStringLiteral("xl/styles.xml")))
        if (const auto styles = zip.readAll(QStringLiteral("xl/styles.xml"), error))
            dates = dateStyles(*styles);
    QStringList strings;
    if (zip.contains(QStringLiteral("xl/sharedStrings.xml")))
        if (const auto shared = zip.readAll(QStringLiteral("xl/sharedStrings.xml"), error))
            strings = sharedStrings(*shared);

    // The sheet, row by row as it unpacks.
    CsvOptions options; // a comma, the formula guard on text (the import takes it off again)
    QXmlStreamReader xml;
    QByteArray line;
    QList<std::optional<QString>> cells; // the row's cells by column: none is an empty cell
    QList<bool> texts;
    int width = -1; // the header's
    int column = -1;
    QString type;
    int style = 0;
    QString value;
    bool inValue = false;
    bool failed = false;
    const auto writeRow = [&]() {
        if (width < 0) {
            width = int(cells.size());
            while (width > 0 && !cells.at(width - 1))
                --width; // a header ends at its last named column
        }
        line.clear();
        for (int c = 0; c < width; ++c) {
            if (c > 0)
                line += ',';
            const std::optional<QString> cell = c < cells.size() ? cells.at(c) : std::nullopt;
            if (cell)
                CsvWriter::appendField(line, cell->toUtf8(), false, c < texts.size() && texts.at(c), options);
        }
        line += "\r\n";
        if (csv->write(line) != line.size()) {
            *error = Text::tr("could not write the sheet as CSV: %1").arg(csv->errorString());
            failed = true;
        }
    };
    const auto feed = [&](const QByteArray& piece) {
        xml.addData(piece);
        while (!failed) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::Invalid) {
                if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
                    return true; // wait for the next piece
                *error = Text::tr("the workbook's sheet is not well-formed XML (line %1): %2")
                             .arg(xml.lineNumber())
                             .arg(xml.errorString());
                failed = true;
                return false;
            }
            if (token == QXmlStreamReader::EndDocument)
                return false;
            if (token == QXmlStreamReader::StartElement) {
                const QStringView name = xml.name();
                if (name == u"row") {
                    cells.clear();
                    texts.clear();
                    column = -1;
                } else if (name == u"c") {
                    const QXmlStreamAttributes a = xml.attributes();
                    column = a.hasAttribute(QLatin1String("r")) ? columnOf(a.value(QLatin1String("r"))) : column + 1;
                    type = a.value(QLatin1String("t")).toString();
                    style = a.value(QLatin1String("s")).toInt();
                    value.clear();
                } else if (name == u"v" || (name == u"t" && type == u"inlineStr")) {
                    inValue = true;
                }
            } else if (token == QXmlStreamReader::Characters && inValue) {
                value += xml.text();
            } else if (token == QXmlStreamReader::EndElement) {
                const QStringView name = xml.name();
                if (name == u"v" || name == u"t") {
                    inValue = false;
                } else if (name == u"c" && column >= 0 && column < 16384) {
                    if (cells.size() <= column) {
                        cells.resize(column + 1);
                        texts.resize(column + 1);
                    }
                    bool text = false;
                    std::optional<QString> cell;
                    if (type == u"s") {
                        const int index = value.toInt();
                        cell = index >= 0 && index < strings.size() ? strings.at(index) : QString();
                        text = true;
                    } else if (type == u"inlineStr" || type == u"str" || type == u"e") {
                        cell = unescaped(value); // an error (#N/A and friends) too: refused by the import as what it is
                        text = true;
                    } else if (type == u"b") {
                        cell = value == u"1" ? QStringLiteral("true") : QStringLiteral("false");
                    } else if (!value.isEmpty()) {
                        cell = style >= 0 && style < dates.size() && dates.at(style) ? fromSerial(value, date1904)
                                                                                     : shortestNumber(value);
                    }
                    cells[column] = cell;
                    texts[column] = text;
                } else if (name == u"row") {
                    writeRow();
                }
            }
        }
        return false;
    };
    if (!zip.read(sheetPath, feed, error) || failed)
        return false;
    if (width < 0) {
        *error = Text::tr("the workbook's first sheet is empty");
        return false;
    }
    return true;
}

bool ImportSource::open(QIODevice* file, QString* error)
{
    m_file = file;
    m_csv.reset();
    if (file->peek(4) != QByteArray("PK\x03\x04", 4))
        return true; // CSV, as it is
    QBuffer whole; // a workbook from a pipe: its table of contents is at its end
    QIODevice* workbook = file;
    if (file->isSequential()) {
        whole.setData(file->readAll());
        whole.open(QIODevice::ReadOnly);
        workbook = &whole;
    }
    auto csv = std::make_unique<QTemporaryFile>();
    if (!csv->open()) {
        *error = Text::tr("no temporary file for the sheet: %1").arg(csv->errorString());
        return false;
    }
    if (!sheetToCsv(workbook, csv.get(), error))
        return false;
    if (!csv->flush() || !csv->seek(0)) {
        *error = Text::tr("could not write the sheet as CSV: %1").arg(csv->errorString());
        return false;
    }
    m_csv = std::move(csv);
    return true;
}

} // namespace agency::exporting
