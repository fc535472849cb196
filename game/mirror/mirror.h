/* mirror.h: an example of saying it back, built from the partner's own words, for the
 * listener to see after a miss (docs/scoring.md). "I'm tired of reheating stuff on the
 * stove" becomes "So you're tired of reheating stuff on the stove. Did I get that?": the
 * partner's sentences turned to the listener's side (I, me, my, mine, myself, we ... and
 * you, your ... swap sides, with the verbs that agree with them), a question said back as
 * "you're asking: ...?", a request or a command as "you'd like me to ...", the feeling they
 * named kept, and a check at the end. It reads words, not minds: it is an example for the
 * listener to put into their own words, never scored.
 *
 * Uses the analyser's tokenizer (game/analysis/an_tokenize.h) for words, contractions and
 * sentences; no learned models, no Lua, no SDL. */
#ifndef HEARD_MIRROR_H
#define HEARD_MIRROR_H

#include <stddef.h>

/* Room for any example mirror_example writes, terminator included. */
#define MIRROR_MAX 600

/* Writes into OUT (SIZE bytes, at least MIRROR_MAX for the whole of it; less is cut at a
 * character) an example of saying WORDS back, the partner's words as typed (UTF-8, valid or
 * not). Returns 0, or -1 with OUT "" when the words hold nothing to say back (nothing typed,
 * only punctuation or a word like "ugh") or memory runs out. Uses at most the first two
 * sentences that say something, and the feeling named in a later one. */
int mirror_example(const char *words, char *out, size_t size);

#endif
