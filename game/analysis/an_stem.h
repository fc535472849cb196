/* an_stem.h: English stems from Snowball's libstemmer (the "english" algorithm, Porter2),
 * so that "frustrated", "frustrating" and "frustration" share the stem "frustrat".
 *
 * Depends on: libstemmer (Debian libstemmer-dev); libc. */
#ifndef HEARD_AN_STEM_H
#define HEARD_AN_STEM_H

#include <stddef.h>

#define AN_STEM_MAX 64

typedef struct AnStemmer AnStemmer;

/* Makes a stemmer. NULL when out of memory. Free with an_stemmer_destroy (NULL is a
 * no-op). One stemmer is not to be shared between threads. */
AnStemmer *an_stemmer_create(void);
void an_stemmer_destroy(AnStemmer *s);

/* Writes the stem of the lower-case word WORD (LEN bytes) to OUT (room for AN_STEM_MAX
 * bytes, NUL-terminated) and returns its length. Words that are not plain ASCII letters
 * (and apostrophes), or longer than AN_STEM_MAX - 5, are copied unchanged, cut to fit at a
 * character boundary so a valid UTF-8 word gives a valid UTF-8 stem. */
size_t an_stem(AnStemmer *s, const char *word, size_t len, char *out);

#endif
