/* an_features.h: what the analyser sees in a reply read against its context (the
 * partner's last turn): sentences and their questions, the partner's words and feelings
 * that come back, the change of perspective (their "I" becomes "you"), phrase-pattern cues
 * with their negation, how much is new (topic shift) and how much is copied (parroting).
 *
 * Depends on: an_tokenize, an_spell, an_lexicon, an_match, an_negation, an_clause; libc. */
#ifndef HEARD_AN_FEATURES_H
#define HEARD_AN_FEATURES_H

#include <stdbool.h>

#include "game/analysis/an_clause.h"
#include "game/analysis/an_lexicon.h"
#include "game/analysis/an_match.h"
#include "game/analysis/an_spell.h"
#include "game/analysis/an_tokenize.h"

#define AN_LIST_MAX 16 /* echoed words, feelings kept per reply */
#define AN_HITS_MAX 96 /* cue matches kept per reply */
#define AN_WINDOW 400  /* tokens of each text compared word by word (echo, copying) */

/* The closed word lists a token may be in (AnFeatures.kinds), one bit per list. */
enum {
    AN_K_FIRST = 1u << 0,  /* i, me, my, mine, myself */
    AN_K_SECOND = 1u << 1, /* you, your, yours, yourself */
    AN_K_WE = 1u << 2,     /* we, us, our */
    AN_K_WH = 1u << 3,     /* what, how, why, where, when, who, which, whose */
    AN_K_AUX = 1u << 4,    /* do, is, can, have, ... (and "else") */
    AN_K_SUBJ = 1u << 5,   /* words that can be a subject: you, i, it, that, anyone... */
    AN_K_FILLER = 1u << 6, /* so, and, well, okay, oh, um, yeah... before a sentence */
    AN_K_BE = 1u << 7,     /* am, are: folded together when comparing copied runs */
    AN_K_POSS = 1u << 8,   /* my, your */
    AN_K_ELSE = 1u << 9,   /* else */
    AN_K_TAGW = 1u << 10,  /* yes, no, really: what a lone "Yeah?" is made of */
    AN_K_PERS = 1u << 11,  /* i, you, we, he, she, they */
    AN_K_NP = 1u << 12,    /* the, a, your...: "Is your mum coming?" */
    AN_K_ANY = 1u << 13,   /* any, anything, anyone */
    AN_K_PREP = 1u << 14,  /* about, in, on...: "In what way...?" */
    AN_K_THIRD = 1u << 15, /* he, she, they, him, her, them, his, their */
    AN_K_IT = 1u << 16,    /* it, this, that, there, these, those */
    AN_K_CONJ = 1u << 17,  /* and, but, so, because, though, which...: may open a clause */
    AN_K_NEG = 1u << 18,   /* not, never, no, nothing, nobody, none */
    AN_K_LEAD = 1u << 19,  /* well, yeah, oh, sure, look, honestly...: open a clause */
    AN_K_MODAL = 1u << 20, /* will, would, can, could, should, must, might, may, shall */
};

/* What a reply token is against the context (AnFeatures.flags). */
enum {
    AN_T_ECHO = 1,         /* a content word whose stem the partner said */
    AN_T_FAMILY = 2,       /* a word of a feeling or need family the partner named */
    AN_T_FEELING = 4,      /* a feeling word */
    AN_T_NEED = 8,         /* a need word */
    AN_T_NUMBER = 16,      /* a number the partner did not say */
    AN_T_NUMBER_ECHO = 32, /* a number the partner said */
    AN_T_CAPS = 64,        /* a word typed in capitals for stress: "AND", "NEVER" */
    AN_T_INNER = 128,      /* a verb of the inner life: feel, want, miss, hope... */
};

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
    const uint32_t *kinds, *ckinds;  /* per token of reply / context: its AN_K_* lists */
    const AnClause *clauses;         /* the reply's clauses, in order (an_clause.h) */
    int n_clauses;
    const uint8_t *flags;     /* per reply token: AN_T_* */
    const AnClause *cclauses; /* the context's clauses */
    int n_cclauses;
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

/* Reads words through SP (borrowed, may be NULL: words stand as typed) from now on. */
void an_analyser_set_speller(AnAnalyser *a, AnSpeller *sp);

/* Reads REPLY against CONTEXT (either may be NULL or empty, any bytes). Returns the
 * features, borrowed from A and valid until the next call, or NULL when memory runs out. */
const AnFeatures *an_analyse(AnAnalyser *a, const char *context, const char *reply);

/* The reply text of tokens [start, end) as a pointer into the cleaned reply and a length
 * (always valid UTF-8). */
const char *an_features_span(const AnFeatures *f, int start, int end, size_t *len);

#endif
