/* journal.c: append-only line files (write with O_APPEND and fsync, read in blocks with a
 * cap per line). Depends on libc and POSIX only. */
#include "engine/core/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

struct Journal {
    int fd;
    char *path;
};

/* ---- writing ------------------------------------------------------------------------ */

/* Syncs the folder holding PATH so a newly created name is durable. Best effort: some
 * file systems refuse fsync on a folder, and the file itself is already usable. */
static void sync_parent_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    if (!slash) {
        dir = malloc(2);
        if (dir)
            strcpy(dir, ".");
    } else {
        size_t n = slash == path ? 1 : (size_t)(slash - path);
        dir = malloc(n + 1);
        if (dir) {
            memcpy(dir, path, n);
            dir[n] = '\0';
        }
    }
    if (!dir)
        return;
    int saved = errno;
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        (void)close(fd);
    }
    errno = saved;
    free(dir);
}

Journal *journal_open_append(const char *path, int flags, int *code, char *err, size_t errsize)
{
    int oflags = O_WRONLY | O_APPEND | O_CREAT;
    if (flags & JOURNAL_EXCLUSIVE)
        oflags |= O_EXCL;
    if (code)
        *code = JOURNAL_ERR_IO;
    int fd;
    do
        fd = open(path, oflags, 0644);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        int e = errno;
        if (code && e == EEXIST)
            *code = JOURNAL_ERR_EXISTS;
        if (err && errsize)
            snprintf(err, errsize, "cannot open %s for writing: %s", path, strerror(e));
        errno = e;
        return NULL;
    }
    Journal *j = malloc(sizeof *j);
    char *copy = malloc(strlen(path) + 1);
    if (!j || !copy) {
        free(j);
        free(copy);
        (void)close(fd);
        if (code)
            *code = JOURNAL_ERR_NOMEM;
        if (err && errsize)
            snprintf(err, errsize, "cannot open %s for writing: out of memory", path);
        errno = ENOMEM;
        return NULL;
    }
    strcpy(copy, path);
    j->fd = fd;
    j->path = copy;
    if (flags & JOURNAL_EXCLUSIVE)
        sync_parent_dir(path); /* the file is new for sure */
    if (code)
        *code = JOURNAL_OK;
    return j;
}

/* Writes every byte of the two pieces, retrying short writes and EINTR. */
static int write_all(int fd, const char *a, size_t alen, const char *b, size_t blen)
{
    struct iovec iov[2] = {{(void *)a, alen}, {(void *)b, blen}};
    int first = 0;
    while (first < 2) {
        ssize_t n = writev(fd, iov + first, 2 - first);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        size_t left = (size_t)n;
        while (first < 2 && left >= iov[first].iov_len) {
            left -= iov[first].iov_len;
            first++;
        }
        if (first < 2) {
            iov[first].iov_base = (char *)iov[first].iov_base + left;
            iov[first].iov_len -= left;
        }
    }
    return 0;
}

int journal_sync(Journal *j)
{
    while (fsync(j->fd) != 0) {
        if (errno != EINTR)
            return JOURNAL_ERR_IO;
    }
    return JOURNAL_OK;
}

int journal_append_line(Journal *j, const char *line, size_t len, int sync)
{
    if (len && memchr(line, '\n', len))
        return JOURNAL_ERR_NEWLINE;
    if (len > JOURNAL_LINE_MAX)
        return JOURNAL_ERR_TOO_LONG;
    /* Where the line starts, so a half-written line can be cut off again. */
    off_t start = lseek(j->fd, 0, SEEK_END);
    if (write_all(j->fd, len ? line : "", len, "\n", 1) != 0) {
        int e = errno;
        if (start >= 0)
            (void)ftruncate(j->fd, start);
        errno = e;
        return JOURNAL_ERR_IO;
    }
    return sync ? journal_sync(j) : JOURNAL_OK;
}

const char *journal_path(const Journal *j)
{
    return j->path;
}

int journal_close(Journal *j)
{
    if (!j)
        return JOURNAL_OK;
    /* close is not retried on EINTR: on Linux the descriptor is gone either way. */
    int rc = close(j->fd);
    int e = errno;
    free(j->path);
    free(j);
    errno = e;
    return rc == 0 ? JOURNAL_OK : JOURNAL_ERR_IO;
}

/* ---- reading ------------------------------------------------------------------------ */

#define READ_BLOCK 65536

typedef struct LineBuf {
    char *data;
    size_t cap, len; /* len: bytes kept (0 while skipping) */
    size_t full;     /* bytes of the line so far, kept or not */
    int skipping;    /* the line passed the cap */
} LineBuf;

/* Adds N bytes of the current line, or only counts them once it passed MAX. */
static int linebuf_add(LineBuf *lb, const char *p, size_t n, size_t max)
{
    lb->full += n;
    if (lb->skipping)
        return 0;
    if (lb->len + n > max) {
        lb->skipping = 1;
        lb->len = 0;
        return 0;
    }
    if (lb->len + n + 1 > lb->cap) {
        size_t cap = lb->cap ? lb->cap : 256;
        while (cap < lb->len + n + 1)
            cap *= 2;
        if (cap > max + 1)
            cap = max + 1;
        char *d = realloc(lb->data, cap);
        if (!d)
            return JOURNAL_ERR_NOMEM;
        lb->data = d;
        lb->cap = cap;
    }
    memcpy(lb->data + lb->len, p, n);
    lb->len += n;
    return 0;
}

/* Hands the finished line to the callback and starts a new one. */
static void emit_line(LineBuf *lb, JournalReadInfo *info, JournalLineFn fn, void *ud)
{
    JournalLine line = {0};
    line.number = ++info->lines;
    line.len = lb->full;
    line.too_long = lb->skipping;
    if (lb->skipping) {
        info->long_lines++;
    } else if (lb->data) {
        lb->data[lb->len] = '\0'; /* linebuf_add always leaves room for it */
        line.text = lb->data;
    } else {
        line.text = ""; /* an empty line before any byte was kept */
    }
    lb->len = lb->full = 0;
    lb->skipping = 0;
    if (fn(ud, &line) != 0)
        info->stopped = 1;
}

/* Splits one block into lines. */
static int feed_block(LineBuf *lb, const char *p, size_t n, JournalReadInfo *info, JournalLineFn fn,
                      void *ud)
{
    const char *end = p + n;
    while (p < end && !info->stopped) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        if (linebuf_add(lb, p, (size_t)(stop - p), info->max_line) != 0)
            return JOURNAL_ERR_NOMEM;
        if (!nl)
            break;
        emit_line(lb, info, fn, ud);
        p = nl + 1;
    }
    return 0;
}

static int read_all(int fd, const char *path, JournalLineFn fn, void *ud, JournalReadInfo *info)
{
    char *block = malloc(READ_BLOCK);
    LineBuf lb = {0};
    int rc = block ? 0 : JOURNAL_ERR_NOMEM;
    while (rc == 0 && !info->stopped) {
        ssize_t n = read(fd, block, READ_BLOCK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = JOURNAL_ERR_IO;
            snprintf(info->message, sizeof info->message, "cannot read %s: %s", path,
                     strerror(errno));
            break;
        }
        if (n == 0)
            break;
        info->bytes += n;
        rc = feed_block(&lb, block, (size_t)n, info, fn, ud);
    }
    if (rc == JOURNAL_ERR_NOMEM)
        snprintf(info->message, sizeof info->message, "cannot read %s: out of memory", path);
    if (rc == 0 && !info->stopped && lb.full > 0) {
        info->torn_line = info->lines + 1;
        info->torn_bytes = lb.full;
        snprintf(info->message, sizeof info->message,
                 "%s:%ld: the last line is incomplete (%zu bytes with no end of line, "
                 "likely cut off by a crash or power cut); it was dropped",
                 path, info->torn_line, lb.full);
    }
    free(lb.data);
    free(block);
    return rc;
}

/* Refuses what is not a regular file, or one larger than INFO->max_bytes, before reading;
 * then lets reads block again. Returns 0 or a JOURNAL_ERR_* code with INFO's message. */
static int check_regular(int fd, const char *path, JournalReadInfo *info)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        snprintf(info->message, sizeof info->message, "cannot read %s: %s", path, strerror(e));
        errno = e;
        return JOURNAL_ERR_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(info->message, sizeof info->message, "cannot read %s: it is %s, not a file", path,
                 S_ISDIR(st.st_mode)    ? "a folder"
                 : S_ISFIFO(st.st_mode) ? "a FIFO (a named pipe)"
                                        : "a device or a socket");
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        return JOURNAL_ERR_IO;
    }
    if (info->max_bytes && (unsigned long long)st.st_size > info->max_bytes) {
        char n[32], cap[32];
        snprintf(info->message, sizeof info->message, "%s is %s bytes, larger than the %s read",
                 path, limits_format_count((size_t)st.st_size, n, sizeof n),
                 limits_format_size(info->max_bytes, cap, sizeof cap));
        return JOURNAL_ERR_TOO_BIG;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return 0;
}

int journal_read_lines(const char *path, JournalLineFn fn, void *ud, JournalReadInfo *info)
{
    size_t max = info->max_line ? info->max_line : JOURNAL_LINE_MAX_DEFAULT;
    size_t max_bytes = info->max_bytes;
    memset(info, 0, sizeof *info);
    info->max_line = max;
    info->max_bytes = max_bytes;
    int fd;
    do /* not blocking: a FIFO with no writer would make open wait for one */
        fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        int e = errno;
        snprintf(info->message, sizeof info->message, "cannot open %s: %s", path, strerror(e));
        errno = e;
        return e == ENOENT ? JOURNAL_ERR_MISSING : JOURNAL_ERR_IO;
    }
    int rc = check_regular(fd, path, info);
    if (rc == 0)
        rc = read_all(fd, path, fn, ud, info);
    int e = errno;
    (void)close(fd);
    errno = e;
    if (rc == 0 && info->bytes == 0) {
        snprintf(info->message, sizeof info->message, "%s is empty (0 bytes)", path);
        return JOURNAL_ERR_EMPTY;
    }
    return rc;
}
