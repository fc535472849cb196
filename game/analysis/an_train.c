/* an_train.c: datasets of replies as bags of clause instances, and fitting a tag with
 * liblinear over them (see an_train.h). Depends on an_vector, liblinear, libc and libm. */
#include "game/analysis/an_train.h"

#include <linear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FILES_MAX 32

typedef struct Row {
    int inst_first, n_inst;
    size_t labels; /* offset in text */
    int file, group;
} Row;

struct AnDataset {
    /* the feature dictionary: key -> id */
    uint64_t *keys;
    size_t *name_at; /* offset of each feature's name in text */
    int nfeat, capfeat;
    uint32_t *slots; /* id + 1, 0 empty */
    uint32_t nslots;
    /* rows, their instances and the features of each instance */
    Row *rows;
    int nrows, caprows;
    int *inst; /* per instance: first feature in feats; instance i spans [inst[i], inst[i+1]) */
    int ninst, capinst;
    int *feats;
    int nfeats, capfeats;
    char *text;
    size_t ntext, captext;
};

static int grow(void **p, int *cap, int need, size_t elem)
{
    if (*cap >= need)
        return 0;
    int n = *cap ? *cap : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, (size_t)n * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

AnDataset *an_dataset_create(void)
{
    AnDataset *ds = calloc(1, sizeof *ds);
    if (!ds)
        return NULL;
    ds->capinst = 256;
    ds->inst = malloc((size_t)ds->capinst * sizeof *ds->inst);
    if (!ds->inst) {
        free(ds);
        return NULL;
    }
    ds->inst[0] = 0;
    return ds;
}

void an_dataset_destroy(AnDataset *ds)
{
    if (!ds)
        return;
    free(ds->keys);
    free(ds->name_at);
    free(ds->slots);
    free(ds->rows);
    free(ds->inst);
    free(ds->feats);
    free(ds->text);
    free(ds);
}

static long add_text(AnDataset *ds, const char *s)
{
    size_t n = strlen(s) + 1;
    if (ds->ntext + n > ds->captext) {
        size_t cap = ds->captext ? ds->captext * 2 : 65536;
        while (cap < ds->ntext + n)
            cap *= 2;
        char *p = realloc(ds->text, cap);
        if (!p)
            return -1;
        ds->text = p;
        ds->captext = cap;
    }
    memcpy(ds->text + ds->ntext, s, n);
    ds->ntext += n;
    return (long)(ds->ntext - n);
}

static int rehash(AnDataset *ds, uint32_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (int i = 0; i < ds->nfeat; i++) {
        uint32_t s = (uint32_t)ds->keys[i] & (nslots - 1);
        while (slots[s])
            s = (s + 1) & (nslots - 1);
        slots[s] = (uint32_t)i + 1;
    }
    free(ds->slots);
    ds->slots = slots;
    ds->nslots = nslots;
    return 0;
}

/* The id of the feature with KEY and NAME, added when new; -1 when memory runs out. */
static int feature_id(AnDataset *ds, uint64_t key, const char *name)
{
    if (ds->nslots) {
        for (uint32_t s = (uint32_t)key & (ds->nslots - 1); ds->slots[s];
             s = (s + 1) & (ds->nslots - 1))
            if (ds->keys[ds->slots[s] - 1] == key)
                return (int)ds->slots[s] - 1;
    }
    if ((uint32_t)(ds->nfeat + 1) * 2 > ds->nslots &&
        rehash(ds, ds->nslots ? ds->nslots * 2 : 8192) < 0)
        return -1;
    int cap = ds->capfeat;
    if (grow((void **)&ds->keys, &ds->capfeat, ds->nfeat + 1, sizeof *ds->keys) < 0 ||
        grow((void **)&ds->name_at, &cap, ds->nfeat + 1, sizeof *ds->name_at) < 0)
        return -1;
    long at = add_text(ds, name);
    if (at < 0)
        return -1;
    int id = ds->nfeat++;
    ds->keys[id] = key;
    ds->name_at[id] = (size_t)at;
    uint32_t s = (uint32_t)key & (ds->nslots - 1);
    while (ds->slots[s])
        s = (s + 1) & (ds->nslots - 1);
    ds->slots[s] = (uint32_t)id + 1;
    return id;
}

int an_dataset_add(AnDataset *ds, const AnVector *v, const char *labels, int file, int group)
{
    if (file < 0 || file >= FILES_MAX || !v->has_names ||
        grow((void **)&ds->rows, &ds->caprows, ds->nrows + 1, sizeof *ds->rows) < 0 ||
        grow((void **)&ds->inst, &ds->capinst, ds->ninst + v->n_inst + 1, sizeof *ds->inst) < 0 ||
        grow((void **)&ds->feats, &ds->capfeats, ds->nfeats + v->n_feat, sizeof *ds->feats) < 0)
        return -1;
    long lab = add_text(ds, labels ? labels : "");
    if (lab < 0)
        return -1;
    Row *r = &ds->rows[ds->nrows];
    *r = (Row){ds->ninst, v->n_inst, (size_t)lab, file, group};
    for (int i = 0; i < v->n_inst; i++) {
        const AnInstance *in = &v->inst[i];
        for (int k = in->first; k < in->first + in->count; k++) {
            int id = feature_id(ds, v->keys[k], an_vector_name(v, k));
            if (id < 0)
                return -1;
            ds->feats[ds->nfeats++] = id;
        }
        ds->ninst++;
        ds->inst[ds->ninst] = ds->nfeats;
    }
    return ds->nrows++;
}

int an_dataset_rows(const AnDataset *ds)
{
    return ds->nrows;
}

int an_dataset_file(const AnDataset *ds, int row)
{
    return ds->rows[row].file;
}

int an_dataset_group(const AnDataset *ds, int row)
{
    return ds->rows[row].group;
}

int an_dataset_has(const AnDataset *ds, int row, const char *tag)
{
    const char *p = ds->text + ds->rows[row].labels;
    size_t n = strlen(tag);
    while (*p) {
        const char *e = strchr(p, '|');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, tag, n) == 0)
            return 1;
        p += k + (e ? 1 : 0);
    }
    return 0;
}

int an_dataset_features(const AnDataset *ds)
{
    return ds->nfeat;
}

const char *an_dataset_feature_name(const AnDataset *ds, int id)
{
    return id >= 0 && id < ds->nfeat ? ds->text + ds->name_at[id] : "";
}

/* ---- fitting ------------------------------------------------------------------------- */

/* The training problem: every instance of the chosen rows as liblinear nodes. */
typedef struct Problem {
    int *index; /* dataset feature id -> liblinear index (1..k), 0 unread */
    int k;      /* features read */
    struct feature_node *nodes;
    struct feature_node **x; /* per instance of the chosen rows, in row order */
    int *row_of;             /* per instance: position in ROWS */
    int *bag;                /* per chosen row: first instance in x */
    int n;                   /* instances */
} Problem;

static int bits(uint32_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static void problem_free(Problem *pb)
{
    free(pb->index);
    free(pb->nodes);
    free(pb->x);
    free(pb->row_of);
    free(pb->bag);
}

/* Marks the features seen in at least p->min_files files and p->min_rows rows of ROWS. */
static int choose_features(const AnDataset *ds, const int *rows, int n, const AnFitParams *p,
                           Problem *pb)
{
    uint32_t *files = calloc((size_t)ds->nfeat + 1, sizeof *files);
    int *count = calloc((size_t)ds->nfeat + 1, sizeof *count);
    int *last = malloc(((size_t)ds->nfeat + 1) * sizeof *last);
    pb->index = calloc((size_t)ds->nfeat + 1, sizeof *pb->index);
    if (!files || !count || !last || !pb->index) {
        free(files);
        free(count);
        free(last);
        return -1;
    }
    memset(last, 0xFF, ((size_t)ds->nfeat + 1) * sizeof *last);
    for (int j = 0; j < n; j++) {
        const Row *r = &ds->rows[rows[j]];
        for (int k = ds->inst[r->inst_first]; k < ds->inst[r->inst_first + r->n_inst]; k++) {
            int id = ds->feats[k];
            if (last[id] == j)
                continue;
            last[id] = j;
            count[id]++;
            files[id] |= 1u << r->file;
        }
    }
    uint32_t all = 0; /* the files the rows come from: one file alone needs no second one */
    for (int j = 0; j < n; j++)
        all |= 1u << ds->rows[rows[j]].file;
    int min_files = p->min_files < bits(all) ? p->min_files : bits(all);
    pb->k = 0;
    for (int id = 0; id < ds->nfeat; id++)
        if (count[id] >= p->min_rows && bits(files[id]) >= min_files)
            pb->index[id] = ++pb->k;
    free(files);
    free(count);
    free(last);
    return 0;
}

static int cmp_nodes(const void *a, const void *b)
{
    return ((const struct feature_node *)a)->index - ((const struct feature_node *)b)->index;
}

/* Builds the liblinear nodes of every instance of ROWS (sorted indices, a bias node, then
 * the -1 terminator). */
static int build_problem(const AnDataset *ds, const int *rows, int n, Problem *pb)
{
    size_t total = 0;
    int insts = 0;
    for (int j = 0; j < n; j++) {
        const Row *r = &ds->rows[rows[j]];
        insts += r->n_inst;
        total += (size_t)(ds->inst[r->inst_first + r->n_inst] - ds->inst[r->inst_first]);
    }
    pb->nodes = malloc((total + (size_t)insts * 2 + 1) * sizeof *pb->nodes);
    pb->x = malloc(((size_t)insts + 1) * sizeof *pb->x);
    pb->row_of = malloc(((size_t)insts + 1) * sizeof *pb->row_of);
    pb->bag = malloc(((size_t)n + 1) * sizeof *pb->bag);
    if (!pb->nodes || !pb->x || !pb->row_of || !pb->bag)
        return -1;
    struct feature_node *at = pb->nodes;
    pb->n = 0;
    for (int j = 0; j < n; j++) {
        const Row *r = &ds->rows[rows[j]];
        pb->bag[j] = pb->n;
        for (int i = r->inst_first; i < r->inst_first + r->n_inst; i++) {
            struct feature_node *first = at;
            for (int k = ds->inst[i]; k < ds->inst[i + 1]; k++)
                if (pb->index[ds->feats[k]])
                    *at++ = (struct feature_node){pb->index[ds->feats[k]], 1.0};
            qsort(first, (size_t)(at - first), sizeof *first, cmp_nodes);
            *at++ = (struct feature_node){pb->k + 1, 1.0}; /* the bias */
            *at++ = (struct feature_node){-1, 0.0};
            pb->x[pb->n] = first;
            pb->row_of[pb->n] = j;
            pb->n++;
        }
    }
    pb->bag[n] = pb->n;
    return 0;
}

static double decision(const double *w, const struct feature_node *x)
{
    double s = 0.0;
    for (; x->index > 0; x++)
        s += w[x->index - 1] * x->value;
    return s;
}

static void quiet(const char *s)
{
    (void)s;
}

/* Fits instances SEL (count m, labels Y) and writes the k + 1 weights (bias last) to W. */
static int fit_once(const Problem *pb, struct feature_node **sel, double *y, int m,
                    const AnFitParams *p, double *w)
{
    struct problem prob = {m, pb->k + 1, y, sel, -1.0};
    int label = 1;
    double weight = p->pos_weight > 0 ? p->pos_weight : 1.0;
    struct parameter param = {0};
    param.solver_type = L2R_LR;
    param.eps = 0.01;
    param.C = p->c;
    param.nr_weight = 1;
    param.weight_label = &label;
    param.weight = &weight;
    if (check_parameter(&prob, &param))
        return -1;
    set_print_string_function(quiet);
    struct model *md = train(&prob, &param);
    if (!md)
        return -1;
    /* liblinear's weights favour the first label it met; turn them to favour +1 */
    double sign = md->nr_class == 2 && md->label[0] == 1 ? 1.0 : -1.0;
    for (int i = 0; i <= pb->k; i++)
        w[i] = md->nr_class == 2 ? sign * md->w[i] : 0.0;
    free_and_destroy_model(&md);
    return 0;
}

/* Picks the instances for a round: every instance of an unlabelled row as a clause that does
 * not; of a labelled row, every instance in round 0, else only its best under W. */
static int pick(const AnDataset *ds, const int *rows, int n, const char *tag, const Problem *pb,
                const double *w, struct feature_node **sel, double *y)
{
    int m = 0;
    for (int j = 0; j < n; j++) {
        int pos = an_dataset_has(ds, rows[j], tag);
        int best = -1;
        double bs = -INFINITY;
        for (int i = pb->bag[j]; i < pb->bag[j + 1]; i++) {
            if (!pos || !w) {
                sel[m] = pb->x[i];
                y[m++] = pos ? 1.0 : -1.0;
                continue;
            }
            double s = decision(w, pb->x[i]);
            if (s > bs) {
                bs = s;
                best = i;
            }
        }
        if (best >= 0) {
            sel[m] = pb->x[best];
            y[m++] = 1.0;
        }
    }
    return m;
}

int an_fit(const AnDataset *ds, const int *rows, int n, const char *tag, const AnFitParams *p,
           AnFit *out)
{
    memset(out, 0, sizeof *out);
    Problem pb = {0};
    double *w = NULL, *y = NULL;
    struct feature_node **sel = NULL;
    int rc = -1;
    if (choose_features(ds, rows, n, p, &pb) < 0 || build_problem(ds, rows, n, &pb) < 0)
        goto done;
    w = calloc((size_t)pb.k + 1, sizeof *w);
    y = malloc(((size_t)pb.n + 1) * sizeof *y);
    sel = malloc(((size_t)pb.n + 1) * sizeof *sel);
    out->w = calloc((size_t)ds->nfeat + 1, sizeof *out->w);
    if (!w || !y || !sel || !out->w)
        goto done;
    for (int round = 0; round <= p->rounds; round++) {
        int m = pick(ds, rows, n, tag, &pb, round ? w : NULL, sel, y);
        if (fit_once(&pb, sel, y, m, p, w) < 0)
            goto done;
    }
    for (int id = 0; id < ds->nfeat; id++)
        out->w[id] = pb.index[id] ? w[pb.index[id] - 1] : 0.0;
    out->bias = w[pb.k];
    rc = 0;
done:
    if (rc != 0)
        an_fit_free(out);
    problem_free(&pb);
    free(w);
    free(y);
    free(sel);
    return rc;
}

void an_fit_free(AnFit *fit)
{
    free(fit->w);
    fit->w = NULL;
}

double an_fit_score(const AnDataset *ds, const AnFit *fit, int row)
{
    const Row *r = &ds->rows[row];
    double best = r->n_inst ? -INFINITY : fit->bias;
    for (int i = r->inst_first; i < r->inst_first + r->n_inst; i++) {
        double s = fit->bias;
        for (int k = ds->inst[i]; k < ds->inst[i + 1]; k++)
            s += fit->w[ds->feats[k]];
        if (s > best)
            best = s;
    }
    return best;
}

/* ---- thresholds ---------------------------------------------------------------------- */

typedef struct Scored {
    double s;
    int gold;
} Scored;

static int by_score_desc(const void *a, const void *b)
{
    double x = ((const Scored *)a)->s, y = ((const Scored *)b)->s;
    return x < y ? 1 : x > y ? -1 : 0;
}

double an_best_threshold(const double *s, const int *gold, int n, double beta)
{
    Scored *v = malloc(((size_t)n + 1) * sizeof *v);
    if (!v)
        return INFINITY;
    int pos = 0;
    for (int i = 0; i < n; i++) {
        v[i] = (Scored){s[i], gold[i] != 0};
        pos += v[i].gold;
    }
    qsort(v, (size_t)n, sizeof *v, by_score_desc);
    double b2 = beta * beta, best = -1.0, threshold = INFINITY;
    int tp = 0, fp = 0;
    for (int i = 0; i < n; i++) {
        tp += v[i].gold;
        fp += !v[i].gold;
        if (i + 1 < n && v[i + 1].s == v[i].s)
            continue; /* cut only between different scores */
        double f = (1 + b2) * tp / ((1 + b2) * tp + b2 * (pos - tp) + fp);
        if (tp > 0 && f > best) {
            best = f;
            threshold = i + 1 < n ? (v[i].s + v[i + 1].s) / 2 : v[i].s - 1.0;
        }
    }
    free(v);
    return pos ? threshold : INFINITY;
}
