/* check_lua.c: the Lua side of `heard check`: reads the examples, prompts and hints
 * of a scenario table that scenario_load has already checked, and compiles code examples
 * without running them. Reads raw (no metamethods), inside a protected call, so running out
 * of memory is a message and never a crash.
 *
 * Depends on: Lua 5.4, engine/script, game/scenario. */
#include "game/check/check_internal.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

static char *dup_text(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Pushes t[KEY] without metamethods; returns its type. */
static int raw_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* Adds TAG to EX's expected moves once. */
static void expect(CheckExample *ex, const char *tag)
{
    for (int i = 0; i < ex->nexpected; i++) {
        if (strcmp(ex->expected[i], tag) == 0)
            return;
    }
    if (ex->nexpected < CHECK_TAGS_MAX && strlen(tag) < MOVE_TAG_MAX)
        snprintf(ex->expected[ex->nexpected++], MOVE_TAG_MAX, "%s", tag);
}

/* Reads the example table at E into EX (zeroed by the caller). */
static void read_example(lua_State *L, int e, CheckExample *ex)
{
    size_t n = 0;
    const char *s;
    if (raw_field(L, e, "context") == LUA_TSTRING) {
        s = lua_tolstring(L, -1, &n);
        ex->context = dup_text(s, n);
    } else {
        ex->context = dup_text("", 0);
    }
    if (raw_field(L, e, "reply") == LUA_TSTRING) {
        s = lua_tolstring(L, -1, &n);
        ex->reply = dup_text(s, n);
    } else {
        ex->reply = dup_text("", 0);
    }
    const char *role = raw_field(L, e, "role") == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (role)
        ex->role = strcmp(role, "customer") == 0 ? ROLE_CUSTOMER : ROLE_AGENT;
    else
        ex->role = ex->context && ex->context[0] ? ROLE_AGENT : ROLE_CUSTOMER;
    if (raw_field(L, e, "known_miss") == LUA_TSTRING) {
        s = lua_tolstring(L, -1, &n);
        ex->known_miss = dup_text(s, n);
    }
    lua_pop(L, 1);
    if (raw_field(L, e, "moves") == LUA_TTABLE) {
        lua_Integer count = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= count; i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING)
                expect(ex, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    }
    const char *rating = raw_field(L, e, "rating") == LUA_TSTRING ? lua_tostring(L, -1) : "";
    snprintf(ex->rating, sizeof ex->rating, "%s", rating);
    lua_pop(L, 5);
    if (!ex->context || !ex->reply)
        luaL_error(L, "out of memory while reading the examples");
}

static void read_examples(lua_State *L, CheckTable *t)
{
    int type = raw_field(L, 2, "examples");
    t->has_examples = type != LUA_TNIL;
    size_t n = type == LUA_TTABLE ? lua_rawlen(L, -1) : 0;
    if (n > 0) {
        t->examples = calloc(n, sizeof *t->examples);
        if (!t->examples)
            luaL_error(L, "out of memory while reading the examples");
    }
    for (size_t i = 0; i < n; i++) {
        CheckExample *ex = &t->examples[i];
        ex->index = (int)i + 1;
        t->nexamples = i + 1; /* counted first, so a failure below is still freed */
        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) == LUA_TTABLE)
            read_example(L, lua_gettop(L), ex);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Records the byte length of each text of the list FIELD (at most MAX). */
static int read_lengths(lua_State *L, const char *field, size_t *lens, int max)
{
    int n = 0;
    if (raw_field(L, 2, field) == LUA_TTABLE) {
        lua_Integer count = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= count && n < max; i++) {
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) == LUA_TTABLE) { /* { text = "...", speaker = "first" } */
                raw_field(L, lua_gettop(L), "text");
                lua_replace(L, -2);
            }
            lens[n++] = lua_rawlen(L, -1);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return n;
}

/* Protected: (CheckTable *, scenario table) -> nothing. */
static int l_check_read(lua_State *L)
{
    CheckTable *t = lua_touserdata(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    t->has_play = raw_field(L, 2, "play") == LUA_TFUNCTION;
    lua_pop(L, 1);
    t->nprompts = read_lengths(L, "prompts", t->prompt_len, SCENARIO_PROMPTS_MAX);
    t->nhints = read_lengths(L, "hints", t->hint_len, CHECK_HINTS_MAX);
    read_examples(L, t);
    return 0;
}

int check_lua_read(Script *s, CheckTable *t, ScriptError *err)
{
    memset(t, 0, sizeof *t);
    lua_State *L = script_lua(s);
    lua_pushcfunction(L, l_check_read);
    lua_pushlightuserdata(L, t);
    lua_pushvalue(L, -3);
    return script_call(s, 2, 0, err);
}

void check_table_free(CheckTable *t)
{
    for (size_t i = 0; t->examples && i < t->nexamples; i++) {
        free(t->examples[i].context);
        free(t->examples[i].reply);
    }
    free(t->examples);
    t->examples = NULL;
    t->nexamples = 0;
}

int check_compile(const char *name, const char *src, size_t len, char *msg, size_t cap)
{
    if (cap)
        msg[0] = '\0';
    ScriptLimits limits = {0, 0};
    Script *s = script_create(limits, 0);
    if (!s) {
        snprintf(msg, cap, "%s: out of memory", name);
        return SCRIPT_ERR_MEMORY;
    }
    lua_State *L = script_lua(s);
    char chunk[300];
    snprintf(chunk, sizeof chunk, "=%s", name);
    /* lua_load runs nothing and catches its own errors, so it is safe outside a step */
    int rc = luaL_loadbufferx(L, src, len, chunk, "t");
    if (rc != LUA_OK)
        snprintf(msg, cap, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "cannot compile");
    script_destroy(s);
    if (rc == LUA_OK)
        return 0;
    return rc == LUA_ERRMEM ? SCRIPT_ERR_MEMORY : SCRIPT_ERR_SYNTAX;
}
