/* rules.c: loading the lexicons and rules, scoring a reply, the source digest and the
 * scenario overrides. All Lua calls live in rules_lua.c.
 * Depends on game/analysis, engine/script, libc and POSIX dirent. */
#include "game/rules/rules.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/file.h"
#include "engine/core/hash.h"
#include "engine/core/utf8.h"
#include "game/analysis/an_tokenize.h"
#include "game/rules/rules_internal.h"

#define PATH_MAX_LEN 1024
#define LEXICON_FILES_MAX 64

struct Rules {
    Script *script;
    AnLexicon *lx;
    AnMatcher *m;
    AnAnalyser *an;
    AnModelCues cues;
    AnModel models[RULES_MODELS_MAX];
    int n_models;
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

/* scripts/rules/weights.lua is optional: without it the hand rules decide alone. */
static int load_weights(Rules *r, const char *root, uint64_t *h, ScriptError *err)
{
    char path[PATH_MAX_LEN];
    snprintf(path, sizeof path, "%s/scripts/rules/weights.lua", root);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 0;
    fclose(fp);
    int rc =
        rules_lua_load_weights(r->script, path, r->models, RULES_MODELS_MAX, &r->n_models, err);
    if (rc == 0)
        *h = hash_file(path, *h);
    return rc;
}

Rules *rules_load(const char *root, ScriptError *err)
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
    if (load_weights(r, root ? root : ".", &h, err) != 0) {
        rules_destroy(r);
        return NULL;
    }
    snprintf(r->hash, sizeof r->hash, "%016llx", (unsigned long long)h);
    if (an_matcher_compile(r->m) < 0 || !(r->an = an_analyser_create(r->lx, r->m))) {
        set_err(err, "rules", "out of memory");
        rules_destroy(r);
        return NULL;
    }
    an_model_cues_bind(&r->cues, r->m);
    return r;
}

void rules_destroy(Rules *r)
{
    if (!r)
        return;
    an_analyser_destroy(r->an);
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

int rules_score(Rules *r, const char *context, const char *reply, Role role, MoveList *out,
                ScriptError *err)
{
    memset(out, 0, sizeof *out);
    const AnFeatures *f = an_analyse(r->an, context ? context : "", reply ? reply : "");
    if (!f) {
        set_err(err, "rules", "out of memory while reading the reply");
        return SCRIPT_ERR_MEMORY;
    }
    double x[AN_X_COUNT], p[RULES_MODELS_MAX];
    int top[RULES_MODELS_MAX][3], ntop[RULES_MODELS_MAX];
    RulesModelOut mo = {r->models, r->n_models, p, (const int(*)[3])top, ntop};
    if (r->n_models > 0) {
        an_model_inputs(&r->cues, f, x);
        for (int i = 0; i < r->n_models; i++) {
            p[i] = an_model_score(&r->models[i], x);
            ntop[i] = an_model_explain(&r->models[i], x, top[i], 3);
        }
    }
    int rc = rules_lua_score(r->script, f, r->m, r->lx, &mo, role == ROLE_CUSTOMER, out, err);
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

int rules_inputs(Rules *r, const char *context, const char *reply, double *x, int cap)
{
    const AnFeatures *f = an_analyse(r->an, context ? context : "", reply ? reply : "");
    if (!f || cap < AN_X_COUNT)
        return -1;
    an_model_inputs(&r->cues, f, x);
    return AN_X_COUNT;
}

int rules_asks(Rules *r, const char *context, const char *reply)
{
    const AnFeatures *f = an_analyse(r->an, context ? context : "", reply ? reply : "");
    return f ? f->asking + f->said_back : -1;
}

int rules_models(const Rules *r, const AnModel **models)
{
    *models = r->models;
    return r->n_models;
}

int rules_set_models(Rules *r, const AnModel *models, int n)
{
    if (n < 0 || n > RULES_MODELS_MAX)
        return -1;
    if (n > 0)
        memmove(r->models, models, (size_t)n * sizeof *models);
    r->n_models = n;
    return 0;
}
