/* utf8.c: UTF-8 decoding with error reasons, repair, stepping, and the character classes
 * the text field needs. The well-formed byte ranges are those of the Unicode Standard,
 * Table 3-7; libc only. */
#include "engine/core/utf8.h"

#include <string.h>

static int is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* Sequence length announced by lead byte B and the range its second byte must fall in, or
 * a negative error for bytes that cannot start a sequence. */
static int lead_info(unsigned char b, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (b < 0x80)
        return 1;
    if (b < 0xC0)
        return UTF8_ERR_CONTINUATION;
    if (b < 0xC2)
        return UTF8_ERR_OVERLONG;
    if (b < 0xE0)
        return 2;
    if (b < 0xF0) {
        if (b == 0xE0)
            *lo = 0xA0;
        else if (b == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (b < 0xF5) {
        if (b == 0xF0)
            *lo = 0x90;
        else if (b == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return b < 0xF8 ? UTF8_ERR_TOO_BIG : UTF8_ERR_BAD_BYTE;
}

/* Why the second byte B2 of a sequence led by B is out of its range. */
static int second_byte_error(unsigned char b, unsigned char b2)
{
    if (!is_cont(b2))
        return UTF8_ERR_INCOMPLETE;
    if (b == 0xE0 || b == 0xF0)
        return UTF8_ERR_OVERLONG;
    if (b == 0xED)
        return UTF8_ERR_SURROGATE;
    return UTF8_ERR_TOO_BIG; /* F4 90..BF */
}

static int fail(int err, size_t n, uint32_t *cp, size_t *used)
{
    if (cp)
        *cp = UTF8_REPLACEMENT;
    if (used)
        *used = n;
    return err;
}

int utf8_decode(const char *s, size_t len, uint32_t *cp, size_t *used)
{
    if (len == 0)
        return fail(UTF8_ERR_TRUNCATED, 0, cp, used);
    const unsigned char *p = (const unsigned char *)s;
    unsigned char lo, hi;
    int n = lead_info(p[0], &lo, &hi);
    if (n < 0)
        return fail(n, 1, cp, used);
    uint32_t c = n == 1 ? p[0] : (uint32_t)(p[0] & (0xFF >> (n + 1)));
    for (int k = 1; k < n; k++) {
        if ((size_t)k >= len)
            return fail(UTF8_ERR_TRUNCATED, (size_t)k, cp, used);
        if (k == 1 && (p[1] < lo || p[1] > hi))
            return fail(second_byte_error(p[0], p[1]), 1, cp, used);
        if (!is_cont(p[k]))
            return fail(UTF8_ERR_INCOMPLETE, (size_t)k, cp, used);
        c = (c << 6) | (p[k] & 0x3F);
    }
    if (cp)
        *cp = c;
    if (used)
        *used = (size_t)n;
    return 0;
}

size_t utf8_validate(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII runs are the common case; skip them without a call. */
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n;
        if (utf8_decode(s + i, len - i, NULL, &n) < 0)
            return i;
        i += n;
    }
    return len;
}

size_t utf8_repair(const char *in, size_t len, char *out, size_t *replaced)
{
    size_t i = 0, o = 0, bad = 0;
    while (i < len) {
        size_t n;
        if (utf8_decode(in + i, len - i, NULL, &n) < 0) {
            o += utf8_encode(UTF8_REPLACEMENT, out + o);
            bad++;
        } else {
            memcpy(out + o, in + i, n);
            o += n;
        }
        i += n;
    }
    out[o] = '\0';
    if (replaced)
        *replaced = bad;
    return o;
}

size_t utf8_next(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len;
    size_t n;
    utf8_decode(s + i, len - i, NULL, &n);
    return i + n;
}

size_t utf8_floor(const char *s, size_t len, size_t i)
{
    while (i > 0 && i < len && is_cont((unsigned char)s[i]))
        i--;
    return i;
}

size_t utf8_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = utf8_floor(src, n, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

size_t utf8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && is_cont(p[j]))
        j--;
    size_t n;
    if (utf8_decode(s + j, i - j, NULL, &n) == 0 && n == i - j)
        return j;
    return i - 1;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i = utf8_next(s, len, i))
        count++;
    return count;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > UTF8_MAX_CODE_POINT)
        return 0;
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Non-ASCII spaces, punctuation, currency signs, arrows and mathematical operators,
 * inclusive ranges in ascending order (binary-searched). Latin-1 letters
 * and the ordinal and superscript signs (ª ² ³ µ ¹ º ¼ ½ ¾) are left out of the ranges on
 * purpose: they read as parts of words and numbers. */
static const uint32_t non_word_ranges[][2] = {
    {0x0080, 0x00A9}, {0x00AB, 0x00B1}, {0x00B4, 0x00B4}, {0x00B6, 0x00B8}, {0x00BB, 0x00BB},
    {0x00BF, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x037E, 0x037E}, {0x0387, 0x0387},
    {0x055A, 0x055F}, {0x0589, 0x058A}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0}, {0x05C3, 0x05C3},
    {0x05F3, 0x05F4}, {0x060C, 0x060D}, {0x061B, 0x061F}, {0x066A, 0x066D}, {0x06D4, 0x06D4},
    {0x0964, 0x0965}, {0x0E4F, 0x0E4F}, {0x0E5A, 0x0E5B}, {0x1680, 0x1680}, {0x2000, 0x200B},
    {0x200E, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x22FF}, {0x2E00, 0x2E7F}, {0x3000, 0x3003},
    {0x3008, 0x3011}, {0x3014, 0x301F}, {0x3030, 0x3030}, {0x30FB, 0x30FB}, {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3D},
    {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}};

int utf8_is_word(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               cp == '_';
    size_t lo = 0, hi = sizeof non_word_ranges / sizeof non_word_ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < non_word_ranges[mid][0])
            hi = mid;
        else if (cp > non_word_ranges[mid][1])
            lo = mid + 1;
        else
            return 0;
    }
    return 1;
}

Utf8ControlAction utf8_control_action(uint32_t cp, uint32_t prev)
{
    if (cp == '\n' && prev == '\r')
        return UTF8_DROP;
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return UTF8_TO_SPACE;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return UTF8_DROP;
    return UTF8_KEEP;
}

size_t utf8_strip_controls(char *s, size_t len)
{
    size_t i = 0, o = 0;
    uint32_t prev = 0;
    while (i < len) {
        uint32_t cp;
        size_t n;
        int err = utf8_decode(s + i, len - i, &cp, &n);
        Utf8ControlAction act = err < 0 ? UTF8_KEEP : utf8_control_action(cp, prev);
        if (act == UTF8_KEEP)
            memmove(s + o, s + i, n);
        else if (act == UTF8_TO_SPACE)
            s[o] = ' ';
        o += act == UTF8_KEEP ? n : act == UTF8_TO_SPACE ? 1 : 0;
        prev = err < 0 ? UTF8_REPLACEMENT : cp;
        i += n;
    }
    if (o < len)
        s[o] = '\0';
    return o;
}
