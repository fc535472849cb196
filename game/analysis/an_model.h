/* an_model.h: the fitted side of the analyser. Turns a reply's AnFeatures into a fixed
 * vector of numbers (each named, so weights files can be read and written by name), and
 * scores that vector with a logistic model per tag: p = 1 / (1 + exp(-(bias + w . x))).
 * The weights come from `heard train` (an_train.h) and live in scripts/rules/weights.lua.
 *
 * Depends on: an_features, an_match; libc and libm only. */
#ifndef HEARD_AN_MODEL_H
#define HEARD_AN_MODEL_H

#include "game/analysis/an_features.h"
#include "game/analysis/an_match.h"

#define AN_MODEL_TAG_MAX 24

/* The model's inputs, in a fixed order; an_model_feature_name gives each one's name. */
typedef enum AnInput {
    AN_X_WORDS,          /* log(1 + words) / 5 */
    AN_X_SENTS,          /* sentences / 6, at most 1 */
    AN_X_SHORT,          /* at most four words */
    AN_X_LONG,           /* more than forty words */
    AN_X_LEAD_REFLECT,   /* the first sentence of 3+ words opens with you/your, "so" or an opener */
    AN_X_LAST_REFLECT,   /* ... and so does the last one, which is no wh- or yes/no question */
    AN_X_CTX_SHORT,      /* the partner said at most three words ("Yeah.", "Mm-hmm.") */
    AN_X_CTX_WORDS,      /* log(1 + context words) / 5 */
    AN_X_CTX_LONG,       /* the partner said 15 words or more */
    AN_X_ECHO,           /* partner's content stems given back / 6, at most 1 */
    AN_X_ECHO_ANY,       /* at least one given back */
    AN_X_OVERLAP,        /* share of the reply's content stems found in the context */
    AN_X_FEELING,        /* names a feeling (not negated) */
    AN_X_FEELING_ECHOED, /* a feeling of the partner's, by stem or family */
    AN_X_FEELING_NAMED,  /* "you sound frustrated", "that must be hard" */
    AN_X_PERSPECTIVE,    /* the partner's I becomes the reply's you */
    AN_X_YOU_SHARE,      /* you/your per word */
    AN_X_I_SHARE,        /* I/me/my per word */
    AN_X_WE_SHARE,       /* we/us/our per word */
    AN_X_YOU_START,      /* a sentence opens with you/your */
    AN_X_I_START,        /* a sentence opens with I/my */
    AN_X_THIRD_START,    /* a sentence opens with it/that/this/there */
    AN_X_OTHER_START,    /* a sentence opens with he/she/they (someone else) */
    AN_X_SO_START,       /* a sentence opens with "so" (before fillers are skipped) */
    AN_X_SO_YOU,         /* "so you...", "so your..." */
    AN_X_SO_STATEMENT,   /* a "so ..." sentence that is not a wh- or yes/no question */
    AN_X_YOU_STATEMENT,  /* a statement about you with no I in it */
    AN_X_YOU_STMT_SHARE, /* share of sentences that are such statements */
    AN_X_OPENER,         /* a reflective opener: "sounds like", "it seems", "you feel" */
    AN_X_OPENER_MARKED,  /* ... in a sentence ending with '?' */
    AN_X_YOU_STATE,      /* "you (are) ... feel/want/think/worry" anywhere */
    AN_X_YOU_MODAL,      /* "you can/should/need to": telling, not reflecting */
    AN_X_INFORM,         /* "it is important", "research shows": giving information */
    AN_X_HEDGE,          /* "kind of", "sort of", "a little", "maybe" */
    AN_X_YOU_SAID,       /* "you mentioned", "you said" */
    AN_X_FOR_YOU,        /* "important to you", "hard for you" */
    AN_X_TWO_SIDED,      /* "on the other hand", "part of you", "and yet" */
    AN_X_AFFIRM,         /* "that's great", "good for you" */
    AN_X_PARROT,         /* share of words inside copied runs of >= 3 */
    AN_X_COPY,           /* longest copied run / 10, at most 1 */
    AN_X_Q_MARKED,       /* a sentence ends with '?' */
    AN_X_Q_LAST,         /* the last sentence with words ends with '?' */
    AN_X_Q_WH,           /* a '?' sentence opens with a wh-word or "tell me" */
    AN_X_Q_AUX,          /* a '?' sentence opens with an auxiliary ("do you", "is it") */
    AN_X_Q_DECL,         /* a '?' sentence in statement order ("you felt left out?") */
    AN_X_Q_DECL_YOU,     /* ... about you */
    AN_X_Q_TAG,          /* "right?", "okay?", "yeah?" */
    AN_X_Q_UNMARKED,     /* a question without '?' ("what else can you tell me") */
    AN_X_Q_COUNT,        /* questions / 3, at most 1 */
    AN_X_WONDER,         /* "I wonder", "I'm curious" */
    AN_X_TELL_ME,        /* "tell me a bit about", "say more" */
    AN_X_CHECK,          /* "did I get that right?", "is there more?" */
    AN_X_VALIDATION,
    AN_X_FIX_IT,
    AN_X_CRITICISM,
    AN_X_CONTEMPT,
    AN_X_MINIMIZING,
    AN_X_DEFENSIVE,
    AN_X_COUNTER,
    AN_X_NEXT_STEP,
    AN_X_OWNERSHIP,
    AN_X_APOLOGY,
    AN_X_THANKS,
    AN_X_NUMBER,   /* a number ("12 drinks a week"): information, not reflection */
    AN_X_FRAGMENT, /* the reply opens with a dash: it goes on from a cut-off turn */
    /* reflective shape that needs none of the partner's words (an_model.c: shape_inputs) */
    AN_X_YOU_INNER,       /* "you want...", "makes you feel...": a statement, no advice, no I */
    AN_X_YOU_INNER_SHARE, /* share of sentences that are such statements */
    AN_X_YOU_ARE_STATE,   /* "you're not sure...", "you seem ready": the same, with a state */
    AN_X_INFER_FEELING,   /* "it's been hard", "that must sting", "tough when..." */
    AN_X_SUMMARY,         /* "what I'm hearing", "so far you've said", "a few things" */
    AN_X_TENTATIVE,       /* "I guess you...", "I get the sense that..." */
    AN_X_CONTINUES,       /* the reply carries a sentence on: a dash, "...", lower case */
    AN_X_CTX_CUT,         /* the partner's turn breaks off: a dash, a comma, no end mark */
    AN_X_CLEAN_YOU,       /* about you, with no I of one's own, no advice, no hurting cue */
    AN_X_YOU_RATIO,       /* you / (you + I of one's own, not "I guess"), 0.5 with neither */
    AN_X_FAMILY_ECHO,     /* a word of a feeling or need family the partner named */
    AN_X_OVERLAP_FAMILY,  /* share of content words found in the context by stem or family */
    AN_X_CTX_FEELING,     /* the partner named a feeling or a need */
    AN_X_READING,         /* "it sounds like", "it seems as though" anywhere in a sentence */
    AN_X_IF_YOU,          /* "if you...", "you would need to": a condition, not their side */
    AN_X_ASKS,            /* a sentence asks (an_features.h: in form, not a restatement) */
    AN_X_ONLY_ASKS,       /* every sentence of two words or more asks */
    /* a '?' on a statement about the partner (AnSentence.said_back), read for the eval's
     * "question": does it give their words back, or put something new to them to confirm? */
    AN_X_SB,           /* the reply holds such a sentence (and none that asks in form) */
    AN_X_SB_NEW,       /* share of its content words the partner did not say (stem, family) */
    AN_X_SB_ECHO,      /* its content words the partner did say / 4, at most 1 */
    AN_X_SB_AMOUNT,    /* a number, an amount, a frequency or a time ("four years ago?") */
    AN_X_SB_SHORT,     /* at most four words ("You have?", "That worries you?") */
    AN_X_SB_LONG,      /* more than fifteen words: a summary voiced as a question */
    AN_X_SB_AFTER,     /* a statement of three words or more comes before it in the reply */
    AN_X_SB_SO,        /* it opens with "so" ("so you...?") */
    AN_X_SB_YOU_START, /* it opens with you/your */
    AN_X_SB_READING,   /* "it sounds like", "you feel like", "I guess", hedges: a reading */
    AN_X_SB_YOU_MEAN,  /* "you mean...?", "you're saying...?" */
    AN_X_SB_FEELING,   /* it names a feeling */
    AN_X_SB_NEGATED,   /* it holds a negation ("you don't wanna quit?") */
    AN_X_SB_CTX_I,     /* the partner spoke as I */
    AN_X_COUNT
} AnInput;

/* Name of input I ("echo", "q_wh"...), "" when out of range; id of a name, -1 unknown. */
const char *an_model_input_name(int i);
int an_model_input_id(const char *name);

/* How TAG's model may read input I: 1 freely; -1 only against the tag (advice, information
 * and the hurting moves are no evidence of a reflection); 0 not at all (a next step, an
 * apology or thanks often share a reply with a reflection, but say nothing either way; the
 * said_back_* inputs are for `heard train --said-back` alone). The trainer holds the weights
 * to these signs. */
int an_model_sign(const char *tag, int i);

/* The cue ids the inputs read, looked up once by name in a matcher (a missing cue gives 0). */
typedef struct AnModelCues {
    int id[AN_X_COUNT]; /* cue for an input that is one cue, else -1 */
    int hedge_i;        /* "I guess", "I mean": the listener's hedges, not their own story */
    int amount;         /* an amount, a frequency or a time (talk.lua) */
    int you_mean;       /* "you mean", "you're saying" */
} AnModelCues;

void an_model_cues_bind(AnModelCues *c, const AnMatcher *m);

/* Fills X[0 .. AN_X_COUNT-1] from F. Never fails. */
void an_model_inputs(const AnModelCues *c, const AnFeatures *f, double *x);

/* One fitted tag: p(tag) = sigmoid(bias + sum w[i] x[i]); it fires at p >= threshold. */
typedef struct AnModel {
    char tag[AN_MODEL_TAG_MAX];
    double bias;
    double w[AN_X_COUNT];
    double threshold;
} AnModel;

/* The probability model M gives inputs X. */
double an_model_score(const AnModel *m, const double *x);

/* The inputs that pushed the score up most: writes up to K input ids to TOP, strongest
 * first (only positive contributions). Returns how many. */
int an_model_explain(const AnModel *m, const double *x, int *top, int k);

#endif
