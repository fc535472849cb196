/* script_base.c: the sandbox's base library, and the helpers the other library files share
 * (number arguments that charge for numeric strings, guarded originals, stable tostring).
 *
 * Replaced: load (text only, charged by length), print (stderr, with the place, stable
 * tostring, one line of at most SCRIPT_PRINT_MAX bytes), tostring (stable numbers in place
 * of addresses, so a replay shows the same text), collectgarbage (no tuning), pcall and
 * xpcall (the budget error cannot be caught), setmetatable (no __gc), and the functions
 * whose work in C grows with something a script controls: error (the level walks the
 * stack), select and tonumber (numbers read from long strings), rawequal, rawget and rawset
 * (long strings compared and hashed), warn. dofile and loadfile are absent.
 *
 * Why the budget needs help: Lua runs hooks with hooks off, so code that runs *because of*
 * an error raised in the hook (an xpcall handler) and every __gc finalizer would run
 * without limit; and work inside a C function is one instruction to the hook.
 *
 * Depends on: Lua 5.4.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script_internal.h"

/* The longest line print writes; the rest is counted, not written. */
#define SCRIPT_PRINT_MAX 4096

/* What one print costs besides its bytes: a write to the terminal. */
#define SCRIPT_PRINT_COST 200

/* Strings longer than this are hashed and compared byte by byte as table keys. */
#define SCRIPT_SHORT_STRING 40

/* Registry key of the weak table from objects to the numbers tostring shows. */
static const char ids_key = 'i';

/* ===== Helpers shared with the other library files ====================== */

lua_Integer script_check_integer(lua_State *L, int arg)
{
    if (lua_type(L, arg) == LUA_TSTRING)
        script_charge_in(L, (long long)(lua_rawlen(L, arg) / SCRIPT_NUMBER_BYTES), NULL);
    return luaL_checkinteger(L, arg);
}

lua_Integer script_opt_integer(lua_State *L, int arg, lua_Integer def)
{
    return lua_isnoneornil(L, arg) ? def : script_check_integer(L, arg);
}

void script_charge_strings(lua_State *L, int from, const char *what)
{
    size_t bytes = 0;
    for (int i = from, top = lua_gettop(L); i <= top; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += lua_rawlen(L, i);
    if (bytes >= SCRIPT_NUMBER_BYTES)
        script_charge_in(L, (long long)(bytes / SCRIPT_NUMBER_BYTES), what);
}

/* A guarded original: upvalue 1 the function, upvalue 2 its name for the budget message. */
static int guarded_call(lua_State *L)
{
    script_charge_strings(L, 1, lua_tostring(L, lua_upvalueindex(2)));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

void script_hidden_originals(lua_State *L, const char *libname)
{
    /* Lua's argument errors name a function by looking for it in the loaded libraries;
     * under "_G.string" the original of string.format reads as "string.format". */
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushfstring(L, LUA_GNAME ".%s", libname);
    luaL_getsubtable(L, -2, lua_tostring(L, -1));
    lua_replace(L, -3);
    lua_pop(L, 1);
}

void script_guard_field(lua_State *L, int lib, int hidden, const char *libname, const char *name)
{
    lua_getfield(L, lib, name);
    lua_pushvalue(L, -1);
    lua_setfield(L, hidden, name);
    lua_pushfstring(L, "%s.%s", libname, name);
    lua_pushcclosure(L, guarded_call, 2);
    lua_setfield(L, lib, name);
}

lua_Integer script_object_id(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ids_key);
    lua_pushvalue(L, idx);
    if (lua_rawget(L, -2) == LUA_TNUMBER) {
        lua_Integer id = lua_tointeger(L, -1);
        lua_pop(L, 2);
        return id;
    }
    lua_pop(L, 1);
    lua_Integer id = ++script_from(L)->next_id;
    lua_pushvalue(L, idx);
    lua_pushinteger(L, id);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    return id;
}

const char *script_tostring(lua_State *L, int idx, size_t *len)
{
    idx = lua_absindex(L, idx);
    if (luaL_callmeta(L, idx, "__tostring")) {
        if (!lua_isstring(L, -1))
            luaL_error(L, "'__tostring' must return a string");
        return lua_tolstring(L, -1, len);
    }
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
    case LUA_TSTRING:
        lua_pushvalue(L, idx);
        break;
    case LUA_TBOOLEAN:
        lua_pushstring(L, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case LUA_TNIL:
        lua_pushliteral(L, "nil");
        break;
    default: {
        int named = luaL_getmetafield(L, idx, "__name");
        const char *kind = named == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, idx);
        lua_Integer id = script_object_id(L, idx);
        lua_pushfstring(L, "%s: #%I", kind, (LUAI_UACINT)id);
        if (named != LUA_TNIL)
            lua_remove(L, -2);
        break;
    }
    }
    return lua_tolstring(L, -1, len);
}

/* ===== Protected calls =================================================== */

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

/* error(message [, level]): Lua's; the level walks the stack, so it is charged. */
static int l_error(lua_State *L)
{
    lua_Integer level = script_opt_integer(L, 2, 1);
    lua_settop(L, 1);
    if (lua_type(L, 1) == LUA_TSTRING && level > 0) {
        int at = level < INT_MAX ? (int)level : INT_MAX;
        script_charge_in(L, (at < (1 << 20) ? at : (1 << 20)) / SCRIPT_SCAN_BYTES, "error");
        luaL_where(L, at);
        lua_pushvalue(L, 1);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/* ===== Metatables and garbage ============================================ */

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
        int kb = (int)script_opt_integer(L, 2, 0);
        script_charge(L, (long long)(s->mem_used / 8));
        lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, kb));
        return 1;
    }
    default:
        lua_pushboolean(L, lua_gc(L, LUA_GCISRUNNING));
        return 1;
    }
}

/* ===== Values ============================================================ */

static int l_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    script_tostring(L, 1, NULL);
    return 1;
}

/* The value of one digit in bases up to 36, or 99. */
static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return toupper(c) - 'A' + 10;
    return 99;
}

/* An integer numeral in BASE (spaces around, an optional '-'), as tonumber reads it. */
static int read_in_base(const char *s, size_t len, int base, lua_Integer *out)
{
    const char *end = s + len;
    lua_Unsigned n = 0;
    int neg = 0;
    while (s < end && isspace((unsigned char)*s))
        s++;
    if (s < end && (*s == '-' || *s == '+'))
        neg = *s++ == '-';
    if (s == end || !isalnum((unsigned char)*s))
        return 0;
    while (s < end && isalnum((unsigned char)*s)) {
        int d = digit_value((unsigned char)*s++);
        if (d >= base)
            return 0;
        n = n * (lua_Unsigned)base + (lua_Unsigned)d;
    }
    while (s < end && isspace((unsigned char)*s))
        s++;
    if (s != end)
        return 0;
    *out = (lua_Integer)(neg ? 0u - n : n);
    return 1;
}

/* tonumber(v [, base]): Lua's, charged by the length of a string read as a number. */
static int l_tonumber(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING)
        script_charge_in(L, (long long)(lua_rawlen(L, 1) / SCRIPT_NUMBER_BYTES), "tonumber");
    if (lua_isnoneornil(L, 2)) {
        if (lua_type(L, 1) == LUA_TNUMBER) {
            lua_settop(L, 1);
            return 1;
        }
        size_t l;
        const char *s = lua_tolstring(L, 1, &l);
        if (s != NULL && lua_stringtonumber(L, s) == l + 1)
            return 1;
        luaL_checkany(L, 1);
    } else {
        lua_Integer base = script_check_integer(L, 2);
        luaL_checktype(L, 1, LUA_TSTRING);
        size_t l;
        const char *s = lua_tolstring(L, 1, &l);
        luaL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
        lua_Integer n;
        if (read_in_base(s, l, (int)base, &n)) {
            lua_pushinteger(L, n);
            return 1;
        }
    }
    luaL_pushfail(L);
    return 1;
}

/* select(n, ...): Lua's, with n read by script_check_integer. */
static int l_select(lua_State *L)
{
    int n = lua_gettop(L);
    if (lua_type(L, 1) == LUA_TSTRING && *lua_tostring(L, 1) == '#') {
        lua_pushinteger(L, n - 1);
        return 1;
    }
    lua_Integer i = script_check_integer(L, 1);
    if (i < 0)
        i = n + i;
    else if (i > n)
        i = n;
    luaL_argcheck(L, 1 <= i, 1, "index out of range");
    return n - (int)i;
}

/* Charges for a long string at IDX used as a key (hashed once, compared on each lookup). */
static void charge_key(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t l = lua_rawlen(L, idx);
        if (l > SCRIPT_SHORT_STRING)
            script_charge_in(L, (long long)(l / SCRIPT_SCAN_BYTES), what);
    }
}

static int l_rawequal(lua_State *L)
{
    luaL_checkany(L, 1);
    luaL_checkany(L, 2);
    if (lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING &&
        lua_rawlen(L, 1) == lua_rawlen(L, 2))
        charge_key(L, 1, "rawequal");
    lua_pushboolean(L, lua_rawequal(L, 1, 2));
    return 1;
}

static int l_rawget(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    charge_key(L, 2, "rawget");
    lua_settop(L, 2);
    lua_rawget(L, 1);
    return 1;
}

static int l_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    charge_key(L, 2, "rawset");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* ===== Output ============================================================ */

/* print(...): one line on stderr, "FILE:LINE: " then the values as tostring shows them,
 * separated by tabs; at most SCRIPT_PRINT_MAX bytes of it, cut on a character boundary. */
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
        script_tostring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *line = lua_tolstring(L, -1, &len);
    script_charge_in(L, SCRIPT_PRINT_COST + (long long)(len / SCRIPT_SCAN_BYTES), "print");
    size_t shown = len;
    if (shown > SCRIPT_PRINT_MAX) {
        shown = SCRIPT_PRINT_MAX;
        while (shown > 0 && ((unsigned char)line[shown] & 0xC0) == 0x80)
            shown--;
    }
    fwrite(line, 1, shown, stderr);
    if (shown < len)
        fprintf(stderr, " … (%zu more bytes)", len - shown);
    fputc('\n', stderr);
    fflush(stderr);
    return 0;
}

/* warn(msg1, ...): Lua's, charged by the length of the message. */
static int l_warn(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checkstring(L, 1);
    size_t bytes = 0;
    for (int i = 1; i <= n; i++) {
        luaL_checkstring(L, i);
        bytes += lua_rawlen(L, i);
    }
    script_charge_in(L, SCRIPT_PRINT_COST + (long long)(bytes / SCRIPT_SCAN_BYTES), "warn");
    for (int i = 1; i < n; i++)
        lua_warning(L, lua_tostring(L, i), 1);
    lua_warning(L, lua_tostring(L, n), 0);
    return 0;
}

/* ===== load (text only) ================================================== */

enum { LOAD_PIECE = 5 }; /* stack slot that keeps the reader's last piece alive */

/* Reading a chunk costs this many bytes per instruction. */
#define SCRIPT_PARSE_BYTES 4

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
    const char *piece = lua_tolstring(L, LOAD_PIECE, size);
    script_charge_in(L, 1 + (long long)(*size / SCRIPT_PARSE_BYTES), "load");
    return piece;
}

/* load(chunk [, name [, mode [, env]]]): as Lua's, but only text is ever loaded, the
 * environment defaults to the sandbox's globals, and reading is charged by length. */
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
        script_charge_in(L, (long long)(len / SCRIPT_PARSE_BYTES), "load");
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

/* ===== Opening =========================================================== */

void script_open_base(lua_State *L)
{
    static const luaL_Reg own[] = {
        {"collectgarbage", l_collectgarbage},
        {"error", l_error},
        {"load", l_load},
        {"pcall", l_pcall},
        {"print", l_print},
        {"rawequal", l_rawequal},
        {"rawget", l_rawget},
        {"rawset", l_rawset},
        {"select", l_select},
        {"tonumber", l_tonumber},
        {"tostring", l_tostring},
        {"warn", l_warn},
        {"xpcall", l_xpcall},
        {NULL, NULL},
    };
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1); /* leaves _G on the stack */
    lua_pushnil(L);
    lua_setfield(L, -2, "dofile");
    lua_pushnil(L);
    lua_setfield(L, -2, "loadfile");
    luaL_setfuncs(L, own, 0);
    lua_getfield(L, -1, "setmetatable");
    lua_pushcclosure(L, l_setmetatable, 1);
    lua_setfield(L, -2, "setmetatable");
    lua_pop(L, 1);

    /* The numbers tostring shows: weak keys, so showing an object does not keep it. */
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &ids_key);
}
