/* an_learn.h: from labelled replies to the models of an_model.h, measured honestly.
 *
 * an_learn_models fits one model per tag on a set of rows and picks each tag's threshold on
 * scores of rows the fit did not see: it leaves each training file out in turn (or, with a
 * single file, each quarter of its groups, e.g. transcripts), fits on the rest, scores the
 * part left out, and takes the threshold with the best F1 over all those scores. Nothing
 * is chosen on rows a model was fitted on.
 *
 * Which rows a tag is learnt from follows who says it (LABELS.md): listener moves from
 * replies (rows with a context), speaker moves (soft_startup, request) from opening lines
 * (rows without), criticism and contempt from both.
 *
 * Depends on: an_train, an_model; libc and libm. */
#ifndef HEARD_AN_LEARN_H
#define HEARD_AN_LEARN_H

#include "game/analysis/an_model.h"
#include "game/analysis/an_train.h"

/* The tags of the couples domain in LABELS.md order (those the shared data labels), with
 * "question" for a reply that really asks, of either kind: the question's form says which
 * kind (an_features.h). */
extern const char *const AN_LEARN_COUPLES_TAGS[];
extern const int AN_LEARN_COUPLES_TAG_COUNT;

/* 1 when TAG is a move that hurts (LABELS.md): it costs points. */
int an_learn_hurts(const char *tag);

/* Who says TAG: 1 the listener only, 2 the speaker only, 3 both. */
int an_learn_scope(const char *tag);

/* The settings every fit uses (C, rounds, feature counts): fixed for all tags and chosen
 * by leave-one-file-out (docs/analyser.md). */
AnFitParams an_learn_defaults(void);

/* The settings of the counselling domain's reflection model: counselling replies reflect in
 * more ways than couples do, and a stronger penalty holds on halves of unseen transcripts
 * (docs/analyser.md). */
AnFitParams an_learn_counselling_defaults(void);

/* The counselling domain, added to OUT: reflection from the counselling rows CROWS (count
 * NC) alone; the hurting moves (counter_complaint, defensive, criticism, contempt,
 * minimizing, fix_it) from the couples rows KROWS (count NK) together with the counselling
 * rows, which carry none of them: a counsellor's "you drink twelve a week" is no
 * criticism. Returns 0 or -1 as an_learn_models. */
int an_learn_counselling(const AnDataset *ds, const int *crows, int nc, const int *krows, int nk,
                         const int *startup, AnModels *out);

/* Fits every tag of TAGS (N of them) on the rows ROWS (count NROWS) of DS, where STARTUP[r]
 * says whether row r is an opening line, and adds them to OUT under DOMAIN with their
 * thresholds. Returns 0, or -1 when memory runs out or a fit fails. */
int an_learn_models(const AnDataset *ds, const int *rows, int nrows, const int *startup,
                    const char *const *tags, int n, const AnFitParams *p, const char *domain,
                    AnModels *out);

#endif
