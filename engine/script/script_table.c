/* script_table.c: the sandbox's table library. Lua's insert, remove, move, concat and
 * unpack loop in C over a length a script controls (a __len can claim 2^62 elements, and
 * every element may go through an __index function); here each charges the instruction
 * budget for the elements it handles, as the same loop written in Lua would cost, so a
 * huge length ends as "ran too long" instead of a hang. sort is a heapsort: its number of
 * comparisons is bounded whatever the comparison function answers, each one is charged,
 * and it orders equal elements the same way in every run (Lua's own picks pivots from the
 * clock). pack is Lua's.
 *
 * Depends on: Lua 5.4.
 */
#include <limits.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script_internal.h"

/* What handling one element costs, in instructions (a read and a write, as in Lua). */
#define ELEMENT_COST 4

/* Elements charged at a time. */
#define ELEMENT_BLOCK 256

enum { TAB_R = 1, TAB_W = 2, TAB_L = 4 };

/* Whether the metatable on top has field KEY; pushes the field. */
static int has_field(lua_State *L, const char *key, int n)
{
    lua_pushstring(L, key);
    return lua_rawget(L, -n) != LUA_TNIL;
}

/* Argument ARG must be a table, or have the metamethods WHAT asks for. */
static void check_table(lua_State *L, int arg, int what)
{
    if (lua_type(L, arg) == LUA_TTABLE)
        return;
    int n = 1;
    if (lua_getmetatable(L, arg) && (!(what & TAB_R) || has_field(L, "__index", ++n)) &&
        (!(what & TAB_W) || has_field(L, "__newindex", ++n)) &&
        (!(what & TAB_L) || has_field(L, "__len", ++n)))
        lua_pop(L, n);
    else
        luaL_checktype(L, arg, LUA_TTABLE);
}

static lua_Integer length_of(lua_State *L, int arg, int what)
{
    check_table(L, arg, what | TAB_L);
    return luaL_len(L, arg);
}

/* Charges for element K (counted from 0) of a loop of N over the table at argument 1: a
 * block at a time, ahead; twice as much when a metamethod may run for each element. */
static void charge_element(lua_State *L, lua_Unsigned k, lua_Unsigned n, const char *what)
{
    if (k % ELEMENT_BLOCK == 0) {
        lua_Unsigned left = n - k;
        lua_Unsigned block = left < ELEMENT_BLOCK ? left : ELEMENT_BLOCK;
        int meta = lua_getmetatable(L, 1);
        if (meta)
            lua_pop(L, 1);
        script_charge_in(L, (long long)block * ELEMENT_COST * (meta ? 2 : 1), what);
    }
}

static int tab_insert(lua_State *L)
{
    lua_Integer e = length_of(L, 1, TAB_R | TAB_W);
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* the first empty place */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3: {
        pos = script_check_integer(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)pos, k = 0;
        for (lua_Integer i = e; i > pos; i--, k++) {
            charge_element(L, k, n, "table.insert");
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    }
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int tab_remove(lua_State *L)
{
    lua_Integer size = length_of(L, 1, TAB_R | TAB_W);
    lua_Integer pos = script_opt_integer(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos);
    lua_Unsigned n = pos < size ? (lua_Unsigned)size - (lua_Unsigned)pos : 0, k = 0;
    for (; pos < size; pos++, k++) {
        charge_element(L, k, n, "table.remove");
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static int tab_move(lua_State *L)
{
    lua_Integer f = script_check_integer(L, 2);
    lua_Integer e = script_check_integer(L, 3);
    lua_Integer t = script_check_integer(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    check_table(L, 1, TAB_R);
    check_table(L, tt, TAB_W);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        int forward = t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ));
        for (lua_Integer k = 0; k < n; k++) {
            lua_Integer i = forward ? k : n - 1 - k;
            charge_element(L, (lua_Unsigned)k, (lua_Unsigned)n, "table.move");
            lua_geti(L, 1, f + i);
            lua_seti(L, tt, t + i);
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static void add_field(lua_State *L, luaL_Buffer *b, lua_Integer i)
{
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1),
                   (LUAI_UACINT)i);
    luaL_addvalue(b);
}

static int tab_concat(lua_State *L)
{
    lua_Integer last = length_of(L, 1, TAB_R);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = script_opt_integer(L, 3, 1);
    last = script_opt_integer(L, 4, last);
    lua_Unsigned n = i <= last ? (lua_Unsigned)last - (lua_Unsigned)i + 1u : 0, k = 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; i < last; i++, k++) {
        charge_element(L, k, n, "table.concat");
        add_field(L, &b, i);
        luaL_addlstring(&b, sep, lsep);
    }
    if (i == last) {
        charge_element(L, k, n, "table.concat");
        add_field(L, &b, i);
    }
    luaL_pushresult(&b);
    return 1;
}

static int tab_unpack(lua_State *L)
{
    lua_Integer i = script_opt_integer(L, 2, 1);
    lua_Integer e = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : script_check_integer(L, 3);
    if (i > e)
        return 0;
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;
    if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    script_charge_in(L, (long long)n, "table.unpack");
    for (; i < e; i++)
        lua_geti(L, 1, i);
    lua_geti(L, 1, e);
    return (int)n;
}

/* ===== sort ============================================================== */

/* Whether the value at A sorts before the one at B: the comparison function (argument 2)
 * or '<'. Each comparison is charged, long strings by their length. */
static int sort_less(lua_State *L, int a, int b)
{
    long long cost = 2;
    if (lua_type(L, a) == LUA_TSTRING && lua_type(L, b) == LUA_TSTRING) {
        size_t la = lua_rawlen(L, a), lb = lua_rawlen(L, b);
        cost += (long long)((la < lb ? la : lb) / SCRIPT_SCAN_BYTES);
    }
    script_charge_in(L, cost, "table.sort");
    if (lua_isnil(L, 2))
        return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a - 1);
    lua_pushvalue(L, b - 2);
    lua_call(L, 2, 1);
    int res = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return res;
}

/* Moves the value at ROOT of the heap t[1..end] down to its place. */
static void sift_down(lua_State *L, lua_Integer root, lua_Integer end)
{
    lua_geti(L, 1, root); /* the value that sinks, kept on top until it lands */
    lua_Integer child;
    while ((child = 2 * root) <= end) {
        lua_geti(L, 1, child);
        if (child + 1 <= end) {
            lua_geti(L, 1, child + 1);
            if (sort_less(L, -2, -1)) {
                lua_remove(L, -2);
                child++;
            } else {
                lua_pop(L, 1);
            }
        }
        if (!sort_less(L, -2, -1)) {
            lua_pop(L, 1);
            break;
        }
        lua_seti(L, 1, root); /* the larger child moves up */
        root = child;
    }
    lua_seti(L, 1, root);
}

static int tab_sort(lua_State *L)
{
    lua_Integer n = length_of(L, 1, TAB_R | TAB_W);
    if (n > 1) {
        luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        if (!lua_isnoneornil(L, 2))
            luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_settop(L, 2);
        for (lua_Integer i = n / 2; i >= 1; i--)
            sift_down(L, i, n);
        for (lua_Integer end = n; end > 1; end--) {
            lua_geti(L, 1, 1);
            lua_geti(L, 1, end);
            lua_seti(L, 1, 1);
            lua_seti(L, 1, end);
            sift_down(L, 1, end - 1);
        }
    }
    return 0;
}

void script_open_table(lua_State *L)
{
    static const luaL_Reg own[] = {
        {"concat", tab_concat}, {"insert", tab_insert}, {"move", tab_move}, {"remove", tab_remove},
        {"sort", tab_sort},     {"unpack", tab_unpack}, {NULL, NULL}};
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_setfuncs(L, own, 0);
    lua_pop(L, 1);
}
