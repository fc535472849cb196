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

/* The 1-based clause holding reply token T, 0 when none does. */
static int clause_of(const AnFeatures *f, int t)
{
    for (int c = 0; c < f->n_clauses; c++)
        if (t >= f->clauses[c].start && t < f->clauses[c].end)
            return c + 1;
    return 0;
}

static void push_sentences(lua_State *L, const AnFeatures *f)
{
    static const char *const Q[] = {NULL, "open", "closed"};
    lua_createtable(L, f->n_sents, 0);
    for (int i = 0; i < f->n_sents; i++) {
        const AnSentence *s = &f->sents[i];
        lua_createtable(L, 0, 3);
        push_span(L, f, s->start, s->end);
        lua_setfield(L, -2, "text");
        if (s->question) {
            lua_pushstring(L, Q[s->question]);
            lua_setfield(L, -2, "question");
        }
        if (s->asks)
            set_bool(L, "asks", 1);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "sents");
}

static void push_clauses(lua_State *L, const AnFeatures *f)
{
    lua_createtable(L, f->n_clauses, 0);
    for (int i = 0; i < f->n_clauses; i++) {
        const AnClause *c = &f->clauses[i];
        lua_createtable(L, 0, 4);
        push_span(L, f, c->start, c->end);
        lua_setfield(L, -2, "text");
        lua_pushstring(L, an_subject_name(c->subject));
        lua_setfield(L, -2, "subject");
        set_int(L, "sentence", c->sentence + 1);
        set_bool(L, "marked",
                 c->end > c->start && f->reply->items[c->end - 1].kind == AN_TOK_SENT_END &&
                     an_token_text(f->reply, c->end - 1)[0] == '?');
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "clauses");
}

static void push_words(lua_State *L, const AnFeatures *f, const AnLexicon *lx)
{
    lua_createtable(L, f->n_echo, 0);
    for (int i = 0; i < f->n_echo; i++) {
        int t = f->echo[i];
        lua_createtable(L, 0, 3);
        push_span(L, f, t, t + 1);
        lua_setfield(L, -2, "word");
        set_int(L, "sentence", (lua_Integer)f->reply->items[t].sentence + 1);
        set_int(L, "clause", clause_of(f, t));
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "echo");
    lua_createtable(L, f->n_feelings, 0);
    for (int i = 0; i < f->n_feelings; i++) {
        int t = f->feelings[i];
        lua_createtable(L, 0, 6);
        push_span(L, f, t, t + 1);
        lua_setfield(L, -2, "word");
        lua_pushstring(L, lx ? an_lexicon_family_name(lx, f->info[t].family) : "");
        lua_setfield(L, -2, "family");
        set_int(L, "intensity", f->info[t].intensity);
        set_bool(L, "echoed", f->feeling_echoed[i]);
        set_int(L, "sentence", (lua_Integer)f->reply->items[t].sentence + 1);
        set_int(L, "clause", clause_of(f, t));
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
            continue; /* the models' evidence; building Lua tables for it costs time */
        const char *name = an_matcher_cue_name(m, h->cue);
        if (lua_getfield(L, -1, name) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_createtable(L, 2, 0);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, name);
        }
        lua_createtable(L, 0, 4);
        push_span(L, f, h->start, h->end);
        lua_setfield(L, -2, "text");
        set_int(L, "sentence", h->sentence + 1);
        set_int(L, "clause", clause_of(f, h->start));
        set_bool(L, "negated", h->negated);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "cues");
}

/* f.model[tag] = { p = 0.83, threshold = 0.6, fires = true, clause = 2 } for each tag that
 * fires (the others are nil; every score and the features that decided are in
 * rules_decisions) */
static void push_model(lua_State *L, const RulesScored *sc)
{
    lua_createtable(L, 0, 4);
    for (int i = 0; i < sc->n; i++) {
        const AnTagScore *t = &sc->scores[i];
        if (!t->fires)
            continue;
        lua_createtable(L, 0, 4);
        set_num(L, "p", t->p);
        set_num(L, "threshold", t->threshold);
        set_bool(L, "fires", t->fires);
        if (t->clause >= 0)
            set_int(L, "clause", t->clause + 1);
        lua_setfield(L, -2, sc->tags[i]);
    }
    lua_setfield(L, -2, "model");
}

static void push_features(lua_State *L, const RulesScored *sc, const AnMatcher *m,
                          const AnLexicon *lx)
{
    const AnFeatures *f = sc->f;
    lua_createtable(L, 0, 10);
    lua_pushstring(L, sc->customer ? "customer" : "agent");
    lua_setfield(L, -2, "role");
    lua_pushlstring(L, f->reply->clean, f->reply->clean_len);
    lua_setfield(L, -2, "reply");
    set_int(L, "words", f->words);
    set_num(L, "parrot", f->parrot);
    push_sentences(L, f);
    push_clauses(L, f);
    push_words(L, f, lx);
    push_cues(L, f, m);
    push_model(L, sc);
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

/* What the protected step needs. */
typedef struct ScoreCall {
    const RulesScored *sc;
    const AnMatcher *m;
    const AnLexicon *lx;
    MoveList *out;
} ScoreCall;

/* Runs inside script_call: builds the features table, calls R.score(f) and reads the moves,
 * so a memory error or a hostile metatable is caught like any script error. */
static int l_score(lua_State *L)
{
    ScoreCall *c = lua_touserdata(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    lua_getfield(L, -1, "score");
    push_features(L, c->sc, c->m, c->lx);
    lua_call(L, 1, 1);
    read_moves(L, c->out);
    return 0;
}

int rules_lua_score(Script *s, const RulesScored *sc, const AnMatcher *m, const AnLexicon *lx,
                    MoveList *out, ScriptError *err)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    ScoreCall call = {sc, m, lx, out};
    lua_pushcfunction(L, l_score);
    lua_pushlightuserdata(L, &call);
    int rc = script_call(s, 1, 0, err);
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

/* The overrides are changed inside protected steps too: setting a field may need memory,
 * and a memory error outside a step would end the program. */

typedef struct PointsCall {
    const char *tag;
    int points;
} PointsCall;

static int l_set_points(lua_State *L)
{
    const PointsCall *c = lua_touserdata(L, 1);
    push_override(L, "points");
    if (!lua_istable(L, -1))
        return luaL_error(L, "the rules table has no overrides.points");
    lua_pushinteger(L, c->points);
    lua_setfield(L, -2, c->tag);
    lua_pop(L, 1);
    lua_getfield(L, -1, "overrides"); /* the rules' merged points are stale now */
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "dirty");
    return 0;
}

int rules_lua_set_points(Script *s, const char *tag, int points)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    PointsCall call = {tag, points};
    ScriptError err;
    lua_pushcfunction(L, l_set_points);
    lua_pushlightuserdata(L, &call);
    int rc = script_call(s, 1, 0, &err);
    lua_settop(L, top);
    return rc == 0 ? 0 : -1;
}

/* Appends the function at stack index 2 to R.overrides.rules. */
static int l_add_rule(lua_State *L)
{
    push_override(L, "rules");
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

int rules_lua_add_rule(Script *s, const char *source, const char *name, ScriptError *err)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    int rc = script_run_string(s, source ? source : "", source ? strlen(source) : 0,
                               name ? name : "rule", 1, err);
    if (rc != 0)
        return rc;
    if (!lua_isfunction(L, -1)) {
        lua_settop(L, top);
        return fail(err, name ? name : "rule", "a rule chunk must return a function", "");
    }
    lua_pushcfunction(L, l_add_rule);
    lua_insert(L, -2); /* the C function, then the rule as its argument */
    lua_pushnil(L);
    lua_insert(L, -2); /* l_add_rule(nil, rule): the rule is argument 2 */
    rc = script_call(s, 2, 0, err);
    lua_settop(L, top);
    return rc;
}

static int l_clear_overrides(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    lua_getfield(L, -1, "overrides");
    lua_newtable(L);
    lua_setfield(L, -2, "points");
    lua_newtable(L);
    lua_setfield(L, -2, "rules");
    return 0;
}

void rules_lua_clear_overrides(Script *s)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    ScriptError err;
    lua_pushcfunction(L, l_clear_overrides);
    script_call(s, 0, 0, &err); /* nothing to report: at worst the old overrides stay */
    lua_settop(L, top);
}
