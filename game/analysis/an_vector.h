/* an_vector.h: a reply as the learned models read it. Each clause of the reply becomes one
 * instance: a set of named binary features that say what the clause does, with the reply
 * and the partner's turn around it:
 *
 *   w:STEM          a word of the clause (its stem; "wn:" when a negation covers it)
 *   b:A_B           two words side by side (stems; ^ and $ mark the clause's edges)
 *   s:A_B, s:A_B_C  the clause's shape: the same n-grams with content words replaced by what
 *                   they are: E an echo of the partner's words, F a feeling, EF the partner's
 *                   feeling, N a need, # a number, E# the partner's number, W another
 *                   content word; I, MY, YOU, YOUR, WE, OUR, 3 for pronouns
 *   subj:X          the clause's subject (an_clause.h), alone and with |e (gives back the
 *                   partner's words), |f (names a feeling), |neg (negated), |q (ends in '?')
 *   e:N, f, ef, n, e#, neg, copy3   echoes, feelings, needs, numbers, negation, copying
 *   q:mark, q:ask, q:said_back      a '?', a question in form, a statement put back to them
 *   lead:W          the word that opens the clause ("but", "well", "because"...)
 *   pos:first/last/only, nc:N, words:N, prev:..., next:...   the clause among the others
 *   cue:NAME        a phrase of the lexicon's closed sets (thanks, apologies, checks...)
 *   R:...           the whole reply (length, first word, startup, what any clause does)
 *   C:...           the partner's turn (its subjects, a question, a feeling, its length)
 *
 * Names are what weights files and explanations use; each feature also carries a 64-bit
 * key (FNV-1a of its name) for fast lookup. The features of a reply depend on nothing but
 * the reply, its context and the lexicon, so training and play read the same.
 *
 * Depends on: an_features, an_clause, an_match; libc. */
#ifndef HEARD_AN_VECTOR_H
#define HEARD_AN_VECTOR_H

#include <stdint.h>

#include "game/analysis/an_features.h"
#include "game/analysis/an_match.h"

/* One instance: features [first, first + count) of the vector, read from clause CLAUSE
 * (-1 for the whole-reply instance). */
typedef struct AnInstance {
    int clause;
    int first, count;
} AnInstance;

typedef struct AnVector {
    AnInstance *inst;
    int n_inst;
    uint64_t *keys; /* per feature: FNV-1a of its name */
    uint32_t *name; /* per feature: offset of its name in text (with AN_VEC_NAMES) */
    int *same;      /* per feature: an earlier feature with the same key (the whole-reply
                     * instance repeats the clauses'), or -1 */
    int has_names;
    int n_feat;
    char *text;    /* names, NUL-separated */
    size_t n_text; /* internal from here on */
    size_t cap_inst, cap_feat, cap_name, cap_text, cap_same;
    uint64_t *seen; /* per-instance duplicate filter */
    size_t cap_seen;
} AnVector;

/* Options of an_vectorize. */
enum {
    AN_VEC_WHOLE = 1, /* add one more instance: every clause's features together */
    AN_VEC_NAMES = 2, /* keep each feature's name (training, explanations); scoring needs
                       * only the keys */
};

/* Makes an empty vector; NULL when out of memory. Free with an_vector_destroy (NULL is a
 * no-op). Buffers are reused from call to call. */
AnVector *an_vector_create(void);
void an_vector_destroy(AnVector *v);

/* Fills V from F (the matcher M names F's cue hits). A reply with no clause gives one
 * instance with the reply and context features only. Returns 0, or -1 when memory runs out
 * (V is then empty). */
int an_vectorize(AnVector *v, const AnFeatures *f, const AnMatcher *m, int options);

/* The name of feature I of V (borrowed), or "" when V was made without AN_VEC_NAMES. */
static inline const char *an_vector_name(const AnVector *v, int i)
{
    return v->has_names ? v->text + v->name[i] : "";
}

/* FNV-1a of NAME, the key an_vectorize gives the feature so named. */
uint64_t an_vector_key(const char *name);

#endif
