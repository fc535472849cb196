/* script_string.c: the sandbox's string library. Every function that loops in C over a
 * length or count a script controls is replaced by one that charges the instruction budget
 * for that work, so none can outrun the budget:
 *   - find, match, gmatch and gsub run on pattern.c, whose steps are charged as they go
 *     (a pattern that backtracks ends as "ran too long" instead of freezing the game);
 *   - rep checks the length of its result against the memory cap before building it, and
 *     builds it by doubling, so an empty string repeated 2^63 times costs nothing;
 *   - byte, char, sub, len, lower, upper and reverse charge by the bytes they touch, and
 *     read their number arguments with script_check_integer;
 *   - format, pack, packsize and unpack keep Lua's code behind a charge for their format
 *     and string arguments; format shows tables and functions with stable numbers (%s, %p);
 *   - the arithmetic metamethods of strings ("10" + 1) charge for reading the number.
 * dump is absent. docs/sandbox.md is the user's side of this file.
 *
 * Depends on: Lua 5.4, engine/script/pattern.h.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/pattern.h"
#include "engine/script/script_internal.h"

/* ===== Positions ========================================================= */

/* A start position (1-based, negative from the end) as an index in [1, len + 1]. */
static size_t start_pos(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

/* An end position as an index in [0, len]. */
static size_t end_pos(lua_Integer pos, size_t len)
{
    if (pos > (lua_Integer)len)
        return len;
    if (pos >= 0)
        return (size_t)pos;
    if (pos < -(lua_Integer)len)
        return 0;
    return len + (size_t)pos + 1;
}

/* ===== Simple functions ================================================== */

static int str_len(lua_State *L)
{
    size_t l;
    luaL_checklstring(L, 1, &l);
    lua_pushinteger(L, (lua_Integer)l);
    return 1;
}

static int str_sub(lua_State *L)
{
    size_t l;
    const char *s = luaL_checklstring(L, 1, &l);
    size_t i = start_pos(script_check_integer(L, 2), l);
    size_t j = end_pos(script_opt_integer(L, 3, -1), l);
    if (i > j)
        lua_pushliteral(L, "");
    else
        lua_pushlstring(L, s + i - 1, j - i + 1);
    return 1;
}

static int str_byte(lua_State *L)
{
    size_t l;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer first = script_opt_integer(L, 2, 1);
    size_t i = start_pos(first, l);
    size_t j = end_pos(script_opt_integer(L, 3, first), l);
    if (i > j)
        return 0;
    if (j - i >= (size_t)INT_MAX)
        return luaL_error(L, "string slice too long");
    int n = (int)(j - i) + 1;
    script_charge_in(L, n / 4, "string.byte");
    luaL_checkstack(L, n, "string slice too long");
    for (int k = 0; k < n; k++)
        lua_pushinteger(L, (unsigned char)s[i + (size_t)k - 1]);
    return n;
}

static int str_char(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_Buffer b;
    script_charge_in(L, n / 4, "string.char");
    char *p = luaL_buffinitsize(L, &b, (size_t)n);
    for (int i = 1; i <= n; i++) {
        lua_Unsigned c = (lua_Unsigned)script_check_integer(L, i);
        luaL_argcheck(L, c <= (lua_Unsigned)UCHAR_MAX, i, "value out of range");
        p[i - 1] = (char)(unsigned char)c;
    }
    luaL_pushresultsize(&b, (size_t)n);
    return 1;
}

/* lower, upper, reverse: a copy of the same length, changed byte by byte. */
enum { CASE_LOWER, CASE_UPPER, CASE_REVERSE };

static int transform(lua_State *L, int how, const char *what)
{
    size_t l;
    const char *s = luaL_checklstring(L, 1, &l);
    script_charge_in(L, (long long)(l / SCRIPT_SCAN_BYTES), what);
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, l);
    for (size_t i = 0; i < l; i++) {
        unsigned char c = (unsigned char)s[i];
        if (how == CASE_LOWER)
            p[i] = (char)tolower(c);
        else if (how == CASE_UPPER)
            p[i] = (char)toupper(c);
        else
            p[i] = s[l - 1 - i];
    }
    luaL_pushresultsize(&b, l);
    return 1;
}

static int str_lower(lua_State *L)
{
    return transform(L, CASE_LOWER, "string.lower");
}

static int str_upper(lua_State *L)
{
    return transform(L, CASE_UPPER, "string.upper");
}

static int str_reverse(lua_State *L)
{
    return transform(L, CASE_REVERSE, "string.reverse");
}

/* rep(s, n [, sep]): the length of the result is checked against the memory cap first;
 * the copy doubles what is already written, so it costs the result's length in bytes,
 * however many (possibly empty) pieces it has. */
static int str_rep(lua_State *L)
{
    size_t l, lsep;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = script_check_integer(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    size_t unit = l + lsep;
    if (unit < l || unit > (size_t)INT_MAX / (lua_Unsigned)n) /* Lua's limit for strings */
        return luaL_error(L, "resulting string too large");
    size_t total = (size_t)n * unit - lsep;
    if (total == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    /* The result is built in a buffer and then copied into the string: both at once. */
    if (!script_memory_fits(L, 2 * total))
        return script_memory_error(L);
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, total);
    size_t done = l < total ? l : total;
    memcpy(p, s, done);
    if (done < total && lsep > 0) {
        size_t k = lsep < total - done ? lsep : total - done;
        memcpy(p + done, sep, k);
        done += k;
    }
    while (done < total) {
        size_t k = done < total - done ? done : total - done;
        memcpy(p + done, p, k);
        done += k;
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

/* ===== Patterns ========================================================== */

static int charge_steps(void *ud, long steps)
{
    return script_charge_quiet((lua_State *)ud, steps);
}

/* Raises the error that stopped M (the budget's, or the pattern's own message). */
static int pattern_raise(lua_State *L, Pattern *m, const char *what)
{
    if (m->error == PATTERN_ERR_STOPPED) {
        script_charge_in(L, 0, what);
        return luaL_error(L, "the pattern was stopped"); /* not reached */
    }
    char msg[128];
    return luaL_error(L, "%s", pattern_error_text(m, msg, sizeof msg));
}

/* Charges what M counted and not yet charged; raises when the budget is spent. */
static void settle(lua_State *L, Pattern *m, const char *what)
{
    if (pattern_flush(m))
        pattern_raise(L, m, what);
}

/* Pushes capture I of a match from S to E (the whole match when there are none). */
static void push_capture(lua_State *L, Pattern *m, int i, const char *s, const char *e)
{
    if (i >= m->level) {
        if (i != 0)
            luaL_error(L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = m->capture[i].len;
    if (len == PATTERN_CAP_UNFINISHED)
        luaL_error(L, "unfinished capture");
    else if (len == PATTERN_CAP_POSITION)
        lua_pushinteger(L, (m->capture[i].init - m->src_init) + 1);
    else
        lua_pushlstring(L, m->capture[i].init, (size_t)len);
}

/* Pushes every capture (or the whole match when there are none and S is not NULL);
 * returns how many. */
static int push_captures(lua_State *L, Pattern *m, const char *s, const char *e)
{
    int n = (m->level == 0 && s != NULL) ? 1 : m->level;
    luaL_checkstack(L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_capture(L, m, i, s, e);
    return n;
}

static int find_aux(lua_State *L, int find)
{
    const char *what = find ? "string.find" : "string.match";
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_pos(script_opt_integer(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    Pattern m;
    pattern_begin(&m, s, ls, p, lp, charge_steps, L);
    if (find && (lua_toboolean(L, 4) || pattern_is_plain(p, lp))) {
        ptrdiff_t at = pattern_find_text(&m, init, p, lp);
        if (m.error)
            return pattern_raise(L, &m, what);
        settle(L, &m, what);
        if (at < 0) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, at + 1);
        lua_pushinteger(L, at + (ptrdiff_t)lp);
        return 2;
    }
    int anchor = lp > 0 && *p == '^';
    const char *pat = p + anchor;
    const char *at = s + init;
    do {
        const char *e = pattern_match(&m, at, pat);
        if (m.error)
            return pattern_raise(L, &m, what);
        if (e != NULL) {
            settle(L, &m, what);
            if (!find)
                return push_captures(L, &m, at, e);
            lua_pushinteger(L, (at - s) + 1);
            lua_pushinteger(L, e - s);
            return push_captures(L, &m, NULL, NULL) + 2;
        }
    } while (at++ < m.src_end && !anchor);
    settle(L, &m, what);
    luaL_pushfail(L);
    return 1;
}

static int str_find(lua_State *L)
{
    return find_aux(L, 1);
}

static int str_match(lua_State *L)
{
    return find_aux(L, 0);
}

/* gmatch's iterator state, a userdata in its third upvalue. */
typedef struct GmatchState {
    size_t next;    /* offset where the next search starts */
    ptrdiff_t last; /* end offset of the last match, or -1 */
} GmatchState;

static int gmatch_step(lua_State *L)
{
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    GmatchState *g = lua_touserdata(L, lua_upvalueindex(3));
    Pattern m;
    pattern_begin(&m, s, ls, p, lp, charge_steps, L);
    for (const char *at = s + g->next; at <= m.src_end; at++) {
        const char *e = pattern_match(&m, at, p);
        if (m.error)
            return pattern_raise(L, &m, "string.gmatch");
        if (e != NULL && (e - s) != g->last) {
            g->next = (size_t)(e - s);
            g->last = e - s;
            settle(L, &m, "string.gmatch");
            return push_captures(L, &m, at, e);
        }
    }
    g->next = ls + 1;
    settle(L, &m, "string.gmatch");
    return 0;
}

static int str_gmatch(lua_State *L)
{
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_pos(script_opt_integer(L, 3, 1), ls) - 1;
    if (init > ls)
        init = ls + 1; /* matches nothing */
    lua_settop(L, 2);
    GmatchState *g = lua_newuserdatauv(L, sizeof *g, 0);
    g->next = init;
    g->last = -1;
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

/* Appends the replacement string (argument 3) for the match S..E, with %0-%9 and %%. */
static void add_string(lua_State *L, Pattern *m, luaL_Buffer *b, const char *s, const char *e)
{
    size_t l;
    const char *r = lua_tolstring(L, 3, &l);
    const char *end = r + l;
    while (r < end) {
        const char *p = memchr(r, '%', (size_t)(end - r));
        if (p == NULL) {
            luaL_addlstring(b, r, (size_t)(end - r));
            return;
        }
        luaL_addlstring(b, r, (size_t)(p - r));
        p++;
        if (p < end && *p == '%') {
            luaL_addchar(b, '%');
        } else if (p < end && *p == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (p < end && isdigit((unsigned char)*p)) {
            push_capture(L, m, *p - '1', s, e);
            luaL_tolstring(L, -1, NULL); /* a position capture is a number */
            lua_remove(L, -2);
            luaL_addvalue(b);
        } else {
            luaL_error(L, "invalid use of '%%' in replacement string");
        }
        r = p + 1;
    }
}

/* Appends the replacement for the match S..E; returns whether the text changed. */
static int add_value(lua_State *L, Pattern *m, luaL_Buffer *b, const char *s, const char *e,
                     int type)
{
    if (type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(L, m, s, e);
        lua_call(L, n, 1);
    } else if (type == LUA_TTABLE) {
        push_capture(L, m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_string(L, m, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) { /* nil or false: keep the original text */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int str_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int type = lua_type(L, 3);
    lua_Integer max = script_opt_integer(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L,
                     type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION ||
                         type == LUA_TTABLE,
                     3, "string/function/table");
    int anchor = lp > 0 && *p == '^';
    const char *pat = p + anchor;
    Pattern m;
    pattern_begin(&m, src, ls, p, lp, charge_steps, L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const char *last = NULL;
    lua_Integer n = 0;
    int changed = 0;
    while (n < max) {
        const char *e = pattern_match(&m, src, pat);
        if (m.error)
            return pattern_raise(L, &m, "string.gsub");
        if (e != NULL && e != last) {
            n++;
            changed = add_value(L, &m, &b, src, e, type) | changed;
            src = last = e;
        } else if (src < m.src_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor)
            break;
    }
    settle(L, &m, "string.gsub");
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(m.src_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

/* ===== format ============================================================ */

/* One conversion of a format string: where it is and which character ends it. */
typedef struct Spec {
    size_t at, len; /* from the '%' */
    char conv;
} Spec;

/* The next conversion in FMT from *POS (skipping "%%"); 0 when there is none. */
static int next_spec(const char *fmt, size_t lf, size_t *pos, Spec *out)
{
    for (size_t i = *pos; i < lf; i++) {
        if (fmt[i] != '%')
            continue;
        if (i + 1 < lf && fmt[i + 1] == '%') {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < lf && strchr("-+ #0123456789.", fmt[j]) != NULL && fmt[j] != '\0')
            j++;
        out->at = i;
        out->len = j - i + 1;
        out->conv = j < lf ? fmt[j] : '\0';
        *pos = j + 1;
        return 1;
    }
    return 0;
}

/* Whether a %p spec has only what Lua allows there ('-' and a width of two digits), so
 * that it can be written as %s. */
static int plain_p_spec(const char *spec, size_t len)
{
    size_t i = 1, digits = 0;
    while (i < len - 1 && spec[i] == '-')
        i++;
    for (; i < len - 1; i++, digits++)
        if (!isdigit((unsigned char)spec[i]))
            return 0;
    return digits <= 2;
}

/* Makes argument ARG stable for %p: "#N" for objects and strings, "(null)" otherwise. */
static void stable_pointer(lua_State *L, int arg)
{
    int t = lua_type(L, arg);
    if (t == LUA_TNIL || t == LUA_TBOOLEAN || t == LUA_TNUMBER || t == LUA_TNONE)
        lua_pushliteral(L, "(null)");
    else
        lua_pushfstring(L, "#%I", (LUAI_UACINT)script_object_id(L, arg));
    lua_replace(L, arg);
}

/* format: Lua's, given a format in which %p reads %s and arguments in which every value
 * %s or %p would show by its address reads as the sandbox's tostring shows it. */
static int str_format(lua_State *L)
{
    size_t lf;
    const char *fmt = luaL_checklstring(L, 1, &lf);
    int top = lua_gettop(L);
    script_charge_in(L, (long long)(lf / SCRIPT_SCAN_BYTES), "string.format");
    script_charge_strings(L, 2, "string.format");
    luaL_Buffer b;
    int rewrite = 0;
    size_t pos = 0, copied = 0;
    Spec sp;
    for (int arg = 2; next_spec(fmt, lf, &pos, &sp); arg++) {
        if (arg > top)
            break; /* Lua's format says which argument is missing */
        int t = lua_type(L, arg);
        if (sp.conv == 's' && t != LUA_TSTRING && t != LUA_TNUMBER &&
            luaL_getmetafield(L, arg, "__tostring") == LUA_TNIL) {
            script_tostring(L, arg, NULL);
            lua_replace(L, arg);
        } else if (sp.conv == 's' && t != LUA_TSTRING && t != LUA_TNUMBER) {
            lua_pop(L, 1); /* the __tostring: Lua's format calls it */
        } else if (sp.conv == 'p' && plain_p_spec(fmt + sp.at, sp.len)) {
            if (!rewrite) {
                luaL_buffinit(L, &b);
                rewrite = 1;
            }
            stable_pointer(L, arg);
            luaL_addlstring(&b, fmt + copied, sp.at + sp.len - 1 - copied);
            luaL_addchar(&b, 's');
            copied = sp.at + sp.len;
        }
    }
    if (rewrite) {
        luaL_addlstring(&b, fmt + copied, lf - copied);
        luaL_pushresult(&b);
        lua_replace(L, 1);
    }
    lua_settop(L, top);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, top, 1);
    return 1;
}

/* ===== Arithmetic on strings ============================================= */

/* The string metatable's __add and the rest: Lua's, after a charge for reading the
 * operands as numbers. */
static int str_arith(lua_State *L)
{
    script_charge_strings(L, 1, "string arithmetic");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static void guard_arithmetic(lua_State *L)
{
    static const char *const events[] = {"__add", "__sub",  "__mul", "__div", "__mod",
                                         "__pow", "__idiv", "__unm", NULL};
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    for (int i = 0; events[i] != NULL; i++) {
        if (lua_getfield(L, -1, events[i]) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushcclosure(L, str_arith, 1);
        lua_setfield(L, -2, events[i]);
    }
    /* getmetatable("") must not hand out the table behind every string method. */
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
}

/* ===== Opening =========================================================== */

void script_open_string(lua_State *L)
{
    static const luaL_Reg own[] = {
        {"byte", str_byte}, {"char", str_char},       {"find", str_find},   {"gmatch", str_gmatch},
        {"gsub", str_gsub}, {"len", str_len},         {"lower", str_lower}, {"match", str_match},
        {"rep", str_rep},   {"reverse", str_reverse}, {"sub", str_sub},     {"upper", str_upper},
        {NULL, NULL}};
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    int lib = lua_gettop(L);
    lua_pushnil(L);
    lua_setfield(L, lib, "dump");
    luaL_setfuncs(L, own, 0);
    script_hidden_originals(L, LUA_STRLIBNAME);
    int hidden = lua_gettop(L);
    lua_getfield(L, lib, "format");
    lua_setfield(L, hidden, "format");
    lua_getfield(L, hidden, "format");
    lua_pushcclosure(L, str_format, 1);
    lua_setfield(L, lib, "format");
    script_guard_field(L, lib, hidden, LUA_STRLIBNAME, "pack");
    script_guard_field(L, lib, hidden, LUA_STRLIBNAME, "packsize");
    script_guard_field(L, lib, hidden, LUA_STRLIBNAME, "unpack");
    lua_settop(L, lib - 1);
    guard_arithmetic(L);
}
