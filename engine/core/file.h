/* file.h: reading a whole file into memory, the one reader the game's modules share
 * (scenarios, the flow library, the rules' digests, input files, labelled data). Only
 * regular files are read: a FIFO, a device or a folder is refused at once (it is opened
 * without blocking and looked at with fstat before anything is read), and so is a file
 * larger than the caller's limit, so no file can make the game wait or fill its memory.
 * Plain C, libc and POSIX only.
 */
#ifndef HEARD_FILE_H
#define HEARD_FILE_H

#include <stddef.h>

/* What file_read_capped found. */
enum {
    FILE_OK = 0,
    FILE_ERR_OPEN = -1,        /* the file cannot be opened or read; errno says why */
    FILE_ERR_NOT_REGULAR = -2, /* a folder, a FIFO, a device or a socket */
    FILE_ERR_TOO_BIG = -3,     /* larger than the limit */
    FILE_ERR_NOMEM = -4        /* out of memory */
};

/* The limit file_read applies. */
#define FILE_READ_MAX ((size_t)256 * 1024 * 1024)

/* Reads the whole regular file PATH, at most MAX bytes. Returns FILE_OK with *OUT a
 * NUL-terminated copy owned by the caller (free it) and *LEN (may be NULL) its length in
 * bytes (the file may hold NUL bytes); or a FILE_ERR_* code with *OUT NULL and WHY (CAP
 * bytes, may be NULL) saying what is wrong without the path: "No such file or directory",
 * "it is a FIFO, not a regular file", "it is 9.0 MiB; at most 512 KiB are read".
 * errno is kept for FILE_ERR_OPEN. */
int file_read_capped(const char *path, size_t max, char **out, size_t *len, char *why, size_t cap);

/* file_read_capped with the limit FILE_READ_MAX. Returns the copy, or NULL when the file
 * cannot be read; errno then says why (ENOMEM for memory, EFBIG for a file too large,
 * EINVAL for a file that is not a regular file). */
char *file_read(const char *path, size_t *len);

#endif
