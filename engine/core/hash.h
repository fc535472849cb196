/* hash.h: the one digest the game keeps of sources and files: FNV-1a 64, written as 16
 * lower-case hex digits. Saved sessions store it for the scenario, the flow library and
 * the rules, so a replay can tell whether they changed. Not a cryptographic hash: it
 * detects edits, not tampering. Plain C, libc only.
 */
#ifndef HEARD_HASH_H
#define HEARD_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV1A_SEED 0xcbf29ce484222325ULL /* the FNV-1a 64 offset basis */

/* Folds LEN bytes of DATA into the running digest H (start from HASH_FNV1A_SEED) and
 * returns the new digest. */
uint64_t hash_fnv1a(const void *data, size_t len, uint64_t h);

/* H as 16 lower-case hex digits and a NUL in OUT. */
void hash_hex(uint64_t h, char out[17]);

/* The digest of LEN bytes of SRC from the standard seed, as hex in OUT: what sessions
 * store for a source. */
void hash_text(const char *src, size_t len, char out[17]);

#endif
