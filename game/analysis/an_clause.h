/* an_clause.h: a reply read clause by clause. Each sentence is cut where a new clause
 * starts: at a comma, a semicolon, a colon or a dash, and before a conjunction that opens
 * one ("but", "because", "though", "which"; "and", "so" and "or" when a subject follows).
 * A clause made only of opening words ("Well,", "Yeah,", "Oh no,") leads the next one.
 * Each clause knows its subject: the replier ("I"), their things ("my"), the partner
 * ("you", "your"), both ("we"), someone else ("they", "mum"), a thing ("it", "that"), a
 * question's order ("what", "did you"), or none (a fragment: "two hours on your feet").
 *
 * Depends on: an_tokenize, an_features (the token word lists); libc. */
#ifndef HEARD_AN_CLAUSE_H
#define HEARD_AN_CLAUSE_H

#include <stdbool.h>
#include <stdint.h>

#include "game/analysis/an_tokenize.h"

typedef enum AnSubject {
    AN_SUBJ_NONE = 0, /* a fragment: no subject, no verb */
    AN_SUBJ_I,        /* i, me */
    AN_SUBJ_MY,       /* my ..., mine */
    AN_SUBJ_YOU,      /* you */
    AN_SUBJ_YOUR,     /* your ..., yours */
    AN_SUBJ_WE,       /* we, us, our */
    AN_SUBJ_THEY,     /* he, she, they, his, their */
    AN_SUBJ_IT,       /* it, this, that, there */
    AN_SUBJ_OTHER,    /* a noun phrase with a verb: "the toaster broke", "mum called" */
    AN_SUBJ_ASK,      /* a wh-word or an auxiliary first: "what happened", "did you" */
    AN_SUBJ_VERB,     /* a verb first, no subject: "calm down", "try the shop" */
    AN_SUBJ_COUNT
} AnSubject;

typedef struct AnClause {
    int start, end; /* reply tokens [start, end), punctuation included */
    int head;       /* the first token after the opening words, or end when none */
    int sentence;
    AnSubject subject;
    bool verb; /* a finite verb: an auxiliary or modal, or a word after a pronoun subject */
    int words;
} AnClause;

/* Short name of S ("i", "you", "none"...), for feature names and the rules. */
const char *an_subject_name(AnSubject s);

/* Splits the tokens T (word lists KINDS per token, AN_K_* of an_features.h) into clauses,
 * sentence by sentence, writing at most MAX to OUT. Returns how many. */
int an_clauses_split(const AnTokens *t, const uint32_t *kinds, AnClause *out, int max);

#endif
