/* an_negation.h: negation scope. A negator ("not", "never", "no", ...) covers the words
 * after it up to the end of its clause (punctuation, "but", "because", ...), so that
 * "I don't think you're overreacting" does not count as telling someone they overreact.
 *
 * Depends on: an_tokenize.h, an_lexicon.h; libc only. */
#ifndef HEARD_AN_NEGATION_H
#define HEARD_AN_NEGATION_H

#include <stdbool.h>

#include "game/analysis/an_lexicon.h"
#include "game/analysis/an_tokenize.h"

/* True when the folded word W negates what follows it. */
bool an_is_negator(const char *w);

/* Sets INFO[i].negated for every token of TOKS inside a negation scope (the negator itself
 * is not inside its own scope). Never fails. */
void an_negation_mark(const AnTokens *toks, AnTokenInfo *info);

#endif
