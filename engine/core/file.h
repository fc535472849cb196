/* file.h: reading a whole file into memory, the one reader the game's modules share
 * (scenarios, the flow library, the rules' digests, input files). Plain C, libc only.
 */
#ifndef HEARD_FILE_H
#define HEARD_FILE_H

#include <stddef.h>

/* Reads the whole file PATH. Returns a NUL-terminated copy owned by the caller (free it)
 * and sets *LEN (may be NULL) to its length in bytes (the file may hold NUL bytes), or NULL
 * when the file cannot be opened or read or memory runs out; errno then says why (ENOMEM
 * for memory). */
char *file_read(const char *path, size_t *len);

#endif
