/* an_lexicon.c: string interning (open addressing, FNV-1a), word classes and families.
 * Depends on an_stem (libstemmer), engine/core (utf8) and libc. */
#include "game/analysis/an_lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"
#include "game/analysis/an_stem.h"
#include "game/analysis/an_stopwords.h"

#define FAMILY_MAX 256

typedef struct Entry {
    uint64_t exact;   /* classes this exact form belongs to */
    uint64_t by_stem; /* classes any word with this stem belongs to */
    int16_t family_exact, family_stem;
    int8_t intensity_exact, intensity_stem;
} Entry;

struct AnLexicon {
    char *chars; /* interned strings, NUL-separated */
    size_t chars_len, chars_cap;
    uint32_t *offsets; /* id -> offset in chars */
    Entry *entries;    /* id -> entry */
    int count, cap;
    int32_t *slots; /* hash table of ids, -1 empty */
    uint32_t nslots;
    char classes[AN_CLASS_MAX][32];
    int nclasses;
    char families[FAMILY_MAX][32];
    int nfamilies;
    uint64_t digest;
    AnStemmer *stemmer; /* libstemmer keeps a buffer per stemmer, hence not const */
};

static uint64_t fnv(const char *s, uint64_t h)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

AnLexicon *an_lexicon_create(void)
{
    AnLexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->nslots = 1024;
    lx->slots = malloc(lx->nslots * sizeof *lx->slots);
    if (!lx->slots) {
        free(lx);
        return NULL;
    }
    memset(lx->slots, 0xFF, lx->nslots * sizeof *lx->slots);
    lx->digest = 1469598103934665603ULL;
    lx->stemmer = an_stemmer_create();
    if (!lx->stemmer) {
        an_lexicon_destroy(lx);
        return NULL;
    }
    return lx;
}

void an_lexicon_destroy(AnLexicon *lx)
{
    if (!lx)
        return;
    free(lx->chars);
    free(lx->offsets);
    free(lx->entries);
    free(lx->slots);
    an_stemmer_destroy(lx->stemmer);
    free(lx);
}

size_t an_lexicon_stem(const AnLexicon *lx, const char *word, size_t len, char *out)
{
    return an_stem(lx->stemmer, word, len, out);
}

static const char *str_of(const AnLexicon *lx, int id)
{
    return lx->chars + lx->offsets[id];
}

int an_lexicon_find(const AnLexicon *lx, const char *s)
{
    uint32_t mask = lx->nslots - 1;
    for (uint32_t i = (uint32_t)fnv(s, 1469598103934665603ULL) & mask;; i = (i + 1) & mask) {
        int32_t id = lx->slots[i];
        if (id < 0)
            return -1;
        if (strcmp(str_of(lx, id), s) == 0)
            return id;
    }
}

static int rehash(AnLexicon *lx)
{
    uint32_t n = lx->nslots * 2;
    int32_t *slots = malloc(n * sizeof *slots);
    if (!slots)
        return -1;
    memset(slots, 0xFF, n * sizeof *slots);
    for (int id = 0; id < lx->count; id++) {
        uint32_t i = (uint32_t)fnv(str_of(lx, id), 1469598103934665603ULL) & (n - 1);
        while (slots[i] >= 0)
            i = (i + 1) & (n - 1);
        slots[i] = id;
    }
    free(lx->slots);
    lx->slots = slots;
    lx->nslots = n;
    return 0;
}

static int grow(AnLexicon *lx, size_t len)
{
    if (lx->chars_len + len + 1 > lx->chars_cap) {
        size_t cap = (lx->chars_cap + len + 1) * 2;
        char *c = realloc(lx->chars, cap);
        if (!c)
            return -1;
        lx->chars = c;
        lx->chars_cap = cap;
    }
    if (lx->count == lx->cap) {
        int cap = lx->cap ? lx->cap * 2 : 256;
        uint32_t *o = realloc(lx->offsets, (size_t)cap * sizeof *o);
        if (!o)
            return -1;
        lx->offsets = o;
        Entry *e = realloc(lx->entries, (size_t)cap * sizeof *e);
        if (!e)
            return -1;
        lx->entries = e;
        lx->cap = cap;
    }
    return 0;
}

int an_lexicon_intern(AnLexicon *lx, const char *s)
{
    int id = an_lexicon_find(lx, s);
    if (id >= 0)
        return id;
    if ((uint32_t)lx->count * 2 >= lx->nslots && rehash(lx) < 0)
        return -1;
    size_t len = strlen(s);
    if (grow(lx, len) < 0)
        return -1;
    id = lx->count++;
    lx->offsets[id] = (uint32_t)lx->chars_len;
    memcpy(lx->chars + lx->chars_len, s, len + 1);
    lx->chars_len += len + 1;
    lx->entries[id] = (Entry){0, 0, -1, -1, 0, 0};
    uint32_t i = (uint32_t)fnv(s, 1469598103934665603ULL) & (lx->nslots - 1);
    while (lx->slots[i] >= 0)
        i = (i + 1) & (lx->nslots - 1);
    lx->slots[i] = id;
    return id;
}

int an_lexicon_string_count(const AnLexicon *lx)
{
    return lx->count;
}

static int name_id(char (*names)[32], int *n, int max, const char *s, int create)
{
    for (int i = 0; i < *n; i++)
        if (strncmp(names[i], s, 31) == 0)
            return i;
    if (!create || *n >= max)
        return -1;
    strncpy(names[*n], s, 31);
    names[*n][31] = '\0';
    return (*n)++;
}

int an_lexicon_class_id(const AnLexicon *lx, const char *cls)
{
    for (int i = 0; i < lx->nclasses; i++)
        if (strncmp(lx->classes[i], cls, 31) == 0)
            return i;
    return -1;
}

const char *an_lexicon_class_name(const AnLexicon *lx, int id)
{
    return id >= 0 && id < lx->nclasses ? lx->classes[id] : "";
}

const char *an_lexicon_family_name(const AnLexicon *lx, int id)
{
    return id >= 0 && id < lx->nfamilies ? lx->families[id] : "";
}

int an_lexicon_add_word(AnLexicon *lx, const char *cls, const char *word, const char *family,
                        int intensity)
{
    if (!cls || !*cls || !word || !*word || (word[0] == '=' && !word[1]))
        return -1;
    int c = name_id(lx->classes, &lx->nclasses, AN_CLASS_MAX, cls, 1);
    int f = family && *family ? name_id(lx->families, &lx->nfamilies, FAMILY_MAX, family, 1) : -1;
    if (c < 0 || (family && *family && f < 0))
        return -1;
    int exact = word[0] == '=';
    const char *w = exact ? word + 1 : word;
    char stem[AN_STEM_MAX];
    an_stem(lx->stemmer, w, strlen(w), stem);
    int id = an_lexicon_intern(lx, exact ? w : stem);
    if (id < 0)
        return -1;
    Entry *e = &lx->entries[id];
    if (exact) {
        e->exact |= 1ULL << c;
        if (f >= 0)
            e->family_exact = (int16_t)f, e->intensity_exact = (int8_t)intensity;
    } else {
        e->by_stem |= 1ULL << c;
        if (f >= 0)
            e->family_stem = (int16_t)f, e->intensity_stem = (int8_t)intensity;
    }
    lx->digest = fnv(cls, fnv(word, lx->digest));
    return 0;
}

uint64_t an_lexicon_digest(const AnLexicon *lx)
{
    return lx->digest;
}

static void annotate_word(const AnLexicon *lx, const char *w, size_t len, AnTokenInfo *o)
{
    char stem[AN_STEM_MAX];
    size_t n = an_stem(lx->stemmer, w, len, stem);
    size_t keep = n < sizeof o->stem_text - 1 ? n : utf8_floor(stem, n, sizeof o->stem_text - 1);
    memcpy(o->stem_text, stem, keep);
    o->stem_text[keep] = '\0';
    o->stem = an_lexicon_find(lx, stem);
    o->stem_hash = fnv(stem, 1469598103934665603ULL);
    o->stop = an_is_stopword(w);
    o->content = !o->stop;
    if (o->stem >= 0) {
        const Entry *e = &lx->entries[o->stem];
        o->classes |= e->by_stem;
        if (e->family_stem >= 0)
            o->family = e->family_stem, o->intensity = e->intensity_stem;
    }
    if (o->word >= 0) {
        const Entry *e = &lx->entries[o->word];
        o->classes |= e->exact;
        if (e->family_exact >= 0)
            o->family = e->family_exact, o->intensity = e->intensity_exact;
    }
}

#define CACHE_SLOTS 4096
#define CACHE_WORD 24

typedef struct CacheSlot {
    uint64_t hash;
    char word[CACHE_WORD];
    AnTokenInfo info;
} CacheSlot;

struct AnWordCache {
    CacheSlot slots[CACHE_SLOTS];
};

AnWordCache *an_word_cache_create(void)
{
    return calloc(1, sizeof(AnWordCache));
}

void an_word_cache_destroy(AnWordCache *c)
{
    free(c);
}

void an_lexicon_annotate(const AnLexicon *lx, const AnTokens *toks, AnTokenInfo *out)
{
    an_lexicon_annotate_cached(lx, NULL, toks, out);
}

void an_lexicon_annotate_cached(const AnLexicon *lx, AnWordCache *cache, const AnTokens *toks,
                                AnTokenInfo *out)
{
    for (int i = 0; i < toks->count; i++) {
        const AnToken *tk = &toks->items[i];
        CacheSlot *slot = NULL;
        if (cache && tk->kind == AN_TOK_WORD && tk->len < CACHE_WORD) {
            uint64_t h = fnv(an_token_text(toks, i), 1469598103934665603ULL);
            slot = &cache->slots[h & (CACHE_SLOTS - 1)];
            if (slot->hash == h && strcmp(slot->word, an_token_text(toks, i)) == 0) {
                out[i] = slot->info;
                continue;
            }
            slot->hash = h;
            memcpy(slot->word, an_token_text(toks, i), tk->len + 1);
        }
        const AnToken *t = &toks->items[i];
        AnTokenInfo *o = &out[i];
        const char *w = an_token_text(toks, i);
        o->word = an_lexicon_find(lx, w);
        o->stem = -1;
        o->classes = 0;
        o->family = -1;
        o->intensity = 0;
        o->stop = false;
        o->content = false;
        o->negated = false;
        o->stem_text[0] = '\0';
        o->stem_hash = 0;
        if (t->kind == AN_TOK_WORD)
            annotate_word(lx, w, t->len, o);
        if (slot)
            slot->info = *o;
    }
}
