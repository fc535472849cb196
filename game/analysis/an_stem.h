/* an_stem.h: an English stemmer following the Porter2 (Snowball English) rules, so that
 * "frustrated", "frustrating" and "frustration" share the stem "frustrat".
 *
 * Depends on: libc only. */
#ifndef HEARD_AN_STEM_H
#define HEARD_AN_STEM_H

#include <stddef.h>

#define AN_STEM_MAX 64

/* Writes the stem of the lower-case word WORD (LEN bytes) to OUT (room for AN_STEM_MAX
 * bytes, NUL-terminated) and returns its length. Words that are not plain ASCII letters
 * (and apostrophes), or longer than AN_STEM_MAX - 1, are copied unchanged (cut to fit). */
size_t an_stem(const char *word, size_t len, char *out);

#endif
