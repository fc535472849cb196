/* limits.c: checking a text against the game's limits, and writing counts and sizes as
 * people read them. libc only. */
#include "engine/core/limits.h"

#include <stdio.h>
#include <string.h>

#include "engine/core/utf8.h"

char *limits_format_count(size_t n, char *out, size_t cap)
{
    char digits[24]; /* a size_t has at most 20 digits */
    int len = snprintf(digits, sizeof digits, "%zu", n);
    char grouped[32]; /* and 6 commas between them */
    size_t k = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[k++] = ',';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(out, cap, "%s", grouped);
    return out;
}

char *limits_format_size(size_t bytes, char *out, size_t cap)
{
    const size_t kib = 1024, mib = kib * 1024;
    if (bytes >= mib && bytes % mib == 0)
        snprintf(out, cap, "%zu MiB", bytes / mib);
    else if (bytes >= kib && bytes % kib == 0)
        snprintf(out, cap, "%zu KiB", bytes / kib);
    else {
        char n[32];
        snprintf(out, cap, "%s bytes", limits_format_count(bytes, n, sizeof n));
    }
    return out;
}

int limits_check_text(const char *text, size_t len, size_t max, const char *what, char *msg,
                      size_t cap, size_t *at)
{
    char a[32], b[32];
    size_t where = 0;
    int rc = LIMITS_OK;
    if (len > max) {
        where = max;
        rc = LIMITS_ERR_LONG;
        if (msg && cap) {
            /* a player's words are counted in words too: about 6.5 bytes make a word */
            char words[48] = "";
            if (max <= 100000)
                snprintf(words, sizeof words, " (about %zu words)", max * 2 / 13 / 50 * 50);
            snprintf(msg, cap, "%s is %s bytes long; at most %s bytes fit%s", what,
                     limits_format_count(len, a, sizeof a), limits_format_count(max, b, sizeof b),
                     words);
        }
    } else {
        const char *nul = memchr(text, '\0', len);
        if (nul != NULL) {
            where = (size_t)(nul - text);
            rc = LIMITS_ERR_NUL;
            if (msg && cap)
                snprintf(msg, cap, "%s holds a NUL byte (at byte %zu)", what, where + 1);
        } else if ((where = utf8_validate(text, len)) < len) {
            rc = LIMITS_ERR_UTF8;
            if (msg && cap)
                snprintf(msg, cap, "%s is not UTF-8 text (byte 0x%02X at byte %zu)", what,
                         (unsigned)(unsigned char)text[where], where + 1);
        }
    }
    if (rc == LIMITS_OK && msg && cap)
        msg[0] = '\0';
    if (at)
        *at = rc == LIMITS_OK ? len : where;
    return rc;
}
