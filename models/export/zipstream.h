// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QList>
#include <QString>
#include <memory>

namespace agency::exporting {

// A ZIP archive written as it goes, to a device that need not seek (a file, a pipe): each entry deflated by zlib as
// its bytes come (fast compression: an export's XML is large and its time matters more than a few kilobytes), its CRC
// and sizes after it in a data descriptor, the directory at the end. Entries are written one after the other. While
// an entry is under way, its bytes are deflated and written on a thread of its own (the caller goes on producing the
// next ones: on two cores an export's rows and their compression overlap); at most a few chunks wait between the
// two, so nothing is held beyond them and zlib's window. The device is the entry's thread's alone until finish().
// Refuses (errorString()) an archive past 4 GB, which would need ZIP64.
class ZipStream {
public:
    explicit ZipStream(QIODevice* out);
    ~ZipStream();
    ZipStream(const ZipStream&) = delete;
    ZipStream& operator=(const ZipStream&) = delete;

    // Starts the next entry (the one before must be finished).
    bool begin(const QString& name);
    bool write(QByteArrayView bytes);
    bool finish(); // the entry
    // begin(), write(), finish() in one.
    bool add(const QString& name, QByteArrayView bytes);
    // The directory; nothing may be written after it.
    bool close();
    QString errorString() const { return m_error; }

private:
    struct Worker;
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint64 compressed = 0;
        quint64 size = 0;
        quint64 offset = 0;
    };
    bool put(QByteArrayView bytes);
    bool deflateSome(QByteArrayView bytes, bool last);
    bool deflateChunk(QByteArrayView bytes); // on the entry's thread
    bool endWorker(); // waits for the entry's thread to deflate what waits; false when it failed
    bool failed(const QString& why);

    QIODevice* m_out;
    struct Deflater;
    std::unique_ptr<Deflater> m_deflater; // the entry under way
    std::unique_ptr<Worker> m_worker; // its thread, and the chunks waiting for it
    QList<Entry> m_entries;
    quint64 m_written = 0;
    QByteArray m_chunk; // deflated output waiting to be written
    QString m_error;
};

} // namespace agency::exporting
