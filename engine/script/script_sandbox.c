/* script_sandbox.c: what a scenario's Lua can reach. Opens base, string, table, math, utf8
 * and coroutine; removes dofile, loadfile and string.dump; replaces load (text only), print
 * (to stderr with the place), collectgarbage (no tuning), math.random and randomseed (the
 * Script's seeded Rng), and the functions through which an exhausted instruction budget
 * could be caught or outrun: pcall, xpcall, setmetatable (no __gc) and coroutine.create,
 * resume, wrap and close. docs/sandbox.md is the user's side of this file.
 *
 * Why the budget needs help: Lua runs hooks with hooks off, so code that runs *because of*
 * an error raised in the hook (an xpcall handler, the __close handlers of a coroutine killed
 * by it) and every __gc finalizer would run without limit.
 *
 * Depends on: Lua 5.4, engine/core/rng.h.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script_internal.h"

/* ===== Base ============================================================== */

/* Results after a protected call: all of them, or false and the error object. An error
 * while the step's budget is spent is raised again: a scenario cannot catch it. */
static int pcall_finish(lua_State *L, int status, lua_KContext extra)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        if (script_from(L)->budget_hit)
            return lua_error(L);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int l_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, pcall_finish);
    return pcall_finish(L, status, 0);
}

/* Message handler around the scenario's own: skipped once the budget is spent, because
 * the error then comes from the hook and Lua would run the handler with hooks off. */
static int xpcall_handler(lua_State *L)
{
    if (script_from(L)->budget_hit)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int l_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* f, handler, true, f, args... */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, pcall_finish);
    return pcall_finish(L, status, 2);
}

/* setmetatable without __gc: finalizers run with hooks off, outside any budget. */
static int l_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "scenarios cannot use __gc (finalizers) in metatables");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* print(...): one line on stderr, "FILE:LINE: " then the values as tostring shows them,
 * separated by tabs. */
static int l_print(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
        const char *name =
            ar.source[0] == '@' || ar.source[0] == '=' ? ar.source + 1 : ar.short_src;
        lua_pushfstring(L, "%s:%d: ", name, ar.currentline);
        luaL_addvalue(&b);
    }
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_addchar(&b, '\n');
    luaL_pushresult(&b);
    size_t len;
    const char *line = lua_tolstring(L, -1, &len);
    fwrite(line, 1, len, stderr);
    fflush(stderr);
    return 0;
}

/* collectgarbage: only "collect", "count", "step" and "isrunning". A collection is work the
 * hook cannot see, so it is charged to the budget by the size of the heap. */
static int l_collectgarbage(lua_State *L)
{
    static const char *const allowed[] = {"collect", "count", "step", "isrunning", NULL};
    const char *opt = luaL_optstring(L, 1, "collect");
    int which = 0;
    while (allowed[which] != NULL && strcmp(allowed[which], opt) != 0)
        which++;
    if (allowed[which] == NULL)
        return luaL_error(L,
                          "collectgarbage(\"%s\") is not available to scenarios (only "
                          "\"collect\", \"count\", \"step\" and \"isrunning\" are)",
                          opt);
    Script *s = script_from(L);
    switch (which) {
    case 0:
        script_charge(L, (long long)(s->mem_used / 8));
        lua_gc(L, LUA_GCCOLLECT);
        lua_pushinteger(L, 0);
        return 1;
    case 1:
        lua_pushnumber(L, (lua_Number)s->mem_used / 1024.0);
        return 1;
    case 2: {
        int kb = (int)luaL_optinteger(L, 2, 0);
        script_charge(L, (long long)(s->mem_used / 8));
        lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, kb));
        return 1;
    }
    default:
        lua_pushboolean(L, lua_gc(L, LUA_GCISRUNNING));
        return 1;
    }
}

/* ===== load (text only) ================================================== */

enum { LOAD_PIECE = 5 }; /* stack slot that keeps the reader's last piece alive */

static const char *load_reader(lua_State *L, void *ud, size_t *size)
{
    (void)ud;
    luaL_checkstack(L, 2, "too many nested functions");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        *size = 0;
        return NULL;
    }
    if (!lua_isstring(L, -1))
        luaL_error(L, "reader function must return a string");
    lua_replace(L, LOAD_PIECE);
    return lua_tolstring(L, LOAD_PIECE, size);
}

/* load(chunk [, name [, mode [, env]]]): as Lua's, but only text is ever loaded, and the
 * environment defaults to the sandbox's globals. */
static int l_load(lua_State *L)
{
    size_t len;
    const char *text = lua_tolstring(L, 1, &len);
    const char *mode = luaL_optstring(L, 3, "bt");
    int env = !lua_isnone(L, 4) ? 4 : 0;
    int status;
    if (strchr(mode, 't') == NULL) {
        luaL_pushfail(L);
        lua_pushliteral(L, "scenarios can load only text chunks (mode must include 't')");
        return 2;
    }
    if (text != NULL) {
        const char *name = luaL_optstring(L, 2, text);
        status = luaL_loadbufferx(L, text, len, name, "t");
    } else {
        const char *name = luaL_optstring(L, 2, "=(load)");
        luaL_checktype(L, 1, LUA_TFUNCTION);
        lua_settop(L, LOAD_PIECE);
        status = lua_load(L, load_reader, NULL, name, "t");
    }
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (env != 0) {
        lua_pushvalue(L, env);
        if (!lua_setupvalue(L, -2, 1))
            lua_pop(L, 1);
    }
    return 1;
}

/* ===== math.random on the Script's Rng =================================== */

static int l_random(lua_State *L)
{
    Rng *r = &script_from(L)->rng;
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)rng_double(r));
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        if (hi == 0) { /* math.random(0): any integer */
            lua_pushinteger(L, (lua_Integer)rng_range(r, LUA_MININTEGER, LUA_MAXINTEGER));
            return 1;
        }
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, lo <= hi, 1, "interval is empty");
    lua_pushinteger(L, (lua_Integer)rng_range(r, lo, hi));
    return 1;
}

/* math.randomseed(x [, y]) reseeds from x (and y); with no argument it returns to the
 * seed the Script was created with, never to the clock. */
static int l_randomseed(lua_State *L)
{
    Script *s = script_from(L);
    if (lua_isnone(L, 1)) {
        rng_seed(&s->rng, s->seed);
        return 0;
    }
    uint64_t a = (uint64_t)luaL_checkinteger(L, 1);
    uint64_t b = (uint64_t)luaL_optinteger(L, 2, 0);
    rng_seed(&s->rng, a ^ (b * 0x9e3779b97f4a7c15ULL));
    return 0;
}

/* ===== Coroutines ======================================================== */

/* coroutine.create: the new thread gets the hook, and its creation is charged one hook
 * period, since the instructions it runs before its first hook call are never counted. */
static int l_co_create(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    Script *s = script_from(L);
    script_charge(L, s->step);
    lua_State *co = lua_newthread(L);
    script_limit_thread(s, co);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    return 1;
}

/* Resumes CO with the NARG values on top of L. Returns how many results it moved to L, or
 * -1 with the error object on top of L. A copy of the error stays on CO for close. */
static int resume_core(lua_State *L, lua_State *co, int narg)
{
    Script *s = script_from(L);
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, narg);
    lua_State *outer = s->running;
    s->running = co;
    int nres = 0;
    int status = lua_resume(co, L, narg, &nres);
    s->running = outer;
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    if (lua_checkstack(co, 1))
        lua_pushvalue(co, -1);
    lua_xmove(co, L, 1);
    return -1;
}

static int l_co_resume(lua_State *L)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "coroutine");
    int n = resume_core(L, co, lua_gettop(L) - 1);
    if (n < 0) {
        if (script_from(L)->budget_hit)
            return lua_error(L);
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(n + 1));
    return n + 1;
}

/* The function coroutine.wrap returns. Unlike Lua's, a failed coroutine is not reset
 * here (see l_co_close), and the error passes through unchanged. */
static int wrap_call(lua_State *L)
{
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int n = resume_core(L, co, lua_gettop(L));
    if (n < 0)
        return lua_error(L);
    return n;
}

static int l_co_wrap(lua_State *L)
{
    l_co_create(L);
    lua_pushcclosure(L, wrap_call, 1);
    return 1;
}

/* coroutine.close: as Lua's for suspended and finished coroutines. One that stopped with an
 * error may have been stopped by the budget hook, which leaves hooks off on that thread;
 * its pending __close handlers would then run without limit, so they are not run. */
static int l_co_close(lua_State *L)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "coroutine");
    int status = lua_status(co);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        if (lua_gettop(co) > 0 && lua_checkstack(co, 1)) {
            lua_pushvalue(co, -1);
            lua_xmove(co, L, 1);
        } else {
            lua_pushliteral(L, "the coroutine had stopped with an error");
        }
        return 2;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* ===== Opening =========================================================== */

/* Replaces FIELD of the table on top with FN, given the old value as its upvalue. */
static void wrap_field(lua_State *L, const char *field, lua_CFunction fn)
{
    lua_getfield(L, -1, field);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, -2, field);
}

static void set_field(lua_State *L, const char *field, lua_CFunction fn)
{
    if (fn != NULL)
        lua_pushcfunction(L, fn);
    else
        lua_pushnil(L);
    lua_setfield(L, -2, field);
}

static void open_base(lua_State *L)
{
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1); /* leaves _G on the stack */
    set_field(L, "dofile", NULL);
    set_field(L, "loadfile", NULL);
    set_field(L, "load", l_load);
    set_field(L, "print", l_print);
    set_field(L, "collectgarbage", l_collectgarbage);
    set_field(L, "pcall", l_pcall);
    set_field(L, "xpcall", l_xpcall);
    wrap_field(L, "setmetatable", l_setmetatable);
    lua_pop(L, 1);
}

static void open_string(lua_State *L)
{
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    set_field(L, "dump", NULL);
    lua_pop(L, 1);
    /* getmetatable("") must not hand out the table behind every string method. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
}

int script_open_sandbox(lua_State *L)
{
    open_base(L);
    open_string(L);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    set_field(L, "random", l_random);
    set_field(L, "randomseed", l_randomseed);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    set_field(L, "create", l_co_create);
    set_field(L, "resume", l_co_resume);
    set_field(L, "wrap", l_co_wrap);
    wrap_field(L, "close", l_co_close);
    lua_pop(L, 1);
    return 0;
}
