/* file.c: the whole-file reader: regular files only, up to a limit. libc and POSIX. */
#include "engine/core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/limits.h"

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO (a named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "something other than a file";
}

/* SIZE is the file's size when known, else 0. */
static int too_big(unsigned long long size, size_t max, char *why, size_t cap)
{
    char limit[32], n[32];
    if (why && cap && size > max)
        snprintf(why, cap, "it is %s bytes; the limit is %s",
                 limits_format_count(size, n, sizeof n),
                 limits_format_size(max, limit, sizeof limit));
    else if (why && cap)
        snprintf(why, cap, "it is larger than %s, the limit",
                 limits_format_size(max, limit, sizeof limit));
    return FILE_ERR_TOO_BIG;
}

/* Reads FD to its end, at most MAX bytes (one more tells that there is more). */
static int read_all(int fd, size_t size_hint, size_t max, char **out, size_t *len, char *why,
                    size_t cap)
{
    size_t room = size_hint < max ? size_hint + 1 : max + 1, n = 0;
    if (room < 4096)
        room = 4096;
    char *buf = malloc(room + 1);
    if (!buf)
        return FILE_ERR_NOMEM;
    for (;;) {
        if (n == room) {
            size_t bigger = room * 2 > max + 1 ? max + 1 : room * 2;
            char *grown = bigger > room ? realloc(buf, bigger + 1) : NULL;
            if (!grown) {
                free(buf);
                return bigger > room ? FILE_ERR_NOMEM : too_big(0, max, why, cap);
            }
            buf = grown;
            room = bigger;
        }
        ssize_t got = read(fd, buf + n, room - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            if (why && cap)
                snprintf(why, cap, "%s", strerror(e));
            errno = e;
            return FILE_ERR_OPEN;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > max) {
            free(buf);
            return too_big(0, max, why, cap);
        }
    }
    buf[n] = '\0';
    *out = buf;
    if (len)
        *len = n;
    return FILE_OK;
}

int file_read_capped(const char *path, size_t max, char **out, size_t *len, char *why, size_t cap)
{
    *out = NULL;
    if (why && cap)
        why[0] = '\0';
    /* not blocking: opening a FIFO with no writer would wait for one */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        if (why && cap)
            snprintf(why, cap, "%s", strerror(e));
        errno = e;
        return FILE_ERR_OPEN;
    }
    struct stat st;
    int rc;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        if (why && cap)
            snprintf(why, cap, "%s", strerror(e));
        errno = e;
        rc = FILE_ERR_OPEN;
    } else if (!S_ISREG(st.st_mode)) {
        if (why && cap)
            snprintf(why, cap, "it is %s, not a regular file", kind_of(st.st_mode));
        rc = FILE_ERR_NOT_REGULAR;
    } else if ((unsigned long long)st.st_size > max) {
        rc = too_big((unsigned long long)st.st_size, max, why, cap);
    } else {
        int flags = fcntl(fd, F_GETFL);
        if (flags >= 0)
            (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        rc = read_all(fd, (size_t)st.st_size, max, out, len, why, cap);
    }
    int e = errno;
    close(fd);
    errno = e;
    if (rc == FILE_ERR_NOMEM && why && cap)
        snprintf(why, cap, "out of memory");
    return rc;
}

char *file_read(const char *path, size_t *len)
{
    char *out = NULL;
    int rc = file_read_capped(path, FILE_READ_MAX, &out, len, NULL, 0);
    if (rc == FILE_ERR_NOMEM)
        errno = ENOMEM;
    else if (rc == FILE_ERR_TOO_BIG)
        errno = EFBIG;
    else if (rc == FILE_ERR_NOT_REGULAR)
        errno = EINVAL;
    return out;
}
