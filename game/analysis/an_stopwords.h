/* an_stopwords.h: English function words that carry no topic ("the", "and", "was", "you").
 * Content words are the words that are not stop words.
 *
 * Depends on: libc only. */
#ifndef HEARD_AN_STOPWORDS_H
#define HEARD_AN_STOPWORDS_H

#include <stdbool.h>

/* True when the folded word WORD is a stop word. */
bool an_is_stopword(const char *word);

#endif
