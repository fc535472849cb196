/* utf8.h: UTF-8 helpers for text that players type and paste. Decoding reports why a
 * sequence is ill-formed (overlong, surrogate, beyond U+10FFFF, truncated); repair replaces
 * each maximal ill-formed subpart with U+FFFD, as the Unicode Standard recommends (ch. 3,
 * "U+FFFD Substitution of Maximal Subparts"), so every browser-like reader agrees on the
 * result. Also: code-point stepping and counting, encoding, the "word character" class
 * used by word-wise caret moves, and what insertion does with control characters.
 * Plain C, libc only, no allocation: callers own every buffer.
 */
#ifndef HEARD_UTF8_H
#define HEARD_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Why utf8_decode rejected a sequence. All are negative; 0 means a valid code point. */
enum {
    UTF8_ERR_CONTINUATION = -1, /* a continuation byte (80..BF) where a sequence must start */
    UTF8_ERR_OVERLONG = -2,     /* C0, C1, E0 80..9F, F0 80..8F: a longer form than needed */
    UTF8_ERR_SURROGATE = -3,    /* ED A0..BF: U+D800..U+DFFF, which UTF-8 may not encode */
    UTF8_ERR_TOO_BIG = -4,      /* F4 90..BF, F5..F7: beyond U+10FFFF */
    UTF8_ERR_BAD_BYTE = -5,     /* F8..FF: never appear in UTF-8 */
    UTF8_ERR_INCOMPLETE = -6,   /* a sequence interrupted by a byte that does not continue it */
    UTF8_ERR_TRUNCATED = -7     /* a sequence cut short by the end of the buffer */
};

#define UTF8_REPLACEMENT 0xFFFDu
#define UTF8_MAX_CODE_POINT 0x10FFFFu

/* Output bytes utf8_repair may need for LEN input bytes, NUL included: every bad byte can
 * become the 3-byte U+FFFD. LEN must be at most (SIZE_MAX - 1) / 3. */
#define UTF8_REPAIR_BOUND(len) ((len)*3 + 1)

/* Decodes the code point at the start of S (LEN bytes available). Returns 0 and sets *CP to
 * it, or a negative UTF8_ERR_* and sets *CP to U+FFFD. *USED is set to the bytes consumed:
 * the whole sequence when valid, else the maximal ill-formed subpart (at least 1 byte, or 0
 * when LEN is 0, which returns UTF8_ERR_TRUNCATED). CP and USED may be NULL. */
int utf8_decode(const char *s, size_t len, uint32_t *cp, size_t *used);

/* Returns the byte offset of the first ill-formed sequence in S, or LEN when all LEN bytes
 * are valid UTF-8 (so `utf8_validate(s, n) == n` is the validity test). */
size_t utf8_validate(const char *s, size_t len);

/* Copies LEN bytes of IN to OUT, replacing each maximal ill-formed subpart with U+FFFD, and
 * NUL-terminates. OUT is the caller's and must hold UTF8_REPAIR_BOUND(LEN) bytes; it may
 * not overlap IN. Returns the bytes written (without the NUL); *REPLACED (may be NULL) gets
 * how many replacements were made. Valid input is copied unchanged. */
size_t utf8_repair(const char *in, size_t len, char *out, size_t *replaced);

/* The offset of the code-point boundary after offset I in S (LEN bytes): I plus the length
 * of the sequence at I, or of its ill-formed subpart. Returns LEN when I >= LEN. */
size_t utf8_next(const char *s, size_t len, size_t i);

/* The offset of the code-point boundary before offset I in S. Returns 0 when I is 0. On
 * valid text it is the inverse of utf8_next; inside ill-formed bytes it steps one byte. */
size_t utf8_prev(const char *s, size_t i);

/* The number of code points in S (LEN bytes); each ill-formed subpart counts as one, as
 * the U+FFFD that repair would put there. */
size_t utf8_count(const char *s, size_t len);

/* The code-point boundary at or before offset I in S (LEN bytes): I moved back over
 * continuation bytes, so text cut there is not cut inside a character. Returns I when I is
 * 0 or at least LEN. */
size_t utf8_floor(const char *s, size_t len, size_t i);

/* Copies the NUL-terminated SRC into DST of CAP bytes (CAP > 0), NUL-terminated, cut at a
 * code-point boundary when it does not fit. Returns the bytes copied. */
size_t utf8_copy(char *dst, size_t cap, const char *src);

/* Writes the UTF-8 form of CP to OUT (at least 4 bytes, not NUL-terminated). Returns the
 * bytes written (1..4), or 0 when CP is a surrogate or beyond U+10FFFF (nothing written). */
size_t utf8_encode(uint32_t cp, char *out);

/* Returns 1 when CP belongs inside a word for word-wise caret moves and deletion: letters
 * and digits of any script (é, ß, Ж, 中, ٣), '_', combining marks, and pictographs such as
 * emoji together with the joiners and selectors that build them (U+200C, U+200D, U+FE0F).
 * Returns 0 for spaces, controls and punctuation (ASCII and Latin-1 punctuation and symbols,
 * General Punctuation such as — and ’, CJK punctuation such as 、 and 。, fullwidth
 * punctuation), currency signs, arrows and mathematical operators.
 * Without a Unicode database this is a range test: unlisted code points count as letters. */
int utf8_is_word(uint32_t cp);

/* What inserting text does with a code point: keep it, turn it into one space, or drop it.
 * Tab and every line break (LF, CR, NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR
 * U+2029) become one space each, except that the LF of a CR LF pair is dropped, so a
 * Windows line break is one space too (PREV is the code point just before CP, 0 at the
 * start). Other C0 controls (U+0000..U+001F), DEL and the C1 controls (U+0080..U+009F) are
 * dropped. Everything else is kept. */
typedef enum Utf8ControlAction { UTF8_KEEP, UTF8_TO_SPACE, UTF8_DROP } Utf8ControlAction;
Utf8ControlAction utf8_control_action(uint32_t cp, uint32_t prev);

/* Applies utf8_control_action to every code point of S in place. Returns the new length
 * (never more than LEN). Ill-formed bytes are kept as they are, for utf8_repair to handle.
 * Writes nothing past s[LEN - 1], except a NUL at the new length when it is shorter, so a
 * NUL-terminated string stays one. */
size_t utf8_strip_controls(char *s, size_t len);

#endif
