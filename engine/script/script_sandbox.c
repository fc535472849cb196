/* script_sandbox.c: what a scenario's Lua can reach. Opens base (script_base.c), string
 * (script_string.c), table (script_table.c), math, utf8 (script_utf8.c) and coroutine, each
 * with the replacements that keep it inside the sandbox; here: math.random and randomseed
 * on the Script's seeded Rng, the other math functions behind a charge for numbers given as
 * long strings, and coroutine.create, resume, wrap and close, through which an exhausted
 * instruction budget could otherwise be caught or outrun. docs/sandbox.md is the user's
 * side of the sandbox.
 *
 * Why the budget needs help with coroutines: Lua runs hooks with hooks off, so the __close
 * handlers of a coroutine killed by the budget error would run without limit.
 *
 * Depends on: Lua 5.4, engine/core/rng.h.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script_internal.h"

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
        hi = script_check_integer(L, 1);
        if (hi == 0) { /* math.random(0): any integer */
            lua_pushinteger(L, (lua_Integer)rng_range(r, LUA_MININTEGER, LUA_MAXINTEGER));
            return 1;
        }
        break;
    case 2:
        lo = script_check_integer(L, 1);
        hi = script_check_integer(L, 2);
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
    uint64_t a = (uint64_t)script_check_integer(L, 1);
    uint64_t b = (uint64_t)script_opt_integer(L, 2, 0);
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
    lua_pushcfunction(L, fn);
    lua_setfield(L, -2, field);
}

void script_open_math(lua_State *L)
{
    /* Every function that reads numbers: a numeric string is read in time that grows with
     * its length. math.type reads none; random and randomseed are the sandbox's own. */
    static const char *const guarded[] = {
        "abs", "ceil", "floor", "fmod", "modf",      "sqrt", "exp", "log", "sin", "cos",
        "tan", "asin", "acos",  "atan", "tointeger", "ult",  "max", "min", NULL};
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    int lib = lua_gettop(L);
    set_field(L, "random", l_random);
    set_field(L, "randomseed", l_randomseed);
    script_hidden_originals(L, LUA_MATHLIBNAME);
    int hidden = lua_gettop(L);
    for (int i = 0; guarded[i] != NULL; i++)
        script_guard_field(L, lib, hidden, LUA_MATHLIBNAME, guarded[i]);
    lua_settop(L, lib - 1);
}

int script_open_sandbox(lua_State *L)
{
    script_open_base(L);
    script_open_string(L);
    script_open_table(L);
    script_open_math(L);
    script_open_utf8(L);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    set_field(L, "create", l_co_create);
    set_field(L, "resume", l_co_resume);
    set_field(L, "wrap", l_co_wrap);
    wrap_field(L, "close", l_co_close);
    lua_pop(L, 1);
    return 0;
}
