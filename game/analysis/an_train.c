/* an_train.c: logistic regression by Newton's method (Cholesky solve of the Hessian) and a
 * precision-first threshold. Depends on libc and libm only. */
#include "game/analysis/an_train.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS 60

/* Solves A v = b in place (A is K*K symmetric positive definite, overwritten by its
 * Cholesky factor; b becomes v). Returns -1 when A is not positive definite. */
static int cholesky_solve(double *a, double *b, int k)
{
    for (int j = 0; j < k; j++) {
        double s = a[j * k + j];
        for (int p = 0; p < j; p++)
            s -= a[j * k + p] * a[j * k + p];
        if (s <= 0)
            return -1;
        a[j * k + j] = sqrt(s);
        for (int i = j + 1; i < k; i++) {
            double t = a[i * k + j];
            for (int p = 0; p < j; p++)
                t -= a[i * k + p] * a[j * k + p];
            a[i * k + j] = t / a[j * k + j];
        }
    }
    for (int i = 0; i < k; i++) { /* L z = b */
        double t = b[i];
        for (int p = 0; p < i; p++)
            t -= a[i * k + p] * b[p];
        b[i] = t / a[i * k + i];
    }
    for (int i = k - 1; i >= 0; i--) { /* L^T v = z */
        double t = b[i];
        for (int p = i + 1; p < k; p++)
            t -= a[p * k + i] * b[p];
        b[i] = t / a[i * k + i];
    }
    return 0;
}

/* Column means and spreads; a column that never varies gets spread 0. */
static void standardise(const double *x, int n, int d, double *mu, double *sd)
{
    for (int j = 0; j < d; j++) {
        double m = 0, v = 0;
        for (int i = 0; i < n; i++)
            m += x[(size_t)i * d + j];
        m /= n;
        for (int i = 0; i < n; i++) {
            double e = x[(size_t)i * d + j] - m;
            v += e * e;
        }
        mu[j] = m;
        sd[j] = sqrt(v / n) > 1e-9 ? sqrt(v / n) : 0.0;
    }
}

/* One Newton step on THETA (K = D+1, theta[0] the bias, the rest standardised weights).
 * Returns the largest change, or -1 when the system cannot be solved. */
static double newton_step(const double *x, const unsigned char *y, int n, int d, double l2,
                          const double *mu, const double *sd, double *theta, double *h, double *g,
                          double *z)
{
    int k = d + 1;
    memset(h, 0, (size_t)k * k * sizeof *h);
    memset(g, 0, (size_t)k * sizeof *g);
    for (int i = 0; i < n; i++) {
        z[0] = 1.0;
        double s = theta[0];
        for (int j = 0; j < d; j++) {
            z[j + 1] = sd[j] > 0 ? (x[(size_t)i * d + j] - mu[j]) / sd[j] : 0.0;
            s += theta[j + 1] * z[j + 1];
        }
        double p = 1.0 / (1.0 + exp(-s)), r = p - y[i], wt = p * (1.0 - p);
        for (int a = 0; a < k; a++) {
            g[a] += r * z[a];
            if (z[a] == 0.0)
                continue;
            for (int b = 0; b <= a; b++)
                h[a * k + b] += wt * z[a] * z[b];
        }
    }
    for (int a = 0; a < k; a++)
        for (int b = 0; b < a; b++)
            h[b * k + a] = h[a * k + b];
    for (int a = 1; a < k; a++) {
        g[a] += l2 * theta[a];
        h[a * k + a] += sd[a - 1] > 0 ? l2 : 1.0; /* a constant column stays at 0 */
    }
    h[0] += 1e-9;
    if (cholesky_solve(h, g, k) < 0)
        return -1;
    double most = 0;
    for (int a = 0; a < k; a++) {
        theta[a] -= g[a];
        most = fmax(most, fabs(g[a]));
    }
    return most;
}

int an_train_logistic(const double *x, const unsigned char *y, int n, int d, double l2, double *w,
                      double *bias)
{
    if (n <= 0 || d <= 0)
        return -1;
    int k = d + 1, steps = 0;
    double *mu = calloc((size_t)d, sizeof *mu), *sd = calloc((size_t)d, sizeof *sd);
    double *theta = calloc((size_t)k, sizeof *theta), *h = malloc((size_t)k * k * sizeof *h);
    double *g = malloc((size_t)k * sizeof *g), *z = malloc((size_t)k * sizeof *z);
    if (mu && sd && theta && h && g && z) {
        standardise(x, n, d, mu, sd);
        while (steps < MAX_STEPS) {
            double change = newton_step(x, y, n, d, l2, mu, sd, theta, h, g, z);
            steps++;
            if (change < 0) {
                steps = -1;
                break;
            }
            if (change < 1e-9)
                break;
        }
        if (steps > 0) {
            *bias = theta[0];
            for (int j = 0; j < d; j++) {
                w[j] = sd[j] > 0 ? theta[j + 1] / sd[j] : 0.0;
                *bias -= w[j] * mu[j];
            }
        }
    } else {
        steps = -1;
    }
    free(mu), free(sd), free(theta), free(h), free(g), free(z);
    return steps;
}

/* Makes column J of the N*D rows X all zeros: an input that never varies gets weight 0. */
static void clear_column(double *x, int n, int d, int j)
{
    for (int i = 0; i < n; i++)
        x[(size_t)i * d + j] = 0.0;
}

int an_train_logistic_signed(const double *x, const unsigned char *y, int n, int d, double l2,
                             const signed char *sign, double *w, double *bias)
{
    if (!sign)
        return an_train_logistic(x, y, n, d, l2, w, bias);
    if (n <= 0 || d <= 0)
        return -1;
    double *xc = malloc((size_t)n * d * sizeof *xc);
    if (!xc)
        return -1;
    memcpy(xc, x, (size_t)n * d * sizeof *xc);
    for (int j = 0; j < d; j++)
        if (sign[j] == 0)
            clear_column(xc, n, d, j);
    int total = 0;
    for (int round = 0; round <= d; round++) {
        int steps = an_train_logistic(xc, y, n, d, l2, w, bias);
        if (steps < 0) {
            total = -1;
            break;
        }
        total += steps;
        int held = 0;
        for (int j = 0; j < d; j++)
            if (sign[j] < 0 && w[j] > 0) {
                clear_column(xc, n, d, j);
                held++;
            }
        if (held == 0)
            break;
    }
    free(xc);
    return total;
}

typedef struct Ranked {
    double p;
    int i;
} Ranked;

static int by_score_desc(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? 1 : -1;
    return x->i - y->i;
}

double an_train_threshold(const double *p, const unsigned char *y, int n, double min_precision)
{
    Ranked *r = malloc((size_t)(n > 0 ? n : 1) * sizeof *r);
    if (!r)
        return 1.0;
    for (int i = 0; i < n; i++)
        r[i] = (Ranked){p[i], i};
    qsort(r, (size_t)n, sizeof *r, by_score_desc);
    double best = 1.0;
    int tp = 0, fp = 0;
    for (int k = 0; k < n; k++) {
        tp += y[r[k].i] != 0;
        fp += y[r[k].i] == 0;
        int last_of_tie = k + 1 == n || r[k + 1].p != r[k].p;
        if (last_of_tie && tp > 0 && (double)tp / (tp + fp) >= min_precision)
            best = r[k].p;
    }
    free(r);
    return best;
}

double an_train_threshold_f1(const double *p, const unsigned char *y, int n, int tp0, int fp0,
                             int fn0)
{
    Ranked *r = malloc((size_t)(n > 0 ? n : 1) * sizeof *r);
    if (!r)
        return 1.0;
    int pos = 0;
    for (int i = 0; i < n; i++) {
        r[i] = (Ranked){p[i], i};
        pos += y[i] != 0;
    }
    qsort(r, (size_t)n, sizeof *r, by_score_desc);
    double best = 1.0, best_f1 = 2.0 * tp0 / (2.0 * tp0 + fp0 + fn0 + pos + 1e-12);
    int tp = 0, fp = 0;
    for (int k = 0; k < n; k++) {
        tp += y[r[k].i] != 0;
        fp += y[r[k].i] == 0;
        if (k + 1 < n && r[k + 1].p == r[k].p)
            continue; /* a threshold takes a whole tie */
        double f1 = 2.0 * (tp0 + tp) / (2.0 * (tp0 + tp) + fp0 + fp + fn0 + pos - tp);
        if (f1 > best_f1) {
            best_f1 = f1;
            best = r[k].p;
        }
    }
    free(r);
    return best;
}
