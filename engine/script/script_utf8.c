/* script_utf8.c: the sandbox's utf8 library. len, codepoint, offset and the codes iterator
 * walk a string a script controls, as far as the script asks; here each charges the
 * instruction budget for the bytes it walks, and reads its positions with
 * script_check_integer. char is Lua's behind a charge for numeric strings; charpattern is
 * Lua's.
 *
 * Depends on: Lua 5.4.
 */
#include <limits.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script_internal.h"

/* Decoding this many bytes counts as one instruction. */
#define DECODE_BYTES 4

#define MAX_UTF 0x7FFFFFFFu /* the largest code the old 6-byte form holds */
#define MAX_UNICODE 0x10FFFFu

static int is_cont(const char *s, const char *end)
{
    return s < end && ((unsigned char)*s & 0xC0) == 0x80;
}

/* Decodes one sequence at S (before END) into *CODE; returns the byte after it, or NULL
 * when it is not valid (STRICT: also surrogates and codes past U+10FFFF). */
static const char *decode(const char *s, const char *end, unsigned long *code, int strict)
{
    static const unsigned long least[] = {~0ul, 0x80, 0x800, 0x10000ul, 0x200000ul, 0x4000000ul};
    unsigned int c = (unsigned char)s[0];
    unsigned long res;
    if (c < 0x80) {
        res = c;
    } else {
        int count = 0;
        res = 0;
        for (; c & 0x40; c <<= 1) {
            if (!is_cont(s + count + 1, end))
                return NULL;
            count++;
            res = (res << 6) | ((unsigned char)s[count] & 0x3F);
        }
        res |= (unsigned long)(c & 0x7F) << (count * 5);
        if (count > 5 || res > MAX_UTF || res < least[count])
            return NULL;
        s += count;
    }
    if (strict && (res > MAX_UNICODE || (0xD800u <= res && res <= 0xDFFFu)))
        return NULL;
    if (code != NULL)
        *code = res;
    return s + 1;
}

/* A position relative to the string: negative counts from the end, 0 when before it. */
static lua_Integer relative(lua_Integer pos, size_t len)
{
    if (pos >= 0)
        return pos;
    if (0u - (size_t)pos > len)
        return 0;
    return (lua_Integer)len + pos + 1;
}

static int u8_len(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer posi = relative(script_opt_integer(L, 2, 1), len);
    lua_Integer posj = relative(script_opt_integer(L, 3, -1), len);
    int lax = lua_toboolean(L, 4);
    luaL_argcheck(L, 1 <= posi && --posi <= (lua_Integer)len, 2, "initial position out of bounds");
    luaL_argcheck(L, --posj < (lua_Integer)len, 3, "final position out of bounds");
    if (posj >= posi)
        script_charge_in(L, (posj - posi) / DECODE_BYTES, "utf8.len");
    lua_Integer n = 0;
    while (posi <= posj) {
        const char *next = decode(s + posi, s + len, NULL, !lax);
        if (next == NULL) {
            luaL_pushfail(L);
            lua_pushinteger(L, posi + 1);
            return 2;
        }
        posi = next - s;
        n++;
    }
    lua_pushinteger(L, n);
    return 1;
}

static int u8_codepoint(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer posi = relative(script_opt_integer(L, 2, 1), len);
    lua_Integer pose = relative(script_opt_integer(L, 3, posi), len);
    int lax = lua_toboolean(L, 4);
    luaL_argcheck(L, posi >= 1, 2, "out of bounds");
    luaL_argcheck(L, pose <= (lua_Integer)len, 3, "out of bounds");
    if (posi > pose)
        return 0;
    if (pose - posi >= INT_MAX)
        return luaL_error(L, "string slice too long");
    int n = (int)(pose - posi) + 1;
    script_charge_in(L, n / 2, "utf8.codepoint");
    luaL_checkstack(L, n, "string slice too long");
    n = 0;
    const char *end = s + len;
    const char *stop = s + pose;
    for (s += posi - 1; s < stop;) {
        unsigned long code;
        s = decode(s, end, &code, !lax);
        if (s == NULL)
            return luaL_error(L, "invalid UTF-8 code");
        lua_pushinteger(L, (lua_Integer)code);
        n++;
    }
    return n;
}

static int u8_offset(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *end = s + len;
    lua_Integer n = script_check_integer(L, 2);
    lua_Integer posi = n >= 0 ? 1 : (lua_Integer)len + 1;
    posi = relative(script_opt_integer(L, 3, posi), len);
    luaL_argcheck(L, 1 <= posi && --posi <= (lua_Integer)len, 3, "position out of bounds");
    lua_Integer from = posi;
    if (n == 0) {
        while (posi > 0 && is_cont(s + posi, end))
            posi--;
    } else {
        if (is_cont(s + posi, end))
            return luaL_error(L, "initial position is a continuation byte");
        if (n < 0) {
            while (n < 0 && posi > 0) {
                do {
                    posi--;
                } while (posi > 0 && is_cont(s + posi, end));
                n++;
            }
        } else {
            n--;
            while (n > 0 && posi < (lua_Integer)len) {
                do {
                    posi++;
                } while (is_cont(s + posi, end));
                n--;
            }
        }
    }
    lua_Integer moved = posi > from ? posi - from : from - posi;
    script_charge_in(L, moved / DECODE_BYTES, "utf8.offset");
    if (n == 0)
        lua_pushinteger(L, posi + 1);
    else
        luaL_pushfail(L);
    return 1;
}

/* The iterator of codes: from the byte after position I (what it returned last), over any
 * continuation bytes, to the next character. */
static int codes_step(lua_State *L, int strict)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *end = s + len;
    if (lua_type(L, 2) == LUA_TSTRING)
        script_charge_in(L, (long long)(lua_rawlen(L, 2) / SCRIPT_NUMBER_BYTES), "utf8.codes");
    lua_Unsigned n = (lua_Unsigned)lua_tointeger(L, 2);
    lua_Unsigned from = n;
    while (n < len && is_cont(s + n, end))
        n++;
    if (n - from >= DECODE_BYTES)
        script_charge_in(L, (long long)((n - from) / DECODE_BYTES), "utf8.codes");
    if (n >= len)
        return 0;
    unsigned long code;
    if (decode(s + n, end, &code, strict) == NULL)
        return luaL_error(L, "invalid UTF-8 code");
    lua_pushinteger(L, (lua_Integer)n + 1);
    lua_pushinteger(L, (lua_Integer)code);
    return 2;
}

static int codes_strict(lua_State *L)
{
    return codes_step(L, 1);
}

static int codes_lax(lua_State *L)
{
    return codes_step(L, 0);
}

static int u8_codes(lua_State *L)
{
    int lax = lua_toboolean(L, 2);
    luaL_checkstring(L, 1);
    lua_pushcfunction(L, lax ? codes_lax : codes_strict);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    return 3;
}

void script_open_utf8(lua_State *L)
{
    static const luaL_Reg own[] = {{"codepoint", u8_codepoint},
                                   {"codes", u8_codes},
                                   {"len", u8_len},
                                   {"offset", u8_offset},
                                   {NULL, NULL}};
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    int lib = lua_gettop(L);
    luaL_setfuncs(L, own, 0);
    script_hidden_originals(L, LUA_UTF8LIBNAME);
    script_guard_field(L, lib, lua_gettop(L), LUA_UTF8LIBNAME, "char");
    lua_settop(L, lib - 1);
}
