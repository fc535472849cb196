/* an_train.h: fitting the linear models of an_model.h with liblinear (L2-regularised
 * logistic regression, Debian liblinear-dev), one tag at a time, from labelled replies.
 *
 * A reply is a bag of instances, one per clause (an_vector.h), and its label says only that
 * some clause does the move. The fit finds which (multiple-instance learning): it first
 * takes every clause of a labelled reply as doing the move, then, for a few rounds, keeps
 * only each labelled reply's best-scoring clause as the one that does, while every clause of
 * an unlabelled reply stays a clause that does not. A reply's score is its best clause's.
 *
 * Only features seen in at least MIN_FILES of the training files (and MIN_ROWS rows) are
 * read: a phrase one writer uses says nothing about the next writer. Rows from fewer files
 * than that need every file they come from.
 *
 * Depends on: an_vector, liblinear; libc and libm. */
#ifndef HEARD_AN_TRAIN_H
#define HEARD_AN_TRAIN_H

#include "game/analysis/an_vector.h"

typedef struct AnDataset AnDataset;

/* An empty dataset; NULL when out of memory. Free with an_dataset_destroy (NULL no-op). */
AnDataset *an_dataset_create(void);
void an_dataset_destroy(AnDataset *ds);

/* Adds a row: the instances of V (made with AN_VEC_NAMES), the labels LABELS (tags joined by '|'),
 * the index FILE of the file it came from (0..31) and GROUP (a transcript or other unit a split
 * must keep whole; any number). Returns the row's index, or -1 when memory runs out or FILE is out
 * of range or V has no names. */
int an_dataset_add(AnDataset *ds, const AnVector *v, const char *labels, int file, int group);

int an_dataset_rows(const AnDataset *ds);
int an_dataset_file(const AnDataset *ds, int row);
int an_dataset_group(const AnDataset *ds, int row);
/* 1 when row ROW is labelled TAG. */
int an_dataset_has(const AnDataset *ds, int row, const char *tag);
/* How many distinct features the dataset holds, and the name of feature ID (borrowed). */
int an_dataset_features(const AnDataset *ds);
const char *an_dataset_feature_name(const AnDataset *ds, int id);

typedef struct AnFitParams {
    double c;          /* liblinear's C: the inverse of the L2 penalty */
    int rounds;        /* multiple-instance rounds after the first fit (0: every clause counts) */
    int min_files;     /* a feature must occur in this many training files ... */
    int min_rows;      /* ... and this many training rows */
    double pos_weight; /* weight of the clauses that do the move (1: as many as the rest) */
} AnFitParams;

/* A fitted tag: the bias and a weight per dataset feature (0 for unread features). */
typedef struct AnFit {
    double bias;
    double *w; /* an_dataset_features(ds) weights, owned */
} AnFit;

/* Fits TAG on the N rows ROWS of DS. Returns 0 and fills OUT (free with an_fit_free), or -1
 * when memory runs out or liblinear refuses the problem (OUT is then empty). */
int an_fit(const AnDataset *ds, const int *rows, int n, const char *tag, const AnFitParams *p,
           AnFit *out);
void an_fit_free(AnFit *fit);

/* The decision value (bias + weights) of ROW's best instance under FIT. */
double an_fit_score(const AnDataset *ds, const AnFit *fit, int row);

/* The threshold on decision values S (N of them, with GOLD 0/1) that gives the best F-beta
 * (BETA 1: F1; below 1 puts precision first). The threshold lies halfway between two
 * neighbouring values; with no positive it is +inf. */
double an_best_threshold(const double *s, const int *gold, int n, double beta);

#endif
