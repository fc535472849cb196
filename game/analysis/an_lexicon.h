/* an_lexicon.h: the word lists the analyser reads with: word classes ("feeling", "need",
 * "absolute", "pronoun_you"...), feeling families with an intensity ("furious" is family
 * "anger", intensity 3), and the string table shared with the phrase matcher. Filled
 * through this C API (the rules bridge feeds it from scripts/lexicon/NAME.lua), then read-only.
 *
 * Depends on: an_tokenize.h, an_stem.h; libc only. */
#ifndef HEARD_AN_LEXICON_H
#define HEARD_AN_LEXICON_H

#include <stdbool.h>
#include <stdint.h>

#include "game/analysis/an_stem.h"
#include "game/analysis/an_tokenize.h"

#define AN_CLASS_MAX 64 /* word classes per lexicon (one bit each) */

typedef struct AnLexicon AnLexicon;

/* What the lexicon knows about one token, filled by an_lexicon_annotate. */
typedef struct AnTokenInfo {
    int32_t word;       /* string id of the folded word, -1 when the lexicon never saw it */
    int32_t stem;       /* string id of its stem, -1 when unknown */
    uint64_t classes;   /* bit c set when the token is in class c */
    int16_t family;     /* feeling/need family id, -1 when none */
    int8_t intensity;   /* 1 mild .. 3 strong, 0 when none */
    bool stop;          /* a stop word */
    bool content;       /* a word that is neither a stop word nor a number */
    bool negated;       /* inside a negation scope (filled by an_negation_mark) */
    char stem_text[24]; /* the stem, cut to fit; "" for non-words */
    uint64_t stem_hash; /* FNV-1a of the stem (0 for non-words), for fast comparison */
} AnTokenInfo;

/* Makes an empty lexicon. NULL when out of memory. Free with an_lexicon_destroy. */
AnLexicon *an_lexicon_create(void);

/* Frees LX; an_lexicon_destroy(NULL) is a no-op. */
void an_lexicon_destroy(AnLexicon *lx);

/* Adds WORD (folded, one word) to the class named CLS, creating the class if needed.
 * A WORD starting with '=' matches only that exact form; otherwise every word with the
 * same stem matches too. FAMILY (NULL for none) names the feeling or need family and
 * INTENSITY (0..3) its strength. Returns 0, or -1 when an argument is empty, the class
 * table is full (AN_CLASS_MAX) or memory runs out. */
int an_lexicon_add_word(AnLexicon *lx, const char *cls, const char *word, const char *family,
                        int intensity);

/* Writes the stem of the folded word WORD (LEN bytes) to OUT (AN_STEM_MAX bytes) with the
 * lexicon's stemmer and returns its length (an_stem.h). */
size_t an_lexicon_stem(const AnLexicon *lx, const char *word, size_t len, char *out);

/* Id of the class named CLS, or -1 when no word was added to it. */
int an_lexicon_class_id(const AnLexicon *lx, const char *cls);

/* Name of class ID or family ID; borrowed; "" when out of range. */
const char *an_lexicon_class_name(const AnLexicon *lx, int id);
const char *an_lexicon_family_name(const AnLexicon *lx, int id);

/* Interns S (for the matcher). Returns its id (>= 0) or -1 when memory runs out. */
int an_lexicon_intern(AnLexicon *lx, const char *s);

/* Id of S, or -1 when it was never interned. */
int an_lexicon_find(const AnLexicon *lx, const char *s);

/* Number of interned strings (ids run 0 .. count-1). */
int an_lexicon_string_count(const AnLexicon *lx);

/* Fills OUT[0 .. toks->count-1] with ids, stems, classes and families of each token.
 * Never fails; OUT must have room for toks->count entries. */
void an_lexicon_annotate(const AnLexicon *lx, const AnTokens *toks, AnTokenInfo *out);

/* A memo of annotated words, so a word seen before is not stemmed and looked up again.
 * Valid for one lexicon that no longer changes. NULL when out of memory; free with
 * an_word_cache_destroy (NULL is a no-op). */
typedef struct AnWordCache AnWordCache;
AnWordCache *an_word_cache_create(void);
void an_word_cache_destroy(AnWordCache *c);

/* As an_lexicon_annotate, remembering words in CACHE (which may be NULL). */
void an_lexicon_annotate_cached(const AnLexicon *lx, AnWordCache *cache, const AnTokens *toks,
                                AnTokenInfo *out);

/* A 64-bit FNV-1a digest of everything added so far, in order (for saved sessions). */
uint64_t an_lexicon_digest(const AnLexicon *lx);

#endif
