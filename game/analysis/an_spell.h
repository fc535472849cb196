/* an_spell.h: reads words as people type them. British and American spellings and common
 * typos become one word before the analyser stems and compares them: "realise" and
 * "realize", "colour" and "color", "travelling" and "traveling", "becuase" and "because",
 * "vaccuum" and "vacuum". Names typed in lower case ("kayla", "monday") stand as typed.
 *
 * The dictionaries are hunspell's (Debian hunspell-en-us and hunspell-en-gb): a word the
 * American dictionary knows stands; a word only the British one knows is a British spelling,
 * read as its American variant when one is a single variant edit away (s/z, "our"/"or", a
 * doubled consonant, "re"/"er"); a word neither knows is a typo, read as the known word one
 * cheap edit away (a swap of two letters, a doubled or undoubled letter, or one letter more,
 * less or different in a longer word) when exactly one such word is cheapest. Anything else
 * stands as typed. Results are remembered per word.
 *
 * Depends on: hunspell, an_tokenize; libc. */
#ifndef HEARD_AN_SPELL_H
#define HEARD_AN_SPELL_H

#include "game/analysis/an_tokenize.h"

typedef struct AnSpeller AnSpeller;

/* Makes a speller over the dictionaries en_US.{aff,dic} and en_GB.{aff,dic} in DIR (NULL:
 * /usr/share/hunspell). They are loaded on first use, so making one costs nothing.
 * NULL when out of memory. Free with an_speller_destroy (NULL is a no-op). */
AnSpeller *an_speller_create(const char *dir);
void an_speller_destroy(AnSpeller *sp);

/* 1 when the American dictionary is there (loading it if need be), else 0: the speller then
 * leaves every word as typed. */
int an_speller_ready(AnSpeller *sp);

/* The spelling to read WORD (folded, NUL-terminated) as, or NULL when it stands as typed.
 * The result is borrowed from SP and valid until the next call. */
const char *an_speller_fix(AnSpeller *sp, const char *word);

/* Applies an_speller_fix to every word token of T (an_tokens_set_text). Returns how many
 * words changed, or -1 when memory runs out (T may be partly fixed). SP may be NULL. */
int an_speller_fix_tokens(AnSpeller *sp, AnTokens *t);

#endif
