/* rules.c: loading the lexicons, models and rules, scoring a reply, the source digest and
 * the scenario overrides. All Lua calls live in rules_lua.c.
 * Depends on game/analysis, engine/script, libc and POSIX dirent. */
#include "game/rules/rules.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/file.h"
#include "engine/core/hash.h"
#include "engine/core/limits.h"
#include "engine/core/utf8.h"
#include "game/analysis/an_learn.h"
#include "game/analysis/an_negation.h"
#include "game/analysis/an_tokenize.h"
#include "game/rules/rules_internal.h"

#define PATH_MAX_LEN 1024
#define LEXICON_FILES_MAX 64

struct Rules {
    Script *script;
    AnLexicon *lx;
    AnMatcher *m;
    AnSpeller *speller;
    AnAnalyser *an;
    AnVector *vec;
    AnModels *models;
    int counselling; /* read in the counselling domain (rules_set_domain) */
    /* the last rules_score's decisions, for rules_decisions */
    RulesScored last;
    char hash[17];
};

static void set_err(ScriptError *err, const char *file, const char *msg)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%.200s", file);
    snprintf(err->message, sizeof err->message, "%.200s: %.300s", file, msg);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Lists *.lua in DIR, sorted, into NAMES; returns the count or -1 when DIR cannot be read. */
static int list_lua(const char *dir, char (*names)[128], int max)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        size_t len = strlen(e->d_name);
        if (len > 4 && len < 128 && strcmp(e->d_name + len - 4, ".lua") == 0)
            snprintf(names[n++], 128, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    return n;
}

/* Folds the bytes of the file PATH into the digest H (unchanged when it cannot be read). */
static uint64_t hash_file(const char *path, uint64_t h)
{
    size_t len = 0;
    char *text = file_read(path, &len);
    if (text)
        h = hash_fnv1a(text, len, h);
    free(text);
    return h;
}

static int load_lexicons(Rules *r, const char *root, uint64_t *h, ScriptError *err)
{
    char dir[PATH_MAX_LEN], path[PATH_MAX_LEN + 128];
    char(*names)[128] = malloc(LEXICON_FILES_MAX * sizeof *names);
    if (!names) {
        set_err(err, "rules", "out of memory");
        return SCRIPT_ERR_MEMORY;
    }
    snprintf(dir, sizeof dir, "%s/scripts/lexicon", root);
    int n = list_lua(dir, names, LEXICON_FILES_MAX), rc = 0;
    if (n <= 0) {
        set_err(err, dir, "no lexicon files here; run from the project root or set HEARD_ROOT");
        rc = SCRIPT_ERR_IO;
    }
    for (int pass = 1; pass <= 2 && rc == 0; pass++) {
        for (int i = 0; i < n && rc == 0; i++) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            rc = rules_lua_lexicon(r->script, path, pass, r->lx, r->m, err);
            if (pass == 1)
                *h = hash_file(path, *h);
        }
    }
    free(names);
    return rc;
}

/* scripts/rules/weights.txt is optional: without it no learned move is named. */
static int load_weights(Rules *r, const char *root, uint64_t *h, ScriptError *err)
{
    char path[PATH_MAX_LEN], msg[400];
    snprintf(path, sizeof path, "%s/scripts/rules/weights.txt", root);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 0;
    fclose(fp);
    size_t len = 0;
    char *text = file_read(path, &len);
    if (!text) {
        set_err(err, path, "cannot be read");
        return SCRIPT_ERR_IO;
    }
    r->models = an_models_parse(text, len, path, msg, sizeof msg);
    free(text);
    if (!r->models) {
        if (err) {
            memset(err, 0, sizeof *err);
            snprintf(err->file, sizeof err->file, "%.200s", path);
            snprintf(err->message, sizeof err->message, "%s", msg);
        }
        return SCRIPT_ERR_RUNTIME;
    }
    *h = hash_file(path, *h);
    return 0;
}

/* Loads the rules from ROOT, with the weights file when MODELS. */
static Rules *load(const char *root, int models, ScriptError *err)
{
    Rules *r = calloc(1, sizeof *r);
    if (!r) {
        set_err(err, "rules", "out of memory");
        return NULL;
    }
    ScriptLimits limits = {0, 0};
    r->script = script_create(limits, 0);
    r->lx = an_lexicon_create();
    r->m = r->lx ? an_matcher_create(r->lx) : NULL;
    if (!r->script || !r->m) {
        set_err(err, "rules", "out of memory");
        rules_destroy(r);
        return NULL;
    }
    uint64_t h = 1469598103934665603ULL;
    char path[PATH_MAX_LEN];
    snprintf(path, sizeof path, "%s/scripts/rules/default.lua", root ? root : ".");
    if (load_lexicons(r, root ? root : ".", &h, err) != 0 ||
        rules_lua_load_rules(r->script, path, err) != 0) {
        rules_destroy(r);
        return NULL;
    }
    h = hash_file(path, h);
    if (models && load_weights(r, root ? root : ".", &h, err) != 0) {
        rules_destroy(r);
        return NULL;
    }
    snprintf(r->hash, sizeof r->hash, "%016llx", (unsigned long long)h);
    const char *dicts = getenv("HEARD_HUNSPELL_DIR");
    if (an_matcher_compile(r->m) < 0 || !(r->an = an_analyser_create(r->lx, r->m)) ||
        !(r->vec = an_vector_create()) || !(r->speller = an_speller_create(dicts))) {
        set_err(err, "rules", "out of memory");
        rules_destroy(r);
        return NULL;
    }
    an_analyser_set_speller(r->an, r->speller);
    return r;
}

Rules *rules_load(const char *root, ScriptError *err)
{
    return load(root, 1, err);
}

Rules *rules_load_unfitted(const char *root, ScriptError *err)
{
    return load(root, 0, err);
}

void rules_destroy(Rules *r)
{
    if (!r)
        return;
    an_analyser_destroy(r->an);
    an_vector_destroy(r->vec);
    an_models_destroy(r->models);
    an_speller_destroy(r->speller);
    an_matcher_destroy(r->m);
    an_lexicon_destroy(r->lx);
    script_destroy(r->script);
    free(r);
}

const char *rules_hash(const Rules *r)
{
    return r->hash;
}

/* Makes S valid UTF-8 in place ('?' for each byte of an ill-formed sequence) and cuts it
 * to fit MAX bytes with a trailing ellipsis when it was longer. */
static void fit_reason(char *s, size_t max)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t used = 0;
        if (utf8_decode(s + i, n - i, NULL, &used) < 0)
            memset(s + i, '?', used);
        i += used;
    }
    if (n + 1 < max)
        return;
    size_t cut = utf8_floor(s, n, max - 4); /* room for "…" and NUL */
    memcpy(s + cut, "\xE2\x80\xA6", 4);
}

/* TEXT cut to LIMITS_TEXT_MAX bytes on a character boundary, in BUF when it must be cut. */
static const char *bounded(const char *text, char **buf)
{
    *buf = NULL;
    if (!text)
        return "";
    size_t n = strnlen(text, LIMITS_TEXT_MAX + 1);
    if (n <= LIMITS_TEXT_MAX)
        return text;
    size_t cut = utf8_floor(text, LIMITS_TEXT_MAX + 1, LIMITS_TEXT_MAX);
    *buf = malloc(cut + 1);
    if (!*buf)
        return "";
    memcpy(*buf, text, cut);
    (*buf)[cut] = '\0';
    return *buf;
}

/* Reads REPLY against CONTEXT: features, instances, and the models' scores of the tags ROLE
 * may carry, into r->last. Returns 0 or -1 when memory runs out. */
static int read_reply(Rules *r, const char *context, const char *reply, Role role)
{
    RulesScored *sc = &r->last;
    sc->n = 0;
    char *cbuf, *rbuf;
    const char *ctx = bounded(context, &cbuf), *rep = bounded(reply, &rbuf);
    sc->f = an_analyse(r->an, ctx, rep);
    int rc = sc->f && an_vectorize(r->vec, sc->f, r->m, AN_VEC_WHOLE) == 0 ? 0 : -1;
    free(cbuf);
    free(rbuf);
    if (rc < 0 || !r->models)
        return rc;
    sc->v = r->vec;
    int dc = an_models_domain(r->models, "couples");
    int dk = r->counselling ? an_models_domain(r->models, "counselling") : -1;
    AnTagScore all[AN_MODEL_TAGS_MAX], other[AN_MODEL_TAGS_MAX];
    int n = dc >= 0 ? an_models_score(r->models, dc, r->vec, all, AN_MODEL_TAGS_MAX) : 0;
    int nk = dk >= 0 ? an_models_score(r->models, dk, r->vec, other, AN_MODEL_TAGS_MAX) : 0;
    unsigned char live[AN_MODEL_TAGS_MAX] = {0};
    for (int t = 0; t < n; t++) {
        const char *tag = an_models_tag(r->models, dc, t);
        live[t] = (an_learn_scope(tag) & (role == ROLE_CUSTOMER ? 2 : 1)) != 0;
        int k = nk > 0 ? an_models_tag_index(r->models, dk, tag) : -1;
        if (k >= 0)
            all[t] = other[k];
    }
    an_models_resolve(r->models, dc, all, n, live);
    for (int t = 0; t < n; t++)
        if (live[t]) {
            sc->tags[sc->n] = an_models_tag(r->models, dc, t);
            sc->scores[sc->n++] = all[t];
        }
    return 0;
}

int rules_score(Rules *r, const char *context, const char *reply, Role role, MoveList *out,
                ScriptError *err)
{
    memset(out, 0, sizeof *out);
    if (read_reply(r, context, reply, role) < 0) {
        set_err(err, "rules", "out of memory while reading the reply");
        return SCRIPT_ERR_MEMORY;
    }
    r->last.customer = role == ROLE_CUSTOMER;
    int rc = rules_lua_score(r->script, &r->last, r->m, r->lx, out, err);
    if (rc != 0) {
        memset(out, 0, sizeof *out);
        return rc;
    }
    moves_sort(out); /* the order of LABELS.md, whatever order the rules added in */
    out->total = 0;
    for (int i = 0; i < out->count; i++) {
        fit_reason(out->items[i].reason, sizeof out->items[i].reason);
        out->total += out->items[i].points;
    }
    return 0;
}

int rules_decisions(Rules *r, RulesDecision *out, int max)
{
    const RulesScored *sc = &r->last;
    int n = 0;
    /* scoring kept no feature names: read the same reply again with them (same order) */
    if (sc->n > 0 && !r->vec->has_names &&
        an_vectorize(r->vec, sc->f, r->m, AN_VEC_WHOLE | AN_VEC_NAMES) < 0)
        return 0;
    for (int t = 0; t < sc->n && n < max; t++) {
        const AnTagScore *s = &sc->scores[t];
        RulesDecision *d = &out[n++];
        memset(d, 0, sizeof *d);
        d->tag = sc->tags[t];
        d->p = s->p;
        d->threshold = s->threshold;
        d->fires = s->fires;
        d->clause = "";
        if (s->clause >= 0 && s->clause < sc->f->n_clauses) {
            const AnClause *c = &sc->f->clauses[s->clause];
            d->clause = an_features_span(sc->f, c->start, c->end, &d->clause_len);
        }
        AnTagScore ex = *s;
        int dm = an_models_domain(r->models, r->counselling ? "counselling" : "couples");
        if (dm < 0 || an_models_tag_index(r->models, dm, d->tag) < 0)
            dm = an_models_domain(r->models, "couples");
        an_models_explain(r->models, dm, an_models_tag_index(r->models, dm, d->tag), sc->v, &ex);
        s = &ex;
        for (int k = 0; k < s->ntop; k++) {
            d->features[k] = an_vector_name(sc->v, s->top[k]);
            d->weights[k] = s->top_w[k];
        }
        d->nfeatures = s->ntop;
    }
    return n;
}

int rules_set_points(Rules *r, const char *tag, int points)
{
    if (!tag || !*tag || strlen(tag) >= MOVE_TAG_MAX)
        return -1;
    return rules_lua_set_points(r->script, tag, points);
}

int rules_add_rule(Rules *r, const char *source, const char *name, ScriptError *err)
{
    return rules_lua_add_rule(r->script, source, name, err);
}

void rules_clear_overrides(Rules *r)
{
    rules_lua_clear_overrides(r->script);
}

int rules_asks(Rules *r, const char *context, const char *reply)
{
    char *cbuf, *rbuf;
    const char *ctx = bounded(context, &cbuf), *rep = bounded(reply, &rbuf);
    const AnFeatures *f = an_analyse(r->an, ctx, rep);
    free(cbuf);
    free(rbuf);
    return f ? f->asking + f->said_back : -1;
}

const AnVector *rules_vectorize(Rules *r, const char *context, const char *reply)
{
    char *cbuf, *rbuf;
    const char *ctx = bounded(context, &cbuf), *rep = bounded(reply, &rbuf);
    const AnFeatures *f = an_analyse(r->an, ctx, rep);
    int rc = f ? an_vectorize(r->vec, f, r->m, AN_VEC_WHOLE | AN_VEC_NAMES) : -1;
    free(cbuf);
    free(rbuf);
    r->last.n = 0; /* the decisions of the last score no longer point at live features */
    return rc == 0 ? r->vec : NULL;
}

const AnModels *rules_models(const Rules *r)
{
    return r->models;
}

void rules_set_models(Rules *r, AnModels *ms)
{
    if (ms != r->models)
        an_models_destroy(r->models);
    r->models = ms;
    r->last.n = 0;
}

int rules_set_domain(Rules *r, const char *domain)
{
    if (strcmp(domain, "couples") == 0)
        r->counselling = 0;
    else if (strcmp(domain, "counselling") == 0)
        r->counselling = 1;
    else
        return -1;
    return 0;
}

int rules_pattern_count(const Rules *r)
{
    return an_matcher_pattern_count(r->m);
}

const char *rules_pattern(const Rules *r, int i, const char **cue)
{
    int c = -1;
    const char *text = an_matcher_pattern_text(r->m, i, &c);
    if (cue)
        *cue = an_matcher_cue_name(r->m, c);
    return text;
}

int rules_pattern_hits(Rules *r, const char *text, unsigned char *hit)
{
    char *buf;
    const char *t = bounded(text, &buf);
    AnTokens *toks = an_tokens_create();
    AnTokenInfo *info = NULL;
    AnMatchScratch *scratch = an_match_scratch_create(r->m);
    AnMatch *found = NULL;
    int rc = -1;
    if (!toks || !scratch || an_tokenize(toks, t, strlen(t)) < 0 ||
        an_speller_fix_tokens(r->speller, toks) < 0)
        goto done;
    info = calloc((size_t)toks->count + 1, sizeof *info);
    found = malloc(((size_t)toks->count + 1) * 8 * sizeof *found);
    if (!info || !found)
        goto done;
    an_lexicon_annotate(r->lx, toks, info);
    an_negation_mark(toks, info);
    int n = an_matcher_run(r->m, scratch, toks, info, found, toks->count * 8 + 8);
    for (int k = 0; k < n; k++)
        hit[found[k].pattern] = 1;
    rc = 0;
done:
    free(buf);
    free(info);
    free(found);
    an_match_scratch_destroy(scratch);
    an_tokens_destroy(toks);
    return rc;
}
