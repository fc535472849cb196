/* an_train.h: fitting the analyser's models. An L2-regularised logistic regression solved
 * by Newton's method on standardised inputs (deterministic: no random start, no shuffling),
 * and the choice of a decision threshold that puts precision first.
 *
 * Depends on: libc and libm only. */
#ifndef HEARD_AN_TRAIN_H
#define HEARD_AN_TRAIN_H

/* Fits p(y=1|x) = sigmoid(bias + w . x) to N rows of D inputs (X row-major, N*D values)
 * with labels Y (0 or 1), minimising the log loss plus L2/2 |w|^2 on the standardised
 * weights (the bias is not penalised). Inputs that never vary get weight 0. Writes D
 * weights to W and the bias to *BIAS, both in the units of X. Returns the Newton steps
 * taken (>= 1), or -1 when N or D is not positive or memory runs out. */
int an_train_logistic(const double *x, const unsigned char *y, int n, int d, double l2, double *w,
                      double *bias);

/* As an_train_logistic, with SIGN (D values, or NULL: all 1): an input with sign 0 is not
 * read (weight 0), one with sign -1 may only lower the score: when the fit gives it a
 * positive weight, it is held at 0 and the rest refitted, until no such weight is positive.
 * Returns the Newton steps taken in all, or -1 as an_train_logistic does. */
int an_train_logistic_signed(const double *x, const unsigned char *y, int n, int d, double l2,
                             const signed char *sign, double *w, double *bias);

/* The lowest threshold T among the scores P (N rows, labels Y) at which firing on P >= T
 * keeps precision >= MIN_PRECISION, i.e. the most recall that precision allows. Returns
 * 1.0 (never fires below certainty) when no threshold reaches MIN_PRECISION. */
double an_train_threshold(const double *p, const unsigned char *y, int n, double min_precision);

/* The threshold T among the scores P (N rows, labels Y) that gives the best F1 when the
 * rows with P >= T are said yes, on top of counts from rows decided some other way (TP0,
 * FP0, FN0): precision and recall balanced. The highest such T on ties; 1.0 when saying
 * yes to none is best. */
double an_train_threshold_f1(const double *p, const unsigned char *y, int n, int tp0, int fp0,
                             int fn0);

#endif
