/* test_script_lib.c: the sandbox's own string, table, utf8 and base functions (the
 * budget-aware ones of engine/script) answer exactly as Lua 5.4's library does. Each
 * expression is evaluated in a plain Lua state with Lua's own libraries (the reference)
 * and in a Script, and the answers (values, or error messages) must be the same:
 *   - the hand-written cases in tests/data/sandbox/library-cases.txt;
 *   - thousands of patterns and subjects made from a fixed seed, through find, match,
 *     gmatch and gsub, so the sandbox's matcher (engine/script/pattern.c) agrees with
 *     Lua's on captures, anchors, sets, %b, %f, back-references and malformed patterns.
 * And what differs on purpose: tostring, print and %p show stable numbers, not addresses,
 * the same in every run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/script/script.h"

#define CASES "tests/data/sandbox/library-cases.txt"
#define RANDOM_CASES 6000

/* Evaluates the expression (argument) and describes what it gave: each value as
 * type:text, or "ERR message" without the place. */
static const char *const DESCRIBE =
    "local function show(...)\n"
    "  local out = {}\n"
    "  for i = 1, select('#', ...) do\n"
    "    local v = select(i, ...)\n"
    "    local t = type(v)\n"
    "    if t == 'string' then out[#out + 1] = string.format('%q', v)\n"
    "    elseif t == 'number' then out[#out + 1] = math.type(v) .. ':' .. tostring(v)\n"
    "    elseif t == 'boolean' then out[#out + 1] = tostring(v)\n"
    "    else out[#out + 1] = t end\n"
    "  end\n"
    "  return table.concat(out, ',')\n"
    "end\n"
    "local f, e = load('return ' .. ...)\n"
    "if not f then return 'COMPILE ' .. e end\n"
    "local r = table.pack(pcall(f))\n"
    "if not r[1] then return 'ERR ' .. (tostring(r[2]):gsub('^[^:]*:%d+: ', '')) end\n"
    "return show(table.unpack(r, 2, r.n))\n";

typedef struct Pair {
    lua_State *lua; /* Lua's own libraries */
    Script *script; /* the sandbox */
} Pair;

static int setup(void **state)
{
    Pair *p = calloc(1, sizeof *p);
    p->lua = luaL_newstate();
    luaL_openlibs(p->lua);
    ScriptLimits limits = {0, 0};
    p->script = script_create(limits, 1);
    *state = p;
    return p->lua && p->script ? 0 : -1;
}

static int teardown(void **state)
{
    Pair *p = *state;
    lua_close(p->lua);
    script_destroy(p->script);
    free(p);
    return 0;
}

static void in_lua(lua_State *L, const char *expr, char *out, size_t size)
{
    luaL_loadstring(L, DESCRIBE);
    lua_pushstring(L, expr);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK)
        snprintf(out, size, "HOST %s", lua_tostring(L, -1));
    else
        snprintf(out, size, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
}

static void in_sandbox(Script *s, const char *expr, char *out, size_t size)
{
    lua_State *L = script_lua(s);
    ScriptError err;
    assert_int_equal(luaL_loadstring(L, DESCRIBE), LUA_OK);
    lua_pushstring(L, expr);
    if (script_call(s, 1, 1, &err) != SCRIPT_OK) {
        snprintf(out, size, "SCRIPT %s", err.message);
        return;
    }
    snprintf(out, size, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
}

/* Compares one expression; returns 1 when both answer the same (else prints both). */
static int same_answer(Pair *p, const char *expr)
{
    static char a[16384], b[16384];
    in_lua(p->lua, expr, a, sizeof a);
    in_sandbox(p->script, expr, b, sizeof b);
    if (strcmp(a, b) == 0)
        return 1;
    fprintf(stderr, "differs: %s\n  Lua:     %s\n  sandbox: %s\n", expr, a, b);
    return 0;
}

static void test_script_lib_cases_agree_with_lua(void **state)
{
    Pair *p = *state;
    FILE *f = fopen(CASES, "r");
    assert_non_null(f);
    char line[4096];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        n++;
        bad += !same_answer(p, line);
    }
    fclose(f);
    assert_true(n > 400);
    if (bad)
        fail_msg("%d of %d expressions answer differently", bad, n);
}

/* ===== Random patterns =================================================== */

static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* Appends to OUT (a Lua string literal's inside) N pieces drawn from PIECES. */
static void draw(uint32_t *seed, const char *const *pieces, size_t count, int n, char *out,
                 size_t size)
{
    size_t used = strlen(out);
    for (int i = 0; i < n; i++) {
        const char *piece = pieces[next_random(seed) % count];
        int w = snprintf(out + used, size - used, "%s", piece);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
}

static void test_script_lib_random_patterns_agree_with_lua(void **state)
{
    static const char *const items[] = {
        "a",      "b",      ".",  "%a",    "%d",   "%s",   "[ab]", "[^a]", "[a-c]", "%w",
        "x",      "(",      ")",  "()",    "%1",   "%2",   "%0",   "%bab", "%b()",  "%f[a]",
        "%f[%s]", "%f[^a]", "$",  "^",     "-",    "*",    "+",    "?",    "%",     "[",
        "]",      "%.",     "%%", "[%a-]", "[]a]", "[^]]", "%z",   "\\0",  "%x",    "%X",
        "%g",     "%p",     "%c", "%u",    "[a-]", "[-a]", "[%]]", "%S",   "%W"};
    static const char *const chars[] = {"a", "a", "b", "b",   "c", "x", " ", "1",
                                        ".", "(", ")", "\\0", "%", "-", "A", "\\255"};
    Pair *p = *state;
    uint32_t seed = 20261122;
    int bad = 0;
    for (int i = 0; i < RANDOM_CASES && bad < 10; i++) {
        char pat[256] = "", subj[256] = "", expr[1024];
        draw(&seed, items, sizeof items / sizeof items[0], 1 + (int)(next_random(&seed) % 8), pat,
             sizeof pat);
        draw(&seed, chars, sizeof chars / sizeof chars[0], (int)(next_random(&seed) % 15), subj,
             sizeof subj);
        int init = (int)(next_random(&seed) % 21) - 8;
        switch (next_random(&seed) % 6) {
        case 0:
            snprintf(expr, sizeof expr, "string.find(\"%s\", \"%s\", %d)", subj, pat, init);
            break;
        case 1:
            snprintf(expr, sizeof expr, "string.match(\"%s\", \"%s\", %d)", subj, pat, init);
            break;
        case 2:
            snprintf(expr, sizeof expr, "string.gsub(\"%s\", \"%s\", \"<%%0>\")", subj, pat);
            break;
        case 3:
            snprintf(expr, sizeof expr, "string.gsub(\"%s\", \"%s\", \"<%%1%%2>\", %d)", subj, pat,
                     init);
            break;
        case 4:
            snprintf(expr, sizeof expr,
                     "string.gsub(\"%s\", \"%s\", function(a, b) return b and a .. b end)", subj,
                     pat);
            break;
        default:
            snprintf(expr, sizeof expr,
                     "(function() local t = {} for a, b in string.gmatch(\"%s\", \"%s\", %d) "
                     "do t[#t + 1] = tostring(a) .. '/' .. tostring(b) end "
                     "return table.concat(t, '|') end)()",
                     subj, pat, init);
            break;
        }
        bad += !same_answer(p, expr);
    }
    if (bad)
        fail_msg("%d random patterns answer differently (the first are above)", bad);
}

/* ===== Stable text ======================================================= */

/* What CODE returns (one string) in a new Script. */
static void run_fresh(const char *code, char *out, size_t size)
{
    ScriptLimits limits = {0, 0};
    Script *s = script_create(limits, 7);
    assert_non_null(s);
    ScriptError err;
    if (script_run_string(s, code, strlen(code), "stable.lua", 1, &err) != SCRIPT_OK)
        fail_msg("%s", err.message);
    snprintf(out, size, "%s", lua_tostring(script_lua(s), -1));
    script_destroy(s);
}

static void test_script_lib_tostring_is_the_same_every_run(void **state)
{
    (void)state;
    const char *code =
        "local t, f, co = {}, function() end, coroutine.create(print)\n"
        "local named = setmetatable({}, {__name = 'Grievance'})\n"
        "return table.concat({tostring(t), tostring(f), tostring(co), tostring(print),\n"
        "  tostring(t), tostring(named), string.format('%s|%p|%-6p|%p|%p', t, f, nil, 'x', 2),\n"
        "  ('%s'):format(setmetatable({}, {__tostring = function() return 'own' end}))}, ' ')";
    char first[512], second[512];
    run_fresh(code, first, sizeof first);
    run_fresh(code, second, sizeof second);
    assert_string_equal(first, second);
    assert_string_equal(first, "table: #1 function: #2 thread: #3 function: #4 table: #1 "
                               "Grievance: #5 table: #1|#2|(null)|#6|(null) own");
}

static void test_script_lib_print_shows_stable_numbers_and_cuts_long_lines(void **state)
{
    (void)state;
    char path[] = "/tmp/heard-print-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    ScriptLimits limits = {0, 0};
    Script *s = script_create(limits, 1);
    const char *code = "print({}, 'x', 12)\nprint(('é'):rep(5000))\n";
    ScriptError err;
    int rc = script_run_string(s, code, strlen(code), "p.lua", 0, &err);
    script_destroy(s);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    assert_int_equal(rc, SCRIPT_OK);
    static char text[16384];
    FILE *f = fdopen(fd, "r");
    rewind(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    unlink(path);
    assert_memory_equal(text, "p.lua:1: table: #1\tx\t12\np.lua:2: ", 32);
    /* The second line: 4096 bytes at most, cut between two characters, then a count. */
    char *second = strchr(text, '\n') + 1;
    char *end = strchr(second, '\n');
    assert_non_null(end);
    assert_non_null(strstr(second, " … (5914 more bytes)\n"));
    assert_true(end - second <= 4096 + 32);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_script_lib_cases_agree_with_lua, setup, teardown),
        cmocka_unit_test_setup_teardown(test_script_lib_random_patterns_agree_with_lua, setup,
                                        teardown),
        cmocka_unit_test(test_script_lib_tostring_is_the_same_every_run),
        cmocka_unit_test(test_script_lib_print_shows_stable_numbers_and_cuts_long_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
