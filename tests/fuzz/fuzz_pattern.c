/* fuzz_pattern.c: libFuzzer target for the sandbox's pattern matcher (engine/script/
 * pattern.c), against Lua's own. One input is
 *   byte 0: the function (find, find plain, match, gmatch, gsub with a string, gsub with a
 *           function), byte 1: the start position (-8..23), then
 *   SUBJECT NUL PATTERN NUL REPLACEMENT (the last two may hold more NULs or be absent).
 * The call runs in a Script and in a plain Lua state with Lua's libraries; both must give
 * the same values or the same error message. The Script's budget is small: a pattern that
 * backtracks there ends as a budget error, and is then not tried in Lua, whose matcher
 * could not be stopped. Built with -DHEARD_FUZZ=ON (clang); see docs/hardening.md.
 *
 * fuzz_pattern_input() is declared in fuzz_inputs.h and shared with
 * tests/unit/test_fuzz_regress.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script.h"
#include "tests/fuzz/fuzz_inputs.h"

#define FUZZ_INSTRUCTIONS 200000L
#define FUZZ_MEMORY ((size_t)8 * 1024 * 1024)

/* Calls the string function OP with the subject, pattern, replacement and start, and
 * describes the answer: values as type:text, or "ERR message" without the place. */
static const char *const CALL =
    "local op, s, p, r, init = ...\n"
    "local function show(...)\n"
    "  local out = {}\n"
    "  for i = 1, select('#', ...) do\n"
    "    local v = select(i, ...)\n"
    "    out[#out + 1] = type(v) == 'string' and string.format('%q', v) or tostring(v)\n"
    "  end\n"
    "  return table.concat(out, ',')\n"
    "end\n"
    "local function call()\n"
    "  if op == 0 then return s:find(p, init) end\n"
    "  if op == 1 then return s:find(p, init, true) end\n"
    "  if op == 2 then return s:match(p, init) end\n"
    "  if op == 3 then\n"
    "    local t = {}\n"
    "    for a, b in s:gmatch(p, init) do t[#t + 1] = tostring(a) .. '/' .. tostring(b) end\n"
    "    return table.concat(t, '|')\n"
    "  end\n"
    "  if op == 4 then return s:gsub(p, r, init) end\n"
    "  return s:gsub(p, function(a, b) return b and a .. r .. b end)\n"
    "end\n"
    "local res = table.pack(pcall(call))\n"
    "if not res[1] then return 'ERR ' .. (tostring(res[2]):gsub('^[^:]*:%d+: ', '')) end\n"
    "return show(table.unpack(res, 2, res.n))\n";

static lua_State *plain;
static Script *sandbox;

static void broken(const char *what, const char *a, const char *b)
{
    fprintf(stderr, "fuzz_pattern: %s\n  Lua:     %s\n  sandbox: %s\n", what, a, b);
    abort();
}

/* Pushes the call and its arguments on L. */
static void push_call(lua_State *L, int op, const char *parts[3], const size_t lens[3], int init)
{
    if (luaL_loadstring(L, CALL) != LUA_OK)
        broken("the call does not compile", lua_tostring(L, -1), "");
    lua_pushinteger(L, op);
    for (int i = 0; i < 3; i++)
        lua_pushlstring(L, parts[i], lens[i]);
    lua_pushinteger(L, init);
}

int fuzz_pattern_input(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    if (plain == NULL) {
        plain = luaL_newstate();
        luaL_openlibs(plain);
        ScriptLimits limits = {FUZZ_MEMORY, FUZZ_INSTRUCTIONS};
        sandbox = script_create(limits, 1);
        if (plain == NULL || sandbox == NULL)
            abort();
    }
    int op = data[0] % 6;
    int init = (int)(data[1] % 32) - 8;
    const char *rest = (const char *)data + 2;
    size_t left = size - 2;
    const char *parts[3] = {"", "", ""};
    size_t lens[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        const char *nul = i < 2 ? memchr(rest, '\0', left) : NULL;
        size_t n = nul != NULL ? (size_t)(nul - rest) : left;
        parts[i] = rest;
        lens[i] = n;
        rest += n + (nul != NULL);
        left -= n + (nul != NULL);
        if (nul == NULL)
            break;
    }

    lua_State *S = script_lua(sandbox);
    push_call(S, op, parts, lens, init);
    ScriptError err;
    int rc = script_call(sandbox, 5, 1, &err);
    if (rc == SCRIPT_ERR_BUDGET || rc == SCRIPT_ERR_MEMORY)
        return 0; /* Lua's own matcher might not come back from this one */
    if (rc != SCRIPT_OK)
        broken("the sandbox failed outside pcall", "", err.message);
    /* The whole answer is compared: a gsub can give back far more than a fixed buffer. */
    size_t mine_len;
    const char *answer = lua_tolstring(S, -1, &mine_len);
    char *mine = malloc(mine_len + 1);
    if (mine == NULL)
        abort();
    memcpy(mine, answer, mine_len + 1);
    lua_pop(S, 1);

    push_call(plain, op, parts, lens, init);
    if (lua_pcall(plain, 5, 1, 0) != LUA_OK)
        broken("Lua failed outside pcall", lua_tostring(plain, -1), mine);
    size_t theirs_len;
    const char *theirs = lua_tolstring(plain, -1, &theirs_len);
    if (theirs_len != mine_len || memcmp(theirs, mine, mine_len) != 0)
        broken("the answers differ", theirs, mine);
    lua_pop(plain, 1);
    free(mine);
    return 0;
}

void fuzz_pattern_release(void)
{
    if (plain != NULL)
        lua_close(plain);
    script_destroy(sandbox);
    plain = NULL;
    sandbox = NULL;
}

#ifndef FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_pattern_input(data, size);
}
#endif
