/* an_match.h: phrase patterns over tokens, compiled once, matched in time linear in the
 * reply. Each pattern belongs to a named cue ("reflect_opener", "minimizing", ...).
 *
 * Pattern syntax (elements separated by spaces):
 *   word        the folded word; contractions are expanded ("don't" = "do not")
 *   ~word       any word with the same stem ("~frustrate" matches "frustrated")
 *   @class      any word of a lexicon class ("@feeling")
 *   x?          the element is optional (also after a group: "(i am)?")
 *   (a b|c)     alternatives, each a sequence; no nesting
 *   *N          a gap of 0..N tokens inside the sentence (N <= 8)
 *   ^  $        start / end of a sentence
 *   , ? ! .     a punctuation token (a '?' standing alone is the literal question mark)
 *
 * Depends on: an_lexicon.h (string ids and classes); libc only. */
#ifndef HEARD_AN_MATCH_H
#define HEARD_AN_MATCH_H

#include <stdbool.h>

#include "game/analysis/an_lexicon.h"
#include "game/analysis/an_tokenize.h"

typedef struct AnMatcher AnMatcher;
typedef struct AnMatchScratch AnMatchScratch;

typedef struct AnMatch {
    int cue;     /* cue id (an_matcher_cue_id) */
    int pattern; /* pattern id within the matcher */
    int start;   /* first token */
    int end;     /* one past the last token */
} AnMatch;

/* Makes an empty matcher over LX (borrowed; it must outlive the matcher, and patterns
 * intern their words in it). NULL when out of memory. */
AnMatcher *an_matcher_create(AnLexicon *lx);

/* Frees M; an_matcher_destroy(NULL) is a no-op. */
void an_matcher_destroy(AnMatcher *m);

/* Compiles PATTERN under cue CUE. Returns the pattern id (>= 0), or -1 with ERR (ERRSZ
 * bytes) saying what is wrong ("unclosed '('", "unknown class @x", "matches nothing"). */
int an_matcher_add(AnMatcher *m, const char *cue, const char *pattern, char *err, size_t errsz);

/* Builds the first-token index. Call after the last an_matcher_add and before matching.
 * Returns 0 or -1 when memory runs out. */
int an_matcher_compile(AnMatcher *m);

/* Number of patterns, and pattern PATTERN as written (borrowed; "" out of range), with its
 * cue id in *CUE (may be NULL). Ids run in the order the patterns were added. */
int an_matcher_pattern_count(const AnMatcher *m);
const char *an_matcher_pattern_text(const AnMatcher *m, int pattern, int *cue);

/* Number of cues, a cue's name (borrowed, "" when out of range), a cue's id (-1 unknown). */
int an_matcher_cue_count(const AnMatcher *m);
const char *an_matcher_cue_name(const AnMatcher *m, int cue);
int an_matcher_cue_id(const AnMatcher *m, const char *name);

/* Marks cue CUE (an id) as read only by the fitted model, or tells whether it is: the rules
 * bridge leaves such cues out of the features it hands to Lua. Out of range: no-op, false. */
void an_matcher_set_model_only(AnMatcher *m, int cue);
bool an_matcher_model_only(const AnMatcher *m, int cue);

/* Scratch space for one matching thread; NULL when out of memory. Free with
 * an_match_scratch_destroy (NULL is a no-op). Valid for the matcher it was made for. */
AnMatchScratch *an_match_scratch_create(const AnMatcher *m);
void an_match_scratch_destroy(AnMatchScratch *s);

/* Finds every (start, longest end) match of every pattern in TOKS annotated by INFO and
 * writes up to MAX of them to OUT in token order. Returns how many were written. */
int an_matcher_run(const AnMatcher *m, AnMatchScratch *s, const AnTokens *toks,
                   const AnTokenInfo *info, AnMatch *out, int max);

#endif
