/* an_model.c: reading, writing and scoring the linear models of an_model.h. Each domain
 * keeps its features in an open-addressing table from key to row, and a row of weights per
 * feature, one column per tag, so a feature is looked up once for every tag.
 * Depends on an_vector, libc and libm. */
#include "game/analysis/an_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOMAINS_MAX 8
#define PAIRS_MAX 256
#define ROWS_KEPT 4096       /* rows of a reply's features remembered while scoring it */
#define WEIGHT_SCALE 10000.0 /* weights are written as whole numbers of 1/10000 */
#define NAME_MAX_LEN 96

typedef struct Slot {
    uint64_t key;
    uint32_t row; /* feature index + 1; 0 is empty */
} Slot;

typedef struct Domain {
    char name[32];
    int ntags;
    char tags[AN_MODEL_TAGS_MAX][AN_MODEL_TAG_MAX];
    double bias[AN_MODEL_TAGS_MAX], threshold[AN_MODEL_TAGS_MAX];
    int nfeat, capfeat;
    uint64_t *keys;
    char (*names)[NAME_MAX_LEN];
    float *w;    /* nfeat rows of AN_MODEL_TAGS_MAX */
    Slot *slots; /* key and feature index + 1 side by side: one cache line per probe */
    uint32_t nslots;
    int pairs[PAIRS_MAX][3]; /* tags that (almost) never share a reply: the first stays when
                              * [2] is set, else the one further past its threshold */
    int npairs;
} Domain;

struct AnModels {
    Domain d[DOMAINS_MAX];
    int n;
};

AnModels *an_models_create(void)
{
    return calloc(1, sizeof(AnModels));
}

void an_models_destroy(AnModels *ms)
{
    if (!ms)
        return;
    for (int i = 0; i < ms->n; i++) {
        free(ms->d[i].keys);
        free(ms->d[i].names);
        free(ms->d[i].w);
        free(ms->d[i].slots);
    }
    free(ms);
}

/* ---- features ------------------------------------------------------------------------ */

static int find_row(const Domain *d, uint64_t key)
{
    if (!d->nslots)
        return -1;
    for (uint32_t s = (uint32_t)key & (d->nslots - 1);; s = (s + 1) & (d->nslots - 1)) {
        const Slot *sl = &d->slots[s];
        if (sl->row == 0)
            return -1;
        if (sl->key == key)
            return (int)sl->row - 1;
    }
}

static int rehash(Domain *d, uint32_t nslots)
{
    Slot *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (int i = 0; i < d->nfeat; i++) {
        uint32_t s = (uint32_t)d->keys[i] & (nslots - 1);
        while (slots[s].row)
            s = (s + 1) & (nslots - 1);
        slots[s] = (Slot){d->keys[i], (uint32_t)i + 1};
    }
    free(d->slots);
    d->slots = slots;
    d->nslots = nslots;
    return 0;
}

/* The row of feature NAME, made (with zero weights) when new; -1 when memory runs out or
 * the name is too long. */
static int row_of(Domain *d, const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len >= NAME_MAX_LEN)
        return -1;
    uint64_t key = an_vector_key(name);
    int r = find_row(d, key);
    if (r >= 0)
        return r;
    if (d->nfeat == d->capfeat) {
        int cap = d->capfeat ? d->capfeat * 2 : 1024;
        uint64_t *keys = realloc(d->keys, (size_t)cap * sizeof *keys);
        if (keys)
            d->keys = keys;
        char(*names)[NAME_MAX_LEN] = realloc(d->names, (size_t)cap * sizeof *names);
        if (names)
            d->names = names;
        float *w = realloc(d->w, (size_t)cap * AN_MODEL_TAGS_MAX * sizeof *w);
        if (w)
            d->w = w;
        if (!keys || !names || !w)
            return -1;
        d->capfeat = cap;
    }
    if ((uint32_t)(d->nfeat + 1) * 2 > d->nslots && rehash(d, d->nslots ? d->nslots * 2 : 2048) < 0)
        return -1;
    r = d->nfeat++;
    d->keys[r] = key;
    memcpy(d->names[r], name, len + 1);
    memset(d->w + (size_t)r * AN_MODEL_TAGS_MAX, 0, AN_MODEL_TAGS_MAX * sizeof *d->w);
    uint32_t s = (uint32_t)key & (d->nslots - 1);
    while (d->slots[s].row)
        s = (s + 1) & (d->nslots - 1);
    d->slots[s] = (Slot){key, (uint32_t)r + 1};
    return r;
}

static Domain *domain_of(AnModels *ms, const char *name)
{
    int i = an_models_domain(ms, name);
    if (i >= 0)
        return &ms->d[i];
    if (ms->n == DOMAINS_MAX || strlen(name) >= sizeof ms->d[0].name)
        return NULL;
    Domain *d = &ms->d[ms->n++];
    memset(d, 0, sizeof *d);
    snprintf(d->name, sizeof d->name, "%s", name);
    return d;
}

int an_models_add(AnModels *ms, const char *domain, const char *tag, double bias, double threshold,
                  const char *const *names, const double *w, int n)
{
    Domain *d = domain_of(ms, domain);
    if (!d || d->ntags == AN_MODEL_TAGS_MAX || strlen(tag) >= AN_MODEL_TAG_MAX || !*tag ||
        an_models_tag_index(ms, (int)(d - ms->d), tag) >= 0)
        return -1;
    int t = d->ntags++;
    snprintf(d->tags[t], sizeof d->tags[t], "%s", tag);
    d->bias[t] = bias;
    d->threshold[t] = threshold;
    for (int i = 0; i < n; i++) {
        if (lround(w[i] * WEIGHT_SCALE) == 0) /* too small to be written */
            continue;
        int r = row_of(d, names[i]);
        if (r < 0)
            return -1;
        /* held as written, so the models in memory score as the file read back does */
        d->w[(size_t)r * AN_MODEL_TAGS_MAX + t] =
            (float)(lround(w[i] * WEIGHT_SCALE) / WEIGHT_SCALE);
    }
    return 0;
}

int an_models_copy_domain(AnModels *dst, const AnModels *src, const char *domain)
{
    int i = an_models_domain(src, domain);
    if (i < 0 || an_models_domain(dst, domain) >= 0)
        return -1;
    const Domain *s = &src->d[i];
    Domain *d = domain_of(dst, domain);
    if (!d)
        return -1;
    d->ntags = s->ntags;
    memcpy(d->tags, s->tags, sizeof d->tags);
    memcpy(d->bias, s->bias, sizeof d->bias);
    memcpy(d->threshold, s->threshold, sizeof d->threshold);
    memcpy(d->pairs, s->pairs, sizeof d->pairs);
    d->npairs = s->npairs;
    for (int r = 0; r < s->nfeat; r++) {
        int k = row_of(d, s->names[r]);
        if (k < 0)
            return -1;
        memcpy(d->w + (size_t)k * AN_MODEL_TAGS_MAX, s->w + (size_t)r * AN_MODEL_TAGS_MAX,
               AN_MODEL_TAGS_MAX * sizeof *d->w);
    }
    return 0;
}

int an_models_add_exclusive(AnModels *ms, const char *domain, const char *a, const char *b,
                            int first_stays)
{
    int d = an_models_domain(ms, domain);
    int ta = an_models_tag_index(ms, d, a), tb = an_models_tag_index(ms, d, b);
    if (d < 0 || ta < 0 || tb < 0 || ta == tb || ms->d[d].npairs == PAIRS_MAX)
        return -1;
    Domain *dm = &ms->d[d];
    dm->pairs[dm->npairs][0] = ta;
    dm->pairs[dm->npairs][1] = tb;
    dm->pairs[dm->npairs][2] = first_stays != 0;
    dm->npairs++;
    return 0;
}

void an_models_resolve(const AnModels *ms, int domain, AnTagScore *out, int n,
                       const unsigned char *live)
{
    if (domain < 0 || domain >= ms->n)
        return;
    const Domain *d = &ms->d[domain];
    for (int k = 0; k < d->npairs; k++) {
        int ta = d->pairs[k][0], tb = d->pairs[k][1];
        if (ta >= n || tb >= n || !live[ta] || !live[tb] || !out[ta].fires || !out[tb].fires)
            continue;
        double ma = log(out[ta].p / out[ta].threshold), mb = log(out[tb].p / out[tb].threshold);
        out[d->pairs[k][2] || ma >= mb ? tb : ta].fires = 0;
    }
    /* One clause does not both say their words back and bring a complaint of one's own: a
     * reply that does both ("You're sick of asking. But I've been working ten-hour days.")
     * does it in two clauses. Where both models chose the same clause, the surer stays. */
    int tr = an_models_tag_index(ms, domain, "reflection");
    int tc = an_models_tag_index(ms, domain, "counter_complaint");
    if (tr >= 0 && tc >= 0 && tr < n && tc < n && live[tr] && live[tc] && out[tr].fires &&
        out[tc].fires && out[tr].clause >= 0 && out[tr].clause == out[tc].clause) {
        double mr = log(out[tr].p / out[tr].threshold), mc = log(out[tc].p / out[tc].threshold);
        out[mr >= mc ? tc : tr].fires = 0;
    }
}

/* ---- reading ------------------------------------------------------------------------- */

typedef struct Reader {
    const char *name;
    int line;
    char *err;
    size_t errsz;
} Reader;

static int fail(Reader *rd, const char *what)
{
    snprintf(rd->err, rd->errsz, "%s:%d: %s", rd->name, rd->line, what);
    return -1;
}

/* Reads up to MAX numbers from the rest of the line P into OUT; returns how many, or -1 on
 * text that is not a number. */
static int numbers(const char *p, double *out, int max)
{
    int n = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return n;
        if (n == max)
            return -1;
        char *end;
        out[n] = strtod(p, &end);
        if (end == p || (*end && *end != ' ' && *end != '\t') || !isfinite(out[n]))
            return -1;
        n++;
        p = end;
    }
}

static int read_tags(Reader *rd, Domain *d, char *p)
{
    d->ntags = 0;
    for (char *tok = strtok(p, " \t"); tok; tok = strtok(NULL, " \t")) {
        if (d->ntags == AN_MODEL_TAGS_MAX || strlen(tok) >= AN_MODEL_TAG_MAX)
            return fail(rd, "too many tags, or a tag name too long");
        snprintf(d->tags[d->ntags++], AN_MODEL_TAG_MAX, "%s", tok);
    }
    return d->ntags > 0 ? 0 : fail(rd, "a domain needs its tags");
}

/* Reads up to MAX whole numbers (weights in units of 1/WEIGHT_SCALE) from P into OUT;
 * returns how many, or -1 on text that is not one. Whole numbers read fast: a weights file
 * holds some hundred thousand of them. */
static int scaled(const char *p, double *out, int max)
{
    int n = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return n;
        int neg = *p == '-';
        p += neg;
        if (n == max || *p < '0' || *p > '9')
            return -1;
        long v = 0;
        for (int digits = 0; *p >= '0' && *p <= '9'; p++)
            if (++digits > 9)
                return -1;
            else
                v = v * 10 + (*p - '0');
        if (*p && *p != ' ' && *p != '\t')
            return -1;
        out[n++] = (neg ? -(double)v : (double)v) / WEIGHT_SCALE;
    }
}

static int read_weights(Reader *rd, Domain *d, char *p)
{
    char *sp = strpbrk(p, " \t");
    if (!sp)
        return fail(rd, "a weight line needs a feature name and its weights");
    *sp = '\0';
    double w[AN_MODEL_TAGS_MAX];
    if (scaled(sp + 1, w, d->ntags) != d->ntags)
        return fail(rd, "a weight line needs one whole number per tag");
    int r = row_of(d, p);
    if (r < 0)
        return fail(rd, "feature name too long, or out of memory");
    for (int t = 0; t < d->ntags; t++)
        d->w[(size_t)r * AN_MODEL_TAGS_MAX + t] = (float)w[t];
    return 0;
}

static int read_line(Reader *rd, AnModels *ms, Domain **d, char *p)
{
    if (!*p || *p == '#')
        return 0;
    char *rest = strpbrk(p, " \t");
    if (rest)
        *rest++ = '\0';
    else
        rest = p + strlen(p);
    if (strcmp(p, "heard-weights") == 0)
        return atoi(rest) == 2 ? 0
                               : fail(rd, "weights of another format: retrain with heard train");
    if (strcmp(p, "domain") == 0) {
        while (*rest == ' ')
            rest++;
        *d = *rest ? domain_of(ms, rest) : NULL;
        return *d ? 0 : fail(rd, "bad domain line");
    }
    if (!*d)
        return fail(rd, "a domain line must come first");
    if (strcmp(p, "tags") == 0)
        return read_tags(rd, *d, rest);
    if (strcmp(p, "bias") == 0 || strcmp(p, "threshold") == 0) {
        double *out = p[0] == 'b' ? (*d)->bias : (*d)->threshold;
        return numbers(rest, out, (*d)->ntags) == (*d)->ntags
                   ? 0
                   : fail(rd, "bias and threshold need one number per tag");
    }
    if (strcmp(p, "w") == 0)
        return read_weights(rd, *d, rest);
    if (strcmp(p, "exclusive") == 0) {
        char a[AN_MODEL_TAG_MAX], b[AN_MODEL_TAG_MAX], how[16] = "";
        int k = sscanf(rest, "%23s %23s %15s", a, b, how);
        if (k < 2 || (k == 3 && strcmp(how, "first") != 0) ||
            an_models_add_exclusive(ms, (*d)->name, a, b, k == 3) < 0)
            return fail(rd, "an exclusive line names two different tags of the domain, and "
                            "maybe 'first'");
        return 0;
    }
    return fail(rd, "unknown line (expected domain, tags, bias, threshold, exclusive or w)");
}

AnModels *an_models_parse(const char *text, size_t len, const char *name, char *err, size_t errsz)
{
    AnModels *ms = an_models_create();
    char *line = malloc(len + 1);
    if (!ms || !line) {
        snprintf(err, errsz, "%s: out of memory", name);
        free(line);
        an_models_destroy(ms);
        return NULL;
    }
    Reader rd = {name, 0, err, errsz};
    Domain *d = NULL;
    int seen_format = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        size_t n = j - i;
        memcpy(line, text + i, n);
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        rd.line++;
        seen_format |= strncmp(line, "heard-weights", 13) == 0;
        if (read_line(&rd, ms, &d, line) < 0) {
            free(line);
            an_models_destroy(ms);
            return NULL;
        }
        i = j + 1;
    }
    free(line);
    if (!seen_format || ms->n == 0) {
        rd.line = 1;
        fail(&rd, "not a weights file (no 'heard-weights 2' line or no domain)");
        an_models_destroy(ms);
        return NULL;
    }
    return ms;
}

/* ---- writing ------------------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int write_domain(const Domain *d, FILE *fp)
{
    fprintf(fp, "domain %s\ntags", d->name);
    for (int t = 0; t < d->ntags; t++)
        fprintf(fp, " %s", d->tags[t]);
    fprintf(fp, "\nbias");
    for (int t = 0; t < d->ntags; t++)
        fprintf(fp, " %.6g", d->bias[t]);
    fprintf(fp, "\nthreshold");
    for (int t = 0; t < d->ntags; t++)
        fprintf(fp, " %.6g", d->threshold[t]);
    fprintf(fp, "\n");
    for (int k = 0; k < d->npairs; k++)
        fprintf(fp, "exclusive %s %s%s\n", d->tags[d->pairs[k][0]], d->tags[d->pairs[k][1]],
                d->pairs[k][2] ? " first" : "");
    /* features in name order, so the same models always write the same bytes */
    const char **order = malloc((size_t)(d->nfeat ? d->nfeat : 1) * sizeof *order);
    if (!order)
        return -1;
    for (int i = 0; i < d->nfeat; i++)
        order[i] = d->names[i];
    qsort(order, (size_t)d->nfeat, sizeof *order, by_name);
    for (int k = 0; k < d->nfeat; k++) {
        int r = find_row(d, an_vector_key(order[k]));
        const float *w = d->w + (size_t)r * AN_MODEL_TAGS_MAX;
        fprintf(fp, "w %s", order[k]);
        for (int t = 0; t < d->ntags; t++)
            fprintf(fp, " %ld", lround((double)w[t] * WEIGHT_SCALE));
        fprintf(fp, "\n");
    }
    free(order);
    return 0;
}

int an_models_write(const AnModels *ms, const char *header, void *out)
{
    FILE *fp = out;
    for (const char *p = header ? header : ""; *p;) {
        const char *e = strchr(p, '\n');
        int n = e ? (int)(e - p) : (int)strlen(p);
        fprintf(fp, "# %.*s\n", n, p);
        p += n + (e ? 1 : 0);
    }
    fprintf(fp, "heard-weights 2\n");
    for (int i = 0; i < ms->n; i++)
        if (write_domain(&ms->d[i], fp) < 0)
            return -1;
    return ferror(fp) ? -1 : 0;
}

/* ---- lookups ------------------------------------------------------------------------- */

int an_models_domain(const AnModels *ms, const char *domain)
{
    for (int i = 0; i < ms->n; i++)
        if (strcmp(ms->d[i].name, domain) == 0)
            return i;
    return -1;
}

int an_models_tag_count(const AnModels *ms, int domain)
{
    return domain >= 0 && domain < ms->n ? ms->d[domain].ntags : 0;
}

const char *an_models_tag(const AnModels *ms, int domain, int t)
{
    return t >= 0 && t < an_models_tag_count(ms, domain) ? ms->d[domain].tags[t] : "";
}

int an_models_tag_index(const AnModels *ms, int domain, const char *tag)
{
    for (int t = 0; t < an_models_tag_count(ms, domain); t++)
        if (strcmp(ms->d[domain].tags[t], tag) == 0)
            return t;
    return -1;
}

double an_models_threshold(const AnModels *ms, int domain, int t)
{
    return t >= 0 && t < an_models_tag_count(ms, domain) ? ms->d[domain].threshold[t] : 1.0;
}

/* ---- scoring ------------------------------------------------------------------------- */

/* The features of instance I that raised tag T's score most. */
static void explain(const Domain *d, const AnVector *v, int i, int t, AnTagScore *o)
{
    o->ntop = 0;
    const AnInstance *in = &v->inst[i];
    for (int k = in->first; k < in->first + in->count; k++) {
        int r = find_row(d, v->keys[k]);
        double w = r >= 0 ? d->w[(size_t)r * AN_MODEL_TAGS_MAX + t] : 0.0;
        if (w <= 0.0)
            continue;
        int at = o->ntop;
        if (at == AN_MODEL_TOP) {
            if (w <= o->top_w[AN_MODEL_TOP - 1])
                continue;
            at = AN_MODEL_TOP - 1;
        } else {
            o->ntop++;
        }
        for (; at > 0 && o->top_w[at - 1] < w; at--) {
            o->top[at] = o->top[at - 1];
            o->top_w[at] = o->top_w[at - 1];
        }
        o->top[at] = k;
        o->top_w[at] = w;
    }
}

void an_models_explain(const AnModels *ms, int domain, int tag, const AnVector *v, AnTagScore *s)
{
    s->ntop = 0;
    if (domain >= 0 && domain < ms->n && tag >= 0 && tag < ms->d[domain].ntags &&
        s->instance >= 0 && s->instance < v->n_inst)
        explain(&ms->d[domain], v, s->instance, tag, s);
}

int an_models_score(const AnModels *ms, int domain, const AnVector *v, AnTagScore *out, int max)
{
    if (domain < 0 || domain >= ms->n)
        return -1;
    const Domain *d = &ms->d[domain];
    int nt = d->ntags < max ? d->ntags : max;
    double best[AN_MODEL_TAGS_MAX], s[AN_MODEL_TAGS_MAX], best_clause[AN_MODEL_TAGS_MAX];
    int arg[AN_MODEL_TAGS_MAX], arg_clause[AN_MODEL_TAGS_MAX];
    for (int t = 0; t < nt; t++) {
        best[t] = v->n_inst ? -INFINITY : d->bias[t];
        best_clause[t] = -INFINITY;
        arg[t] = arg_clause[t] = -1;
    }
    /* the rows looked up so far: the whole-reply instance repeats the clauses' features, and
     * each first look into the large table is a trip to memory */
    int rows[ROWS_KEPT];
    for (int i = 0; i < v->n_inst; i++) {
        float acc[AN_MODEL_TAGS_MAX] = {0}; /* a whole row at a time: the loop vectorizes */
        const AnInstance *in = &v->inst[i];
        for (int k = in->first; k < in->first + in->count; k++) {
            int same = v->same ? v->same[k] : -1;
            int r = same >= 0 && same < ROWS_KEPT ? rows[same] : find_row(d, v->keys[k]);
            if (k < ROWS_KEPT)
                rows[k] = r;
            if (r < 0)
                continue;
            const float *w = d->w + (size_t)r * AN_MODEL_TAGS_MAX;
            for (int t = 0; t < AN_MODEL_TAGS_MAX; t++)
                acc[t] += w[t];
        }
        for (int t = 0; t < nt; t++)
            s[t] = d->bias[t] + acc[t];
        for (int t = 0; t < nt; t++) {
            if (s[t] > best[t]) {
                best[t] = s[t];
                arg[t] = i;
            }
            if (in->clause >= 0 && s[t] > best_clause[t]) {
                best_clause[t] = s[t];
                arg_clause[t] = i;
            }
        }
    }
    for (int t = 0; t < nt; t++) {
        AnTagScore *o = &out[t];
        memset(o, 0, sizeof *o);
        o->p = 1.0 / (1.0 + exp(-best[t]));
        o->threshold = d->threshold[t];
        o->fires = o->p >= o->threshold;
        /* the whole reply may score highest; the clause quoted is the best clause */
        o->instance = arg[t];
        o->clause = arg_clause[t] >= 0 ? v->inst[arg_clause[t]].clause : -1;
    }
    return nt;
}
