/* an_features.h: what the analyser sees in a reply read against its context (the
 * partner's last turn): sentences and their questions, the partner's words and feelings
 * that come back, the change of perspective (their "I" becomes "you"), phrase-pattern cues
 * with their negation, how much is new (topic shift) and how much is copied (parroting).
 *
 * Depends on: an_tokenize, an_lexicon, an_match, an_negation; libc only. */
#ifndef HEARD_AN_FEATURES_H
#define HEARD_AN_FEATURES_H

#include <stdbool.h>

#include "game/analysis/an_lexicon.h"
#include "game/analysis/an_match.h"
#include "game/analysis/an_tokenize.h"

#define AN_LIST_MAX 16 /* echoed words, feelings kept per reply */
#define AN_HITS_MAX 96 /* cue matches kept per reply */
#define AN_WINDOW 400  /* tokens of each text compared word by word (echo, copying) */

typedef enum AnQuestion { AN_Q_NONE = 0, AN_Q_OPEN = 1, AN_Q_CLOSED = 2 } AnQuestion;

typedef struct AnHit {
    int cue;        /* matcher cue id */
    int start, end; /* reply tokens [start, end) */
    int sentence;
    bool negated; /* the match starts inside a negation scope */
} AnHit;

typedef struct AnSentence {
    int start, end; /* reply tokens [start, end), end includes the sentence mark */
    int first;      /* first token after fillers ("so", "well", "okay,"), or end */
    AnQuestion question;
    bool marked;       /* ends with '?' */
    int first_person;  /* i, me, my, mine, myself */
    int second_person; /* you, your, yours, yourself */
    int we;            /* we, us, our */
    int words;
    int echoes;     /* content words whose stem the context holds */
    int content;    /* content words (in the first AN_WINDOW tokens) */
    int related;    /* ... found in the context by stem or by feeling/need family */
    bool asks;      /* a question in form, or a '?' that is not about the partner (see asking) */
    bool said_back; /* a '?' on a statement about the partner ("So you think it began four
                     * years ago?"): the form leaves open whether it asks (an_model) */
} AnSentence;

typedef struct AnFeatures {
    const AnTokens *reply, *context;
    const AnTokenInfo *info, *cinfo; /* per token of reply / context */
    int words, content_words;
    int echo[AN_LIST_MAX]; /* reply tokens whose stem is a content stem of the context */
    int n_echo;
    int feelings[AN_LIST_MAX];        /* reply tokens in the "feeling" class, not negated */
    bool feeling_echoed[AN_LIST_MAX]; /* its family (or stem) is among the context's */
    int n_feelings;
    int ctx_feelings, ctx_first_person, ctx_second_person, ctx_words;
    int first_person, second_person; /* in the reply */
    bool perspective_shift;          /* context speaks as I/my, reply answers with you/your */
    const AnSentence *sents;
    int n_sents;
    int questions, open_questions, closed_questions;
    int asking;    /* sentences that ask: the eval's "question", never shown to players */
    int said_back; /* sentences with said_back set: asking or not is the model's call */
    AnHit hits[AN_HITS_MAX];
    int n_hits;
    double overlap;        /* share of reply content stems found in the context */
    double overlap_family; /* ... found by stem or by feeling/need family ("alone": "lonely") */
    int family_echo;       /* reply words of a feeling or need family the context names */
    int ctx_families;      /* context words of a feeling or need family */
    double topic_shift;    /* 1 - overlap when the reply has content words, else 0 */
    double parrot;         /* share of reply words inside runs of >= 3 words copied */
    int longest_copy;      /* longest run of words copied from the context */
} AnFeatures;

typedef struct AnAnalyser AnAnalyser;

/* Makes an analyser over LX and M (both borrowed, compiled, outliving it). NULL when out of
 * memory. Free with an_analyser_destroy (NULL is a no-op). */
AnAnalyser *an_analyser_create(const AnLexicon *lx, const AnMatcher *m);
void an_analyser_destroy(AnAnalyser *a);

/* Reads REPLY against CONTEXT (either may be NULL or empty, any bytes). Returns the
 * features, borrowed from A and valid until the next call, or NULL when memory runs out. */
const AnFeatures *an_analyse(AnAnalyser *a, const char *context, const char *reply);

/* The reply text of tokens [start, end) as a pointer into the cleaned reply and a length
 * (always valid UTF-8). */
const char *an_features_span(const AnFeatures *f, int start, int end, size_t *len);

#endif
