// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipstream.h"

#include <QCoreApplication>
#include <QtEndian>
#include <condition_variable>
#include <deque>
#include <limits>
#include <mutex>
#include <thread>
#include <zlib.h>

namespace agency::exporting {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableExport)
    };

    constexpr quint32 localHeader = 0x04034b50;
    constexpr quint32 dataDescriptor = 0x08074b50;
    constexpr quint32 directoryHeader = 0x02014b50;
    constexpr quint32 directoryEnd = 0x06054b50;
    constexpr quint16 version = 20; // 2.0: deflate
    constexpr quint16 flags = 0x0808; // sizes in a data descriptor; names in UTF-8
    constexpr quint16 deflated = 8;
    constexpr quint16 dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01: the same archive for the same rows
    constexpr quint64 zipLimit = std::numeric_limits<quint32>::max();
    constexpr qsizetype chunkSize = qsizetype(256) * 1024;

    void append16(QByteArray& to, quint16 value)
    {
        const quint16 le = qToLittleEndian(value);
        to.append(reinterpret_cast<const char*>(&le), sizeof le);
    }

    void append32(QByteArray& to, quint32 value)
    {
        const quint32 le = qToLittleEndian(value);
        to.append(reinterpret_cast<const char*>(&le), sizeof le);
    }
}

struct ZipStream::Deflater {
    z_stream stream {};
    quint32 crc = 0;
    quint64 size = 0;
    quint64 compressed = 0;
    bool ready = false;
    Deflater()
    {
        // Raw deflate (ZIP keeps its own headers), level 1: about three times zlib's default speed.
        ready = deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK;
        crc = static_cast<quint32>(crc32(0L, Z_NULL, 0));
    }
    ~Deflater()
    {
        if (ready)
            deflateEnd(&stream);
    }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
};

// The entry's thread and what waits for it: chunks in, an empty chunk for the end; its failure, if any, out.
struct ZipStream::Worker {
    static constexpr qsizetype maxWaiting = 4;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QByteArray> waiting;
    bool ended = false;
    bool failed = false; // set by the thread (its reason in the stream's m_error, read after join())
    std::thread thread;
};

ZipStream::ZipStream(QIODevice* out)
    : m_out(out)
{
    m_chunk.reserve(chunkSize);
}

ZipStream::~ZipStream()
{
    if (m_worker) { // given up on: let the thread end
        {
            const std::lock_guard lock(m_worker->mutex);
            m_worker->ended = true;
            m_worker->waiting.clear();
        }
        m_worker->changed.notify_all();
        m_worker->thread.join();
    }
}

bool ZipStream::failed(const QString& why)
{
    if (m_error.isEmpty())
        m_error = why; // (on the entry's thread too: read here only after it has been joined)
    return false;
}

bool ZipStream::put(QByteArrayView bytes)
{
    if (m_written + quint64(bytes.size()) > zipLimit)
        return failed(
            Text::tr("the workbook would pass 4 GB, more than a ZIP file without ZIP64 holds: export as CSV"));
    if (m_out->write(bytes.data(), bytes.size()) != bytes.size())
        return failed(m_out->errorString());
    m_written += quint64(bytes.size());
    return true;
}

bool ZipStream::begin(const QString& name)
{
    if (!m_error.isEmpty())
        return false;
    if (m_deflater)
        return failed(QStringLiteral("ZipStream: an entry is under way"));
    Entry entry;
    entry.name = name.toUtf8();
    entry.offset = m_written;
    QByteArray header;
    append32(header, localHeader);
    append16(header, version);
    append16(header, flags);
    append16(header, deflated);
    append16(header, 0); // time
    append16(header, dosDate);
    append32(header, 0); // CRC, sizes: in the data descriptor
    append32(header, 0);
    append32(header, 0);
    append16(header, quint16(entry.name.size()));
    append16(header, 0); // extra
    header += entry.name;
    if (!put(header))
        return false;
    m_deflater = std::make_unique<Deflater>();
    if (!m_deflater->ready) {
        m_deflater.reset();
        return failed(Text::tr("could not start compressing the workbook"));
    }
    m_entries << entry;
    m_worker = std::make_unique<Worker>();
    m_worker->thread = std::thread([this, worker = m_worker.get()]() {
        for (;;) {
            QByteArray chunk;
            {
                std::unique_lock lock(worker->mutex);
                worker->changed.wait(lock, [worker]() { return worker->ended || !worker->waiting.empty(); });
                if (worker->waiting.empty())
                    return; // ended
                chunk = std::move(worker->waiting.front());
                worker->waiting.pop_front();
            }
            worker->changed.notify_all(); // room for the next
            if (!deflateChunk(chunk)) {
                const std::lock_guard lock(worker->mutex);
                worker->failed = true;
                worker->waiting.clear();
                worker->changed.notify_all();
                return;
            }
        }
    });
    return true;
}

bool ZipStream::deflateChunk(QByteArrayView bytes)
{
    Deflater& d = *m_deflater;
    // zlib takes at most 4 GB at a time.
    for (qsizetype from = 0; from < bytes.size(); from += std::numeric_limits<int>::max()) {
        const QByteArrayView part
            = bytes.sliced(from, std::min<qsizetype>(bytes.size() - from, std::numeric_limits<int>::max()));
        d.crc = static_cast<quint32>(crc32(d.crc, reinterpret_cast<const Bytef*>(part.data()), uInt(part.size())));
        d.size += quint64(part.size());
        if (!deflateSome(part, false))
            return false;
    }
    return true;
}

bool ZipStream::endWorker()
{
    if (!m_worker)
        return true;
    {
        const std::lock_guard lock(m_worker->mutex);
        m_worker->ended = true;
    }
    m_worker->changed.notify_all();
    m_worker->thread.join();
    const bool ok = !m_worker->failed;
    m_worker.reset();
    return ok;
}

bool ZipStream::deflateSome(QByteArrayView bytes, bool last)
{
    Deflater& d = *m_deflater;
    d.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    d.stream.avail_in = uInt(bytes.size());
    int result = Z_OK;
    do {
        if (m_chunk.size() == chunkSize) {
            if (!put(m_chunk))
                return false;
            m_chunk.resize(0);
        }
        const qsizetype had = m_chunk.size();
        m_chunk.resize(chunkSize);
        d.stream.next_out = reinterpret_cast<Bytef*>(m_chunk.data() + had);
        d.stream.avail_out = uInt(chunkSize - had);
        result = deflate(&d.stream, last ? Z_FINISH : Z_NO_FLUSH);
        if (result == Z_STREAM_ERROR)
            return failed(Text::tr("could not compress the workbook"));
        const qsizetype produced = chunkSize - had - qsizetype(d.stream.avail_out);
        m_chunk.resize(had + produced);
        d.compressed += quint64(produced);
    } while (d.stream.avail_out == 0 || d.stream.avail_in > 0 || (last && result != Z_STREAM_END));
    return true;
}

bool ZipStream::write(QByteArrayView bytes)
{
    if (!m_deflater || !m_worker)
        return failed(m_error.isEmpty() ? QStringLiteral("ZipStream: no entry under way") : m_error);
    if (bytes.isEmpty())
        return true;
    std::unique_lock lock(m_worker->mutex);
    m_worker->changed.wait(
        lock, [this]() { return m_worker->failed || m_worker->waiting.size() < Worker::maxWaiting; });
    if (m_worker->failed) {
        lock.unlock();
        endWorker();
        m_deflater.reset();
        return false; // m_error says why
    }
    m_worker->waiting.emplace_back(bytes.data(), bytes.size());
    lock.unlock();
    m_worker->changed.notify_all();
    return true;
}

bool ZipStream::finish()
{
    if (!m_deflater)
        return failed(m_error.isEmpty() ? QStringLiteral("ZipStream: no entry under way") : m_error);
    if (!endWorker()) { // what is left, deflated by its thread; then the end here
        m_deflater.reset();
        return false;
    }
    if (!deflateSome({}, true))
        return false;
    if (!put(m_chunk))
        return false;
    m_chunk.resize(0);
    Entry& entry = m_entries.last();
    entry.crc = m_deflater->crc;
    entry.size = m_deflater->size;
    entry.compressed = m_deflater->compressed;
    m_deflater.reset();
    if (entry.size > zipLimit)
        return failed(
            Text::tr("the workbook would pass 4 GB, more than a ZIP file without ZIP64 holds: export as CSV"));
    QByteArray descriptor;
    append32(descriptor, dataDescriptor);
    append32(descriptor, entry.crc);
    append32(descriptor, quint32(entry.compressed));
    append32(descriptor, quint32(entry.size));
    return put(descriptor);
}

bool ZipStream::add(const QString& name, QByteArrayView bytes)
{
    return begin(name) && write(bytes) && finish();
}

bool ZipStream::close()
{
    if (!m_error.isEmpty())
        return false;
    if (m_deflater)
        return failed(QStringLiteral("ZipStream: an entry is under way"));
    const quint64 start = m_written;
    QByteArray directory;
    for (const Entry& entry : std::as_const(m_entries)) {
        append32(directory, directoryHeader);
        append16(directory, version); // made by
        append16(directory, version); // needed
        append16(directory, flags);
        append16(directory, deflated);
        append16(directory, 0);
        append16(directory, dosDate);
        append32(directory, entry.crc);
        append32(directory, quint32(entry.compressed));
        append32(directory, quint32(entry.size));
        append16(directory, quint16(entry.name.size()));
        append16(directory, 0); // extra
        append16(directory, 0); // comment
        append16(directory, 0); // disk
        append16(directory, 0); // internal attributes
        append32(directory, 0); // external attributes
        append32(directory, quint32(entry.offset));
        directory += entry.name;
    }
    const auto size = quint32(directory.size());
    append32(directory, directoryEnd);
    append16(directory, 0); // this disk
    append16(directory, 0); // the directory's disk
    append16(directory, quint16(m_entries.size()));
    append16(directory, quint16(m_entries.size()));
    append32(directory, size);
    append32(directory, quint32(start));
    append16(directory, 0); // comment
    return put(directory);
}

} // namespace agency::exporting
