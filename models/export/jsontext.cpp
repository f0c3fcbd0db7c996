// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontext.h"

#include <QVarLengthArray>
#include <algorithm>
#include <utility>
#include <vector>

namespace agency::exporting {

namespace {
    class JsonbWriter {
    public:
        JsonbWriter()
            : m_levels(deepest + 2) // sized once: a nested value writes into its parent's level by reference
        {
        }

        bool run(QByteArrayView in, QByteArray* out)
        {
            m_in = in;
            m_at = 0;
            out->resize(0);
            skipSpace();
            if (!value(*out, 0))
                return false;
            skipSpace();
            return m_at == m_in.size();
        }

    private:
        static constexpr int deepest = 512; // as deep as anyone nests; beyond it, refused rather than a stack overflow

        bool value(QByteArray& out, int depth)
        {
            if (m_at >= m_in.size() || depth > deepest)
                return false;
            switch (m_in[m_at]) {
            case '{':
                return object(out, depth);
            case '[':
                return array(out, depth);
            case '"': {
                QByteArray text;
                if (!string(text))
                    return false;
                quoted(out, text);
                return true;
            }
            case 't':
                return word(out, "true");
            case 'f':
                return word(out, "false");
            case 'n':
                return word(out, "null");
            default:
                return number(out);
            }
        }

        bool object(QByteArray& out, int depth)
        {
            ++m_at; // {
            skipSpace();
            if (peek('}')) {
                ++m_at;
                out.append("{}");
                return true;
            }
            // Each member's decoded key and written value, side by side in this depth's buffer (kept between calls:
            // no allocation per member), then written out in jsonb's order.
            struct Member {
                qsizetype key, keyLength, value, valueLength;
            };
            QVarLengthArray<Member, 16> members;
            m_levels[depth].resize(0);
            for (;;) {
                skipSpace();
                if (!peek('"'))
                    return false;
                Member member {};
                member.key = m_levels[depth].size();
                if (!string(m_levels[depth]))
                    return false;
                member.keyLength = m_levels[depth].size() - member.key;
                skipSpace();
                if (!peek(':'))
                    return false;
                ++m_at;
                skipSpace();
                member.value = m_levels[depth].size();
                if (!value(m_levels[depth], depth + 1))
                    return false;
                member.valueLength = m_levels[depth].size() - member.value;
                members.append(member);
                skipSpace();
                if (peek(',')) {
                    ++m_at;
                    continue;
                }
                if (!peek('}'))
                    return false;
                ++m_at;
                break;
            }
            const QByteArray& level = m_levels[depth];
            const auto keyOf = [&level](const Member& m) { return QByteArrayView(level).sliced(m.key, m.keyLength); };
            // jsonb's order: shorter keys first, then bytewise; of equal keys the last one given stays.
            std::stable_sort(members.begin(), members.end(), [&keyOf](const Member& a, const Member& b) {
                if (a.keyLength != b.keyLength)
                    return a.keyLength < b.keyLength;
                return keyOf(a) < keyOf(b);
            });
            out.append('{');
            bool first = true;
            for (qsizetype i = 0; i < members.size(); ++i) {
                if (i + 1 < members.size() && keyOf(members[i + 1]) == keyOf(members[i]))
                    continue; // a later one of the same key follows
                if (!first)
                    out.append(", ");
                first = false;
                quoted(out, keyOf(members[i]));
                out.append(": ");
                out.append(QByteArrayView(level).sliced(members[i].value, members[i].valueLength));
            }
            out.append('}');
            return true;
        }

        bool array(QByteArray& out, int depth)
        {
            ++m_at; // [
            out.append('[');
            skipSpace();
            if (peek(']')) {
                ++m_at;
                out.append(']');
                return true;
            }
            for (bool first = true;; first = false) {
                if (!first)
                    out.append(", ");
                skipSpace();
                if (!value(out, depth + 1))
                    return false;
                skipSpace();
                if (peek(',')) {
                    ++m_at;
                    continue;
                }
                if (!peek(']'))
                    return false;
                ++m_at;
                out.append(']');
                return true;
            }
        }

        // A string's text, its escapes decoded, as UTF-8.
        bool string(QByteArray& text)
        {
            ++m_at; // "
            while (m_at < m_in.size()) {
                const qsizetype run = m_at; // bytes that stand for themselves, appended at once
                while (m_at < m_in.size() && m_in[m_at] != '"' && m_in[m_at] != '\\'
                    && static_cast<unsigned char>(m_in[m_at]) >= 0x20)
                    ++m_at;
                text.append(m_in.sliced(run, m_at - run));
                if (m_at >= m_in.size())
                    return false;
                const char c = m_in[m_at++];
                if (c == '"')
                    return true;
                if (c != '\\')
                    return false; // a control character
                if (m_at >= m_in.size())
                    return false;
                const char e = m_in[m_at++];
                switch (e) {
                case '"':
                case '\\':
                case '/':
                    text.append(e);
                    break;
                case 'b':
                    text.append('\b');
                    break;
                case 'f':
                    text.append('\f');
                    break;
                case 'n':
                    text.append('\n');
                    break;
                case 'r':
                    text.append('\r');
                    break;
                case 't':
                    text.append('\t');
                    break;
                case 'u': {
                    char32_t code = 0;
                    if (!hex4(&code))
                        return false;
                    if (code >= 0xD800 && code <= 0xDBFF) { // a surrogate pair
                        char32_t low = 0;
                        if (m_at + 1 >= m_in.size() || m_in[m_at] != '\\' || m_in[m_at + 1] != 'u')
                            return false;
                        m_at += 2;
                        if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF)
                            return false;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    } else if (code >= 0xDC00 && code <= 0xDFFF) {
                        return false;
                    }
                    appendUtf8(text, code);
                    break;
                }
                default:
                    return false;
                }
            }
            return false;
        }

        bool hex4(char32_t* code)
        {
            if (m_at + 4 > m_in.size())
                return false;
            *code = 0;
            for (int i = 0; i < 4; ++i) {
                const char h = m_in[m_at++];
                int digit = 0;
                if (h >= '0' && h <= '9')
                    digit = h - '0';
                else if (h >= 'a' && h <= 'f')
                    digit = h - 'a' + 10;
                else if (h >= 'A' && h <= 'F')
                    digit = h - 'A' + 10;
                else
                    return false;
                *code = *code * 16 + static_cast<char32_t>(digit);
            }
            return true;
        }

        static void appendUtf8(QByteArray& out, char32_t code)
        {
            if (code < 0x80) {
                out.append(static_cast<char>(code));
            } else if (code < 0x800) {
                out.append(static_cast<char>(0xC0 | (code >> 6)));
                out.append(static_cast<char>(0x80 | (code & 0x3F)));
            } else if (code < 0x10000) {
                out.append(static_cast<char>(0xE0 | (code >> 12)));
                out.append(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
                out.append(static_cast<char>(0x80 | (code & 0x3F)));
            } else {
                out.append(static_cast<char>(0xF0 | (code >> 18)));
                out.append(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
                out.append(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
                out.append(static_cast<char>(0x80 | (code & 0x3F)));
            }
        }

        // As PostgreSQL's escape_json writes a string.
        static void quoted(QByteArray& out, QByteArrayView text)
        {
            static constexpr char hex[] = "0123456789abcdef";
            out.append('"');
            qsizetype run = 0; // bytes written as they are, appended at once
            for (qsizetype i = 0; i < text.size(); ++i) {
                const char c = text[i];
                if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
                    continue;
                out.append(text.sliced(run, i - run));
                run = i + 1;
                switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append("\\u00");
                    out.append(hex[(c >> 4) & 0xF]);
                    out.append(hex[c & 0xF]);
                }
            }
            out.append(text.sliced(run));
            out.append('"');
        }

        // A JSON number as numeric_out prints what numeric_in read: its digits with the point moved by the exponent,
        // as many decimals as the mantissa had less the exponent (at least none), no leading zeros, no minus zero.
        bool number(QByteArray& out)
        {
            const qsizetype start = m_at;
            bool negative = false;
            if (peek('-')) {
                negative = true;
                ++m_at;
            }
            QByteArray& digits = m_digits; // the mantissa's digits, point left out
            digits.resize(0);
            qsizetype decimals = 0;
            const qsizetype intStart = m_at;
            while (m_at < m_in.size() && isDigit(m_in[m_at]))
                digits.append(m_in[m_at++]);
            const qsizetype intDigits = m_at - intStart;
            if (intDigits == 0 || (intDigits > 1 && m_in[intStart] == '0'))
                return false;
            if (peek('.')) {
                ++m_at;
                const qsizetype from = m_at;
                while (m_at < m_in.size() && isDigit(m_in[m_at]))
                    digits.append(m_in[m_at++]);
                decimals = m_at - from;
                if (decimals == 0)
                    return false;
            }
            if (!peek('e') && !peek('E')) { // as typed, but for a minus zero (numeric has none)
                const QByteArrayView typed = m_in.sliced(start, m_at - start);
                const bool zero = std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c == '0'; });
                out.append(negative && zero ? typed.sliced(1) : typed);
                return true;
            }
            qint64 exponent = 0;
            if (peek('e') || peek('E')) {
                ++m_at;
                bool minus = false;
                if (peek('+') || peek('-'))
                    minus = m_in[m_at++] == '-';
                const qsizetype from = m_at;
                while (m_at < m_in.size() && isDigit(m_in[m_at])) {
                    if (exponent < 100000)
                        exponent = exponent * 10 + (m_in[m_at] - '0');
                    ++m_at;
                }
                if (m_at == from || exponent >= 100000) // numeric's own limits are far below this
                    return false;
                if (minus)
                    exponent = -exponent;
            }
            // value = digits × 10^(exponent − decimals); printed with max(0, decimals − exponent) decimals.
            const qint64 scale = std::max<qint64>(0, decimals - exponent);
            const qint64 shift = exponent - decimals; // ≥ 0: zeros after the digits; < 0: the point inside them
            QByteArray whole;
            QByteArray fraction;
            if (shift >= 0) {
                whole = digits + QByteArray(shift, '0');
            } else {
                const qsizetype point = digits.size() + shift; // may be negative: zeros after the point first
                if (point > 0) {
                    whole = digits.left(point);
                    fraction = digits.mid(point);
                } else {
                    fraction = QByteArray(-point, '0') + digits;
                }
            }
            fraction = fraction.leftJustified(scale, '0', true);
            qsizetype firstNonZero = 0;
            while (firstNonZero < whole.size() && whole[firstNonZero] == '0')
                ++firstNonZero;
            whole = whole.mid(firstNonZero);
            if (whole.isEmpty())
                whole = "0";
            const bool zero
                = whole == "0" && std::all_of(fraction.cbegin(), fraction.cend(), [](char c) { return c == '0'; });
            if (negative && !zero)
                out.append('-');
            out.append(whole);
            if (scale > 0) {
                out.append('.');
                out.append(fraction);
            }
            return true;
        }

        bool word(QByteArray& out, QByteArrayView text)
        {
            if (m_in.sliced(m_at).startsWith(text)) {
                m_at += text.size();
                out.append(text);
                return true;
            }
            return false;
        }

        static bool isDigit(char c) { return c >= '0' && c <= '9'; }
        bool peek(char c) const { return m_at < m_in.size() && m_in[m_at] == c; }
        void skipSpace()
        {
            while (m_at < m_in.size()
                && (m_in[m_at] == ' ' || m_in[m_at] == '\t' || m_in[m_at] == '\n' || m_in[m_at] == '\r'))
                ++m_at;
        }

        QByteArrayView m_in;
        qsizetype m_at = 0;
        std::vector<QByteArray> m_levels; // per depth: an object's members while it is read
        QByteArray m_digits;
    };
}

bool writeAsJsonbText(QByteArrayView json, QByteArray* out)
{
    thread_local JsonbWriter writer; // its buffers stay allocated from one value to the next
    return writer.run(json, out);
}

std::optional<QByteArray> asJsonbText(QByteArrayView json)
{
    QByteArray out;
    if (!writeAsJsonbText(json, &out))
        return std::nullopt;
    return out;
}

} // namespace agency::exporting
