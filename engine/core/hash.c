/* hash.c: FNV-1a 64 and its hex form. libc only. */
#include "engine/core/hash.h"

uint64_t hash_fnv1a(const void *data, size_t len, uint64_t h)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void hash_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}

void hash_text(const char *src, size_t len, char out[17])
{
    hash_hex(hash_fnv1a(src, len, HASH_FNV1A_SEED), out);
}
