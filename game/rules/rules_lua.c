/* rules_lua.c: the Lua side of the rules bridge: reads lexicon tables into the C lexicon
 * and matcher, pushes a reply's features as a table, calls score(f) and reads the moves
 * back, and keeps scenario overrides in the rules table. Thin: checks, converts, calls.
 * Depends on Lua 5.4 through engine/script. */
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <string.h>

#include "game/rules/rules_internal.h"

#define RULES_KEY "heard.rules" /* registry slot of the table default.lua returned */

static int fail(ScriptError *err, const char *path, const char *what, const char *detail)
{
    if (err) {
        memset(err, 0, sizeof *err);
        snprintf(err->file, sizeof err->file, "%.200s", path);
        snprintf(err->message, sizeof err->message, "%.200s: %.250s%.50s", path, what, detail);
    }
    return SCRIPT_ERR_RUNTIME;
}

/* ---- lexicons --------------------------------------------------------------------- */

/* Adds every string of the list at the top of the stack to class CLS. */
static int add_words(lua_State *L, AnLexicon *lx, const char *cls, const char *family, int level)
{
    int n = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        const char *w = lua_tostring(L, -1);
        int bad = !w || an_lexicon_add_word(lx, cls, w, family, level) < 0;
        lua_pop(L, 1);
        if (bad)
            return -1;
    }
    return 0;
}

static int read_classes(lua_State *L, AnLexicon *lx)
{
    if (lua_getfield(L, -1, "classes") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TSTRING || !lua_istable(L, -1) ||
                add_words(L, lx, lua_tostring(L, -2), NULL, 0) < 0)
                return -1;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return 0;
}

/* families = { CLASS = { FAMILY = { [level] = {words} } } } */
static int read_families(lua_State *L, AnLexicon *lx)
{
    if (lua_getfield(L, -1, "families") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) { /* class -> families */
            const char *cls = lua_tostring(L, -2);
            if (!cls || !lua_istable(L, -1))
                return -1;
            lua_pushnil(L);
            while (lua_next(L, -2)) { /* family -> levels */
                const char *fam = lua_tostring(L, -2);
                if (!fam || !lua_istable(L, -1))
                    return -1;
                for (int level = 1; level <= 3; level++) {
                    if (lua_rawgeti(L, -1, level) == LUA_TTABLE &&
                        add_words(L, lx, cls, fam, level) < 0)
                        return -1;
                    lua_pop(L, 1);
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return 0;
}

/* Adds the patterns under KEY ("cues", or "model_cues": read by the fitted model only, left
 * out of the features the rules see) of the table on the stack. */
static int read_cue_table(lua_State *L, AnMatcher *m, const char *path, const char *key,
                          ScriptError *err)
{
    char msg[160], detail[400];
    if (lua_getfield(L, -1, key) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            const char *cue = lua_tostring(L, -2);
            int n = lua_istable(L, -1) ? (int)lua_rawlen(L, -1) : -1;
            if (!cue || n < 0) {
                snprintf(detail, sizeof detail, "%s must map names to lists of patterns", key);
                return fail(err, path, detail, "");
            }
            for (int i = 1; i <= n; i++) {
                lua_rawgeti(L, -1, i);
                const char *pat = lua_tostring(L, -1);
                if (!pat || an_matcher_add(m, cue, pat, msg, sizeof msg) < 0) {
                    snprintf(detail, sizeof detail, "cue '%s' pattern \"%s\": %s", cue,
                             pat ? pat : "?", pat ? msg : "not a string");
                    return fail(err, path, detail, "");
                }
                lua_pop(L, 1);
            }
            if (strcmp(key, "model_cues") == 0)
                an_matcher_set_model_only(m, an_matcher_cue_id(m, cue));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return 0;
}

static int read_cues(lua_State *L, AnMatcher *m, const char *path, ScriptError *err)
{
    int rc = read_cue_table(L, m, path, "cues", err);
    return rc != 0 ? rc : read_cue_table(L, m, path, "model_cues", err);
}

int rules_lua_lexicon(Script *s, const char *path, int pass, AnLexicon *lx, AnMatcher *m,
                      ScriptError *err)
{
    lua_State *L = script_lua(s);
    int rc = script_run_file(s, path, 1, err);
    if (rc != 0)
        return rc;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return fail(err, path, "a lexicon file must return a table", "");
    }
    int top = lua_gettop(L);
    if (pass == 1 && (read_classes(L, lx) < 0 || read_families(L, lx) < 0))
        rc = fail(err, path, "classes and families must hold lists of words", "");
    else if (pass == 2)
        rc = read_cues(L, m, path, err);
    lua_settop(L, top - 1);
    return rc;
}

int rules_lua_load_rules(Script *s, const char *path, ScriptError *err)
{
    lua_State *L = script_lua(s);
    int rc = script_run_file(s, path, 1, err);
    if (rc != 0)
        return rc;
    if (!lua_istable(L, -1) || lua_getfield(L, -1, "score") != LUA_TFUNCTION) {
        lua_settop(L, 0);
        return fail(err, path, "the rules file must return a table with a score function", "");
    }
    lua_pop(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    return 0;
}

/* ---- weights ---------------------------------------------------------------------- */

/* Reads one model table at the top of the stack into MD; returns NULL or what is wrong. */
static const char *read_model(lua_State *L, AnModel *md, char *bad, size_t badsz)
{
    memset(md, 0, sizeof *md);
    lua_getfield(L, -1, "tag");
    lua_getfield(L, -2, "bias");
    lua_getfield(L, -3, "threshold");
    const char *tag = lua_tostring(L, -3);
    int ok = tag && strlen(tag) < sizeof md->tag && lua_isnumber(L, -2) && lua_isnumber(L, -1);
    if (ok) {
        snprintf(md->tag, sizeof md->tag, "%s", tag);
        md->bias = lua_tonumber(L, -2);
        md->threshold = lua_tonumber(L, -1);
    }
    lua_pop(L, 3);
    if (!ok)
        return "each model needs a tag, a bias and a threshold";
    if (lua_getfield(L, -1, "weights") != LUA_TTABLE) {
        lua_pop(L, 1);
        return "each model needs a weights table";
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int id = name ? an_model_input_id(name) : -1;
        if (id < 0 || !lua_isnumber(L, -1)) {
            snprintf(bad, badsz, "model '%s': unknown input '%s' (retrain with heard train)",
                     md->tag, name ? name : "?");
            lua_pop(L, 3);
            return bad;
        }
        md->w[id] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return NULL;
}

int rules_lua_load_weights(Script *s, const char *path, AnModel *models, int max, int *n,
                           ScriptError *err)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    *n = 0;
    int rc = script_run_file(s, path, 1, err);
    if (rc != 0)
        return rc;
    if (!lua_istable(L, -1) || lua_getfield(L, -1, "models") != LUA_TTABLE) {
        lua_settop(L, top);
        return fail(err, path, "the weights file must return a table with a models list", "");
    }
    char bad[200];
    int count = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= count && *n < max; i++) {
        lua_rawgeti(L, -1, i);
        const char *why = lua_istable(L, -1) ? read_model(L, &models[*n], bad, sizeof bad)
                                             : "models must be tables";
        lua_pop(L, 1);
        if (why) {
            lua_settop(L, top);
            *n = 0;
            return fail(err, path, why, "");
        }
        (*n)++;
    }
    lua_pop(L, 1); /* models; the weights table stays for R.weights */
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "weights");
    lua_settop(L, top);
    return 0;
}

/* ---- features --------------------------------------------------------------------- */

static void push_span(lua_State *L, const AnFeatures *f, int start, int end)
{
    size_t len;
    const char *p = an_features_span(f, start, end, &len);
    lua_pushlstring(L, p, len);
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

static void push_sentences(lua_State *L, const AnFeatures *f)
{
    static const char *const Q[] = {NULL, "open", "closed"};
    lua_createtable(L, f->n_sents, 0);
    for (int i = 0; i < f->n_sents; i++) {
        const AnSentence *s = &f->sents[i];
        lua_createtable(L, 0, 10);
        push_span(L, f, s->start, s->end);
        lua_setfield(L, -2, "text");
        if (s->question) {
            lua_pushstring(L, Q[s->question]);
            lua_setfield(L, -2, "question");
        }
        set_bool(L, "marked", s->marked);
        if (s->asks)
            set_bool(L, "asks", 1);
        lua_pushstring(L, s->first < s->end ? an_token_text(f->reply, s->first) : "");
        lua_setfield(L, -2, "first");
        set_int(L, "first_person", s->first_person);
        set_int(L, "second_person", s->second_person);
        set_int(L, "we", s->we);
        set_int(L, "words", s->words);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "sents");
}

static void push_words(lua_State *L, const AnFeatures *f, const AnLexicon *lx)
{
    lua_createtable(L, f->n_echo, 0);
    for (int i = 0; i < f->n_echo; i++) {
        int t = f->echo[i];
        lua_createtable(L, 0, 2);
        push_span(L, f, t, t + 1);
        lua_setfield(L, -2, "word");
        set_int(L, "sentence", (lua_Integer)f->reply->items[t].sentence + 1);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "echo");
    lua_createtable(L, f->n_feelings, 0);
    for (int i = 0; i < f->n_feelings; i++) {
        int t = f->feelings[i];
        lua_createtable(L, 0, 5);
        push_span(L, f, t, t + 1);
        lua_setfield(L, -2, "word");
        lua_pushstring(L, lx ? an_lexicon_family_name(lx, f->info[t].family) : "");
        lua_setfield(L, -2, "family");
        set_int(L, "intensity", f->info[t].intensity);
        set_bool(L, "echoed", f->feeling_echoed[i]);
        set_int(L, "sentence", (lua_Integer)f->reply->items[t].sentence + 1);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "feelings");
}

static void push_cues(lua_State *L, const AnFeatures *f, const AnMatcher *m)
{
    lua_createtable(L, 0, 8);
    for (int i = 0; i < f->n_hits; i++) {
        const AnHit *h = &f->hits[i];
        if (an_matcher_model_only(m, h->cue))
            continue; /* the model's evidence; building Lua tables for it costs time */
        const char *name = an_matcher_cue_name(m, h->cue);
        if (lua_getfield(L, -1, name) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_createtable(L, 2, 0);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, name);
        }
        lua_createtable(L, 0, 3);
        push_span(L, f, h->start, h->end);
        lua_setfield(L, -2, "text");
        set_int(L, "sentence", h->sentence + 1);
        set_bool(L, "negated", h->negated);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "cues");
}

/* f.model[tag] = { p = 0.83, threshold = 0.6, fires = true, top = {"opener", "echo"} } */
static void push_model(lua_State *L, const RulesModelOut *mo)
{
    lua_createtable(L, 0, mo ? mo->n : 0);
    for (int i = 0; mo && i < mo->n; i++) {
        lua_createtable(L, 0, 4);
        set_num(L, "p", mo->p[i]);
        set_num(L, "threshold", mo->models[i].threshold);
        set_bool(L, "fires", mo->p[i] >= mo->models[i].threshold);
        lua_createtable(L, mo->ntop[i], 0);
        for (int k = 0; k < mo->ntop[i]; k++) {
            lua_pushstring(L, an_model_input_name(mo->top[i][k]));
            lua_rawseti(L, -2, k + 1);
        }
        lua_setfield(L, -2, "top");
        lua_setfield(L, -2, mo->models[i].tag);
    }
    lua_setfield(L, -2, "model");
}

static void push_features(lua_State *L, const AnFeatures *f, const AnMatcher *m, int customer,
                          const AnLexicon *lx)
{
    lua_createtable(L, 0, 32);
    lua_pushstring(L, customer ? "customer" : "agent");
    lua_setfield(L, -2, "role");
    lua_pushlstring(L, f->reply->clean, f->reply->clean_len);
    lua_setfield(L, -2, "reply");
    set_int(L, "words", f->words);
    set_int(L, "content_words", f->content_words);
    set_int(L, "ctx_words", f->ctx_words);
    set_int(L, "ctx_feelings", f->ctx_feelings);
    set_int(L, "ctx_first_person", f->ctx_first_person);
    set_int(L, "ctx_second_person", f->ctx_second_person);
    set_int(L, "first_person", f->first_person);
    set_int(L, "second_person", f->second_person);
    set_bool(L, "perspective_shift", f->perspective_shift);
    set_int(L, "questions", f->questions);
    set_int(L, "open_questions", f->open_questions);
    set_int(L, "closed_questions", f->closed_questions);
    set_num(L, "overlap", f->overlap);
    set_num(L, "topic_shift", f->topic_shift);
    set_num(L, "parrot", f->parrot);
    set_int(L, "longest_copy", f->longest_copy);
    push_sentences(L, f);
    push_words(L, f, lx);
    push_cues(L, f, m);
}

/* ---- moves ------------------------------------------------------------------------ */

static void read_moves(lua_State *L, MoveList *out)
{
    int n = lua_istable(L, -1) ? (int)lua_rawlen(L, -1) : 0;
    for (int i = 1; i <= n && out->count < MOVES_MAX; i++) {
        if (lua_rawgeti(L, -1, i) == LUA_TTABLE) {
            Move *mv = &out->items[out->count];
            lua_getfield(L, -1, "tag");
            lua_getfield(L, -2, "points");
            lua_getfield(L, -3, "reason");
            const char *tag = lua_tostring(L, -3);
            if (tag && strlen(tag) < MOVE_TAG_MAX) {
                snprintf(mv->tag, sizeof mv->tag, "%s", tag);
                mv->points = (int)lua_tointeger(L, -2);
                const char *why = lua_tostring(L, -1);
                snprintf(mv->reason, sizeof mv->reason, "%s", why ? why : "");
                out->count++;
            }
            lua_pop(L, 3);
        }
        lua_pop(L, 1);
    }
}

int rules_lua_score(Script *s, const AnFeatures *f, const AnMatcher *m, const AnLexicon *lx,
                    const RulesModelOut *mo, int customer, MoveList *out, ScriptError *err)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    lua_getfield(L, -1, "score");
    push_features(L, f, m, customer, lx);
    push_model(L, mo);
    int rc = script_call(s, 1, 1, err);
    if (rc == 0)
        read_moves(L, out);
    lua_settop(L, top);
    return rc;
}

/* ---- overrides -------------------------------------------------------------------- */

/* Pushes R.overrides[FIELD]; leaves two values (the rules table and the field). */
static void push_override(lua_State *L, const char *field)
{
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    lua_getfield(L, -1, "overrides");
    lua_getfield(L, -1, field);
    lua_remove(L, -2);
}

int rules_lua_set_points(Script *s, const char *tag, int points)
{
    lua_State *L = script_lua(s);
    push_override(L, "points");
    if (!lua_istable(L, -1)) {
        lua_pop(L, 2);
        return -1;
    }
    lua_pushinteger(L, points);
    lua_setfield(L, -2, tag);
    lua_pop(L, 2);
    return 0;
}

int rules_lua_add_rule(Script *s, const char *source, const char *name, ScriptError *err)
{
    lua_State *L = script_lua(s);
    int rc = script_run_string(s, source ? source : "", source ? strlen(source) : 0,
                               name ? name : "rule", 1, err);
    if (rc != 0)
        return rc;
    if (!lua_isfunction(L, -1)) {
        lua_pop(L, 1);
        return fail(err, name ? name : "rule", "a rule chunk must return a function", "");
    }
    push_override(L, "rules");
    lua_pushvalue(L, -3);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 3);
    return 0;
}

void rules_lua_clear_overrides(Script *s)
{
    lua_State *L = script_lua(s);
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    lua_getfield(L, -1, "overrides");
    lua_newtable(L);
    lua_setfield(L, -2, "points");
    lua_newtable(L);
    lua_setfield(L, -2, "rules");
    lua_pop(L, 2);
}
