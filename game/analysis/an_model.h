/* an_model.h: the learned models that name a reply's moves. One linear model per tag and
 * per domain ("couples" for the game, "counselling" for transcripts of counselling talk)
 * scores every clause of a reply (an_vector.h): s = bias + sum of the weights of the
 * clause's features, and the reply's probability is p = 1 / (1 + exp(-max s)): a reply
 * carries a tag when one of its clauses does, so a hurting clause cannot hide a reflecting
 * one. The tag fires at p >= its threshold. The clause with the highest score is the one
 * that decided, and its strongest features say why.
 *
 * The weights come from `heard train` (an_train.h) and live in a text file
 * (scripts/rules/weights.txt):
 *
 *   heard-weights 2
 *   domain couples
 *   tags reflection feeling ...        (the tags of the domain, in column order)
 *   bias -2.31 -3.05 ...               (one number per tag)
 *   threshold 0.42 0.5 ...
 *   exclusive check contempt           (two tags the labelled data never gives one reply:
 *   exclusive contempt thanks first     the surer one fires, or with "first" the first)
 *   w s:you_F 12345 -880 ...           (a feature's weight per tag, in units of 1/10000)
 *   domain counselling
 *   ...
 *
 * Lines starting with '#' are comments (the header says how the file was made).
 *
 * Depends on: an_vector; libc and libm. */
#ifndef HEARD_AN_MODEL_H
#define HEARD_AN_MODEL_H

#include <stddef.h>

#include "game/analysis/an_vector.h"

#define AN_MODEL_TAG_MAX 24  /* bytes of a tag name, NUL included */
#define AN_MODEL_TAGS_MAX 32 /* tags per domain */
#define AN_MODEL_TOP 3       /* features named for each decision */

typedef struct AnModels AnModels;

/* Reads the weights in TEXT (LEN bytes; NAME for messages). NULL when the text is not a
 * weights file or memory runs out, with ERR (ERRSZ bytes) saying "NAME:LINE: what". The
 * caller owns the result; free it with an_models_destroy (NULL is a no-op). */
AnModels *an_models_parse(const char *text, size_t len, const char *name, char *err, size_t errsz);
void an_models_destroy(AnModels *ms);

/* An empty set of models, for the trainer to fill with an_models_add. NULL when out of
 * memory. */
AnModels *an_models_create(void);

/* Adds to MS (domain DOMAIN, made if new) the model of TAG: BIAS, THRESHOLD, and the weight
 * W[i] of the feature named NAMES[i], for i < N (weights of 0 are left out). Returns 0, or
 * -1 when a name is too long, the domain has AN_MODEL_TAGS_MAX tags, the tag is there
 * already, or memory runs out. */
int an_models_add(AnModels *ms, const char *domain, const char *tag, double bias, double threshold,
                  const char *const *names, const double *w, int n);

/* Marks tags A and B of DOMAIN as exclusive: when both fire on a reply, only A fires when
 * FIRST_STAYS, else the one whose probability is further past its threshold (by ratio).
 * Returns 0, or -1 when the domain or a tag is unknown, A is B, or the domain holds too
 * many pairs. */
int an_models_add_exclusive(AnModels *ms, const char *domain, const char *a, const char *b,
                            int first_stays);

/* Adds to DST every model of domain DOMAIN of SRC (DST must not have that domain yet).
 * Returns 0, or -1 when SRC has no such domain or memory runs out. */
int an_models_copy_domain(AnModels *dst, const AnModels *src, const char *domain);

/* Writes MS in the file format above to FP, after the comment lines of HEADER (each line
 * of it is written with "# " before it). Returns 0 or -1 on a write error. */
int an_models_write(const AnModels *ms, const char *header, void *fp);

/* The index of DOMAIN in MS, or -1. How many tags it has and the name of tag T (borrowed;
 * "" out of range). The index of TAG in DOMAIN, or -1. */
int an_models_domain(const AnModels *ms, const char *domain);
int an_models_tag_count(const AnModels *ms, int domain);
const char *an_models_tag(const AnModels *ms, int domain, int t);
int an_models_tag_index(const AnModels *ms, int domain, const char *tag);
double an_models_threshold(const AnModels *ms, int domain, int t);

/* What one tag's model says of a reply. */
typedef struct AnTagScore {
    double p;         /* probability of the reply's best clause */
    double threshold; /* fires at p >= threshold */
    int fires;
    int instance;               /* the instance (an_vector.h) with the highest score */
    int clause;                 /* the clause that scored highest, -1 when there is none */
    int top[AN_MODEL_TOP];      /* its features (vector indices) that pushed p up most */
    double top_w[AN_MODEL_TOP]; /* and their weights */
    int ntop;
} AnTagScore;

/* Scores every tag of DOMAIN on V, writing one AnTagScore per tag (in the domain's tag
 * order) to OUT (room for MAX). Returns how many were written, or -1 when DOMAIN is out of
 * range. A vector with no instance gives p of the bias alone. */
int an_models_score(const AnModels *ms, int domain, const AnVector *v, AnTagScore *out, int max);

/* Fills the features that weighed most (top, top_w, ntop) of S, the score an_models_score
 * gave tag TAG (its index in DOMAIN) on V. Apart, because scoring needs none of it. */
void an_models_explain(const AnModels *ms, int domain, int tag, const AnVector *v, AnTagScore *s);

/* Of each exclusive pair of DOMAIN whose tags both fire in OUT (N scores, in the domain's
 * tag order) and are both LIVE (LIVE[t] != 0: the tags the writer's role may carry), keeps
 * only one (an_models_add_exclusive). A reflection and a counter-complaint that fire on the
 * same clause are read the surer way too: one clause does not both say it back and bring a
 * complaint of one's own. */
void an_models_resolve(const AnModels *ms, int domain, AnTagScore *out, int n,
                       const unsigned char *live);

#endif
