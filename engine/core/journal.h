/* journal.h: append-only line files, the storage under saved sessions. A writer only ever
 * appends whole lines ending in '\n' and can sync each one to disk before returning, so a
 * crash loses at most the line being written. A reader streams the lines back one at a
 * time with a cap per line (a damaged file with a 100 MB line costs no 100 MB buffer) and
 * drops a last line that has no '\n' (torn by a crash) with a warning. libc and POSIX only.
 */
#ifndef HEARD_JOURNAL_H
#define HEARD_JOURNAL_H

#include <stddef.h>

#include "engine/core/limits.h"

/* Results; every function returns 0 or one of these negative codes. */
enum {
    JOURNAL_OK = 0,
    JOURNAL_ERR_IO = -1,       /* a system call failed; errno says why */
    JOURNAL_ERR_NEWLINE = -2,  /* the line given to append contains '\n' */
    JOURNAL_ERR_MISSING = -3,  /* the file does not exist */
    JOURNAL_ERR_EMPTY = -4,    /* the file exists and holds 0 bytes */
    JOURNAL_ERR_NOMEM = -5,    /* out of memory */
    JOURNAL_ERR_EXISTS = -6,   /* JOURNAL_EXCLUSIVE and the file is already there */
    JOURNAL_ERR_TOO_LONG = -7, /* the line given to append is longer than JOURNAL_LINE_MAX */
    JOURNAL_ERR_TOO_BIG = -8   /* the file to read is larger than the cap asked for */
};

/* Flags for journal_open_append. */
enum {
    JOURNAL_EXCLUSIVE = 1 /* fail with JOURNAL_ERR_EXISTS if the file exists (O_EXCL) */
};

/* The longest line: the writer refuses a longer one, and the reader hands over none longer
 * unless told otherwise, so every line written can be read back (LIMITS_LINE_MAX, 8 MiB). */
#define JOURNAL_LINE_MAX LIMITS_LINE_MAX
#define JOURNAL_LINE_MAX_DEFAULT JOURNAL_LINE_MAX

typedef struct Journal Journal;

/* Opens PATH for appending, creating it with mode 0644 when missing. When the file is
 * newly created its folder is synced too, so the name survives a power cut. Returns NULL
 * on failure with errno kept and, if ERR is not NULL, a message naming the path and the
 * reason ("cannot open /data/x.jsonl for writing: Read-only file system"); *CODE (if not
 * NULL) gets JOURNAL_ERR_EXISTS or JOURNAL_ERR_IO. The caller owns the journal and closes
 * it with journal_close. */
Journal *journal_open_append(const char *path, int flags, int *code, char *err, size_t errsize);

/* Appends LINE (LEN bytes, without the '\n') and a '\n' as one whole line, retrying short
 * writes and EINTR. When SYNC is non-zero the data is on disk (fsync) before it returns.
 * Returns 0; JOURNAL_ERR_NEWLINE (nothing written) if LINE contains '\n';
 * JOURNAL_ERR_TOO_LONG (nothing written) if LEN is more than JOURNAL_LINE_MAX; JOURNAL_ERR_IO
 * with errno kept if writing or syncing failed, in which case a partly written line is cut
 * off again where possible so later lines stay whole. */
int journal_append_line(Journal *j, const char *line, size_t len, int sync);

/* Syncs everything appended so far to disk. Returns 0 or JOURNAL_ERR_IO (errno kept). */
int journal_sync(Journal *j);

/* The path given at open; borrowed, valid until journal_close. */
const char *journal_path(const Journal *j);

/* Closes and frees J. Returns 0, or JOURNAL_ERR_IO (errno kept) when close reported an
 * error (data may not have reached the disk). NULL is a no-op returning 0. */
int journal_close(Journal *j);

/* One line handed to a journal_read_lines callback. */
typedef struct JournalLine {
    long number;      /* 1-based line number in the file */
    const char *text; /* the bytes without '\n', NUL-terminated; NULL when too_long */
    size_t len;       /* bytes in the line (also when too_long: the full length) */
    int too_long;     /* the line passed the cap: its text was skipped, not kept */
} JournalLine;

/* Called once per complete line. LINE and its text are borrowed, valid only during the
 * call. Return 0 to go on, anything else to stop reading. */
typedef int (*JournalLineFn)(void *ud, const JournalLine *line);

typedef struct JournalReadInfo {
    size_t max_line;   /* in: the cap per line in bytes; 0 means JOURNAL_LINE_MAX_DEFAULT */
    size_t max_bytes;  /* in: the cap on the whole file; 0 means none */
    long lines;        /* out: complete lines seen (too long ones included) */
    long long bytes;   /* out: bytes read */
    long long_lines;   /* out: lines skipped for passing the cap */
    long torn_line;    /* out: number of a last line without '\n' that was dropped, or 0 */
    size_t torn_bytes; /* out: its length in bytes */
    int stopped;       /* out: the callback asked to stop */
    char message[320]; /* out: what went wrong, or a warning about a torn line, or "" */
} JournalReadInfo;

/* Streams the lines of PATH to FN in order, reading in blocks and keeping at most one line
 * (up to the cap) in memory. A line longer than the cap is passed with too_long set and no
 * text. A last line without '\n' is not passed: it is counted in torn_line/torn_bytes and
 * described in message as a warning. Only a regular file is read: a FIFO, a device or a
 * folder is refused at once (opened without blocking, looked at with fstat). Returns 0 when
 * the file was read (the callback may have stopped early); JOURNAL_ERR_MISSING when there is
 * no such file; JOURNAL_ERR_EMPTY when it holds 0 bytes; JOURNAL_ERR_TOO_BIG when it is
 * larger than INFO->max_bytes (nothing read); JOURNAL_ERR_IO (errno kept; also for a file
 * that is not regular) or JOURNAL_ERR_NOMEM otherwise.
 * INFO must not be NULL; its message always names the path when something went wrong. */
int journal_read_lines(const char *path, JournalLineFn fn, void *ud, JournalReadInfo *info);

#endif
