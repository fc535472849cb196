/* an_stem.c: a thin wrapper over Snowball's libstemmer (english, UTF-8). It keeps the
 * analyser's contract: only plain lower-case ASCII words are stemmed; anything else is
 * copied, so "café", "r2d2" and emoji pass through unchanged.
 * Depends on libstemmer, engine/core (utf8) and libc. */
#include "game/analysis/an_stem.h"

#include "engine/core/utf8.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

struct AnStemmer {
    struct sb_stemmer *sb;
};

AnStemmer *an_stemmer_create(void)
{
    AnStemmer *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->sb = sb_stemmer_new("english", "UTF_8");
    if (!s->sb) {
        free(s);
        return NULL;
    }
    return s;
}

void an_stemmer_destroy(AnStemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->sb);
    free(s);
}

/* A word longer than a stem is cut at a character boundary, so the stem stays UTF-8. */
static size_t copy_out(const char *w, size_t n, char *out)
{
    if (n > AN_STEM_MAX - 1)
        n = utf8_floor(w, n, AN_STEM_MAX - 1);
    memcpy(out, w, n);
    out[n] = '\0';
    return n;
}

size_t an_stem(AnStemmer *s, const char *word, size_t len, char *out)
{
    if (len <= 2 || len >= AN_STEM_MAX - 4)
        return copy_out(word, len, out);
    for (size_t i = 0; i < len; i++)
        if (!((word[i] >= 'a' && word[i] <= 'z') || word[i] == '\''))
            return copy_out(word, len, out);
    const sb_symbol *stem = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
    if (!stem) /* out of memory inside the stemmer: the word itself is the safest stem */
        return copy_out(word, len, out);
    return copy_out((const char *)stem, (size_t)sb_stemmer_length(s->sb), out);
}
