/* test_script.c: the sandboxed Lua host keeps scenarios inside their limits (no files, no
 * OS, a memory cap, an instruction budget that cannot be caught or outrun), reports every
 * failure with a clear code, file and line, and stays usable after each one. Real Lua, real
 * files on disk. A cap on CPU seconds ends the run if a runaway script ever escapes its
 * budget (CPU time, which a busy machine does not use up faster than the test does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <lua.h>

#include "engine/script/script.h"

#define TEST_MEMORY ((size_t)16 * 1024 * 1024)
#define TEST_BUDGET 1000000L

static Script *make(size_t memory, long instructions, uint64_t seed)
{
    ScriptLimits limits = {memory, instructions};
    Script *s = script_create(limits, seed);
    assert_non_null(s);
    return s;
}

static int setup(void **state)
{
    *state = make(TEST_MEMORY, TEST_BUDGET, 1);
    return 0;
}

static int teardown(void **state)
{
    script_destroy(*state);
    return 0;
}

static int run(Script *s, const char *code, const char *name, int nresults, ScriptError *err)
{
    return script_run_string(s, code, strlen(code), name, nresults, err);
}

/* Runs CODE expecting code WANT with MESSAGE_PART in the message; nothing may be left on
 * the stack. */
static void expect_fail(Script *s, const char *code, int want, const char *message_part,
                        ScriptError *err)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    int rc = run(s, code, "t.lua", 0, err);
    if (rc != want || strstr(err->message, message_part) == NULL)
        fail_msg("code %d (wanted %d), message \"%s\" (wanted \"%s\")", rc, want, err->message,
                 message_part);
    assert_int_equal(lua_gettop(L), top);
}

/* After a failure the same Script must run an ordinary chunk and give the right answer. */
static void expect_still_works(Script *s)
{
    ScriptError err;
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    const char *code = "local t = {}\n"
                       "for i = 1, 100 do t[i] = i * i end\n"
                       "local co = coroutine.wrap(function(a) coroutine.yield(a + 1) end)\n"
                       "return t[10] + co(5) + #('ok'):rep(3)\n";
    assert_int_equal(run(s, code, "after.lua", 1, &err), SCRIPT_OK);
    assert_int_equal(lua_tointeger(L, -1), 112);
    lua_settop(L, top);
}

static int returns_true(Script *s, const char *code)
{
    ScriptError err;
    lua_State *L = script_lua(s);
    if (run(s, code, "check.lua", 1, &err) != SCRIPT_OK)
        fail_msg("%s failed: %s", code, err.message);
    int yes = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return yes;
}

/* ===== What a scenario can and cannot reach =============================== */

static void test_script_runs_a_chunk_and_returns_results(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    const char *code = "local words = {} for w in ('I feel unheard'):gmatch('%a+') do\n"
                       "  words[#words + 1] = w:lower() end\n"
                       "return #words, table.concat(words, ' '), utf8.len('héard'), math.pi > 3";
    assert_int_equal(run(s, code, "words.lua", LUA_MULTRET, &err), SCRIPT_OK);
    assert_int_equal(lua_gettop(L), 4);
    assert_int_equal(lua_tointeger(L, 1), 3);
    assert_string_equal(lua_tostring(L, 2), "i feel unheard");
    assert_int_equal(lua_tointeger(L, 3), 5);
    assert_true(lua_toboolean(L, 4));
    lua_settop(L, 0);
    assert_true(script_memory_used(s) > 0 && script_memory_used(s) < TEST_MEMORY);
}

static void test_script_forbidden_names_are_absent(void **state)
{
    Script *s = *state;
    const char *names[] = {"io",     "os",       "package",     "debug",     "require",
                           "dofile", "loadfile", "string.dump", "('x').dump"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char code[64];
        snprintf(code, sizeof code, "return %s == nil", names[i]);
        if (!returns_true(s, code))
            fail_msg("%s is reachable from a scenario", names[i]);
    }
    ScriptError err;
    expect_fail(s, "io.open('/etc/passwd')", SCRIPT_ERR_RUNTIME, "global 'io'", &err);
    assert_string_equal(err.message, "t.lua:1: attempt to index a nil value (global 'io')");
    expect_fail(s, "require('os')", SCRIPT_ERR_RUNTIME, "global 'require'", &err);
    assert_true(returns_true(s, "return type(string.rep) == 'function' and string.rep('a', 3) "
                                "== 'aaa' and coroutine.yield ~= nil and table.sort ~= nil"));
}

static void test_script_load_takes_text_only(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    const char *code = "local f, msg = load('\\27Lua\\84\\0\\25\\147\\13\\10\\26\\10')\n"
                       "return f, msg";
    assert_int_equal(run(s, code, "b.lua", 2, &err), SCRIPT_OK);
    assert_true(lua_isnil(L, -2));
    assert_non_null(strstr(lua_tostring(L, -1), "binary chunk"));
    lua_settop(L, 0);
    assert_true(returns_true(s, "return load('return 1', 'x', 'b') == nil"));
    assert_true(returns_true(s, "secret = 41 return load('return secret + 1')() == 42"));
    assert_true(returns_true(s, "return load('return x', 'c', 't', {x = 7})() == 7"));
    assert_true(returns_true(s, "local parts, i = {'return ', '5'}, 0\n"
                                "return load(function() i = i + 1 return parts[i] end)() == 5"));
    assert_true(returns_true(s, "local f, msg = load('return +') return f == nil and "
                                "msg:find('unexpected symbol') ~= nil"));
}

static void test_script_string_metatable_is_protected(void **state)
{
    Script *s = *state;
    ScriptError err;
    assert_true(returns_true(s, "return getmetatable('') == false"));
    expect_fail(s, "getmetatable('').__index.upper = nil", SCRIPT_ERR_RUNTIME,
                "attempt to index a boolean value", &err);
    assert_true(returns_true(s, "return ('quiet'):upper() == 'QUIET'"));
}

static void test_script_gc_metamethods_are_refused(void **state)
{
    Script *s = *state;
    ScriptError err;
    expect_fail(s, "setmetatable({}, {__gc = function() while true do end end})",
                SCRIPT_ERR_RUNTIME, "cannot use __gc", &err);
    assert_string_equal(err.file, "t.lua");
    assert_int_equal(err.line, 1);
    assert_true(returns_true(s, "local t = setmetatable({}, {__index = {a = 1}}) return t.a == 1"));
    expect_still_works(s);
}

static void test_script_collectgarbage_is_limited(void **state)
{
    Script *s = *state;
    ScriptError err;
    assert_true(returns_true(s, "return collectgarbage('count') > 1"));
    assert_true(returns_true(s, "return collectgarbage() == 0 and collectgarbage('isrunning')"));
    expect_fail(s, "collectgarbage('stop')", SCRIPT_ERR_RUNTIME,
                "collectgarbage(\"stop\") is not available to scenarios", &err);
    expect_fail(s, "collectgarbage('generational')", SCRIPT_ERR_RUNTIME, "not available", &err);
    /* Each collection costs real time the hook cannot see: it is charged. */
    expect_fail(s, "while true do collectgarbage() end", SCRIPT_ERR_BUDGET, "ran too long", &err);
    expect_still_works(s);
}

/* ===== The instruction budget ============================================ */

static void test_script_infinite_loop_ends_with_budget(void **state)
{
    Script *s = *state;
    ScriptError err;
    expect_fail(s, "local n = 0\nwhile true do n = n + 1 end\n", SCRIPT_ERR_BUDGET, "ran too long",
                &err);
    assert_string_equal(err.message,
                        "t.lua:2: the scenario ran too long (more than 1000000 instructions in "
                        "one step) — look for a loop that never ends");
    assert_string_equal(err.file, "t.lua");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.traceback, "t.lua:2: in main chunk"));
    expect_still_works(s);
}

static void test_script_budget_cannot_be_caught(void **state)
{
    Script *s = *state;
    ScriptError err;
    const char *escapes[] = {
        "while true do pcall(function() while true do end end) end",
        "xpcall(function() while true do end end, function() while true do end end)",
        "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
        "while true do pcall(coroutine.wrap(function() while true do end end)) end",
        /* the __close handler of a coroutine stopped by the budget */
        "local f = coroutine.wrap(function()\n"
        "  local x <close> = setmetatable({}, {__close = function() while true do end end})\n"
        "  while true do end\nend)\nf()",
    };
    for (size_t i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
        expect_fail(s, escapes[i], SCRIPT_ERR_BUDGET, "ran too long", &err);
        expect_still_works(s);
    }
}

static void test_script_copying_long_strings_counts_against_budget(void **state)
{
    Script *s = *state;
    ScriptError err;
    /* Few instructions, megabytes copied each time: uncharged, this would run for minutes. */
    expect_fail(s,
                "local s = string.rep('x', 4 << 20)\n"
                "while true do local t = s .. 'y' end\n",
                SCRIPT_ERR_BUDGET, "t.lua:2: the scenario ran too long", &err);
    expect_still_works(s);
}

static void test_script_closing_a_stopped_coroutine_stays_limited(void **state)
{
    Script *s = *state;
    ScriptError err;
    const char *first = "co = coroutine.create(function()\n"
                        "  local x <close> = setmetatable({}, {__close = function()\n"
                        "    while true do end end})\n"
                        "  while true do end\n"
                        "end)\n"
                        "coroutine.resume(co)\n";
    expect_fail(s, first, SCRIPT_ERR_BUDGET, "t.lua:4: the scenario ran too long", &err);
    /* A later step with a fresh budget closes it: the handler must not run unlimited. */
    assert_true(returns_true(s, "local ok, msg = coroutine.close(co)\n"
                                "return ok == false and msg:find('ran too long') ~= nil"));
    assert_true(returns_true(s, "return coroutine.status(co) == 'dead'"));
    expect_still_works(s);
}

static void test_script_budget_resets_each_step(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    assert_int_equal(run(s,
                         "function sum(n) local x = 0 for i = 1, n do x = x + i end "
                         "return x end",
                         "sum.lua", 0, &err),
                     SCRIPT_OK);
    /* About 400 000 instructions each: three fit only if each call starts afresh. */
    for (int i = 0; i < 3; i++) {
        lua_getglobal(L, "sum");
        lua_pushinteger(L, 200000);
        assert_int_equal(script_call(s, 1, 1, &err), SCRIPT_OK);
        assert_int_equal(lua_tointeger(L, -1), (lua_Integer)200000 * 200001 / 2);
        lua_pop(L, 1);
    }
    lua_getglobal(L, "sum");
    lua_pushinteger(L, 2000000);
    assert_int_equal(script_call(s, 1, 1, &err), SCRIPT_ERR_BUDGET);
    assert_string_equal(err.file, "sum.lua");
    assert_int_equal(err.line, 1);
    assert_int_equal(lua_gettop(L), 0);
    expect_still_works(s);
}

static void test_script_loop_inside_coroutine_ends_with_budget(void **state)
{
    Script *s = *state;
    ScriptError err;
    expect_fail(s,
                "local co = coroutine.create(function()\n"
                "  local n = 0\n"
                "  while true do n = n + 1 end\n"
                "end)\n"
                "return coroutine.resume(co)\n",
                SCRIPT_ERR_BUDGET, "t.lua:3: the scenario ran too long", &err);
    assert_int_equal(err.line, 3);
    expect_still_works(s);
    expect_fail(s, "local f = coroutine.wrap(function() while true do end end)\nf()",
                SCRIPT_ERR_BUDGET, "t.lua:1: the scenario ran too long", &err);
    expect_still_works(s);
    /* Many short coroutines: each is charged, so the step still ends. */
    expect_fail(s, "while true do coroutine.wrap(function() for i = 1, 900 do end end)() end",
                SCRIPT_ERR_BUDGET, "ran too long", &err);
    expect_still_works(s);
}

static void test_script_coroutine_from_c_is_limited(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    assert_int_equal(run(s, "return function()\n  while true do end\nend", "spin.lua", 1, &err),
                     SCRIPT_OK);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, -2);
    lua_xmove(L, co, 1);
    int nres = -1, done = -1;
    assert_int_equal(script_resume(s, co, 0, &nres, &done, &err), SCRIPT_ERR_BUDGET);
    assert_string_equal(err.file, "spin.lua");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "ran too long"));
    assert_int_equal(nres, 0);
    assert_int_equal(done, 1);
    lua_settop(L, 0);
    expect_still_works(s);
}

/* ===== The memory cap ===================================================== */

static void test_script_string_rep_ends_with_memory(void **state)
{
    Script *s = *state;
    ScriptError err;
    expect_fail(s, "local big = string.rep('x', 1 << 30)", SCRIPT_ERR_MEMORY,
                "t.lua:1: the scenario used more than 16 MiB of memory", &err);
    assert_string_equal(err.file, "t.lua");
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "keeps growing"));
    assert_true(script_memory_used(s) < TEST_MEMORY / 4);
    expect_still_works(s);
}

static void test_script_growing_table_ends_with_memory(void **state)
{
    (void)state;
    Script *s = make(TEST_MEMORY, 50000000L, 1);
    ScriptError err;
    expect_fail(s,
                "local t, i = {}, 0\n"
                "while true do\n"
                "  i = i + 1; t[i] = {i}\n"
                "end\n",
                SCRIPT_ERR_MEMORY, "t.lua:3: the scenario used more than 16 MiB of memory", &err);
    assert_true(script_memory_used(s) <= TEST_MEMORY);
    expect_still_works(s);
    /* Caught inside the scenario, the error is an ordinary failed pcall. */
    assert_true(returns_true(s, "local ok, msg = pcall(string.rep, 'x', 1 << 30)\n"
                                "return not ok and msg == 'not enough memory'"));
    script_destroy(s);
}

static void test_script_runaway_recursion_is_reported(void **state)
{
    (void)state;
    Script *s = make(TEST_MEMORY, 50000000L, 1);
    ScriptError err;
    expect_fail(
        s, "local function deeper(n)\n  return 1 + deeper(n + 1)\nend\nlocal depth = deeper(1)",
        SCRIPT_ERR_MEMORY, "t.lua:2: the scenario used more than 16 MiB", &err);
    assert_non_null(strstr(err.message, "calls itself without end"));
    assert_non_null(strstr(err.traceback, "skipping"));
    assert_non_null(strstr(err.traceback, "t.lua:4: in main chunk"));
    expect_still_works(s);
    script_destroy(s);
}

static void test_script_coroutine_flood_ends_cleanly(void **state)
{
    (void)state;
    Script *s = make(TEST_MEMORY, 100000000L, 1);
    ScriptError err;
    expect_fail(s, "local all = {}\nwhile true do all[#all + 1] = coroutine.create(print) end",
                SCRIPT_ERR_MEMORY, "t.lua:2: the scenario used more than 16 MiB", &err);
    expect_still_works(s);
    expect_fail(s, "local function nest() coroutine.wrap(nest)() end\nnest()", SCRIPT_ERR_RUNTIME,
                "C stack overflow — look for a function that calls itself without end", &err);
    assert_string_equal(err.file, "t.lua");
    assert_int_equal(err.line, 1);
    expect_still_works(s);
    script_destroy(s);
}

static void test_script_memory_used_follows_the_heap(void **state)
{
    Script *s = *state;
    size_t before = script_memory_used(s);
    assert_true(returns_true(s, "blob = string.rep('y', 1 << 20) return true"));
    size_t during = script_memory_used(s);
    assert_true(during >= before + (1 << 20));
    assert_true(returns_true(s, "blob = nil collectgarbage() return true"));
    assert_true(script_memory_used(s) < during - (1 << 19));
}

static void test_script_too_small_a_cap_fails_creation(void **state)
{
    (void)state;
    ScriptLimits tiny = {4096, 0};
    assert_null(script_create(tiny, 1));
    script_destroy(NULL);
}

/* ===== Randomness ========================================================= */

static void draw(Script *s, const char *code, lua_Integer out[20])
{
    ScriptError err;
    lua_State *L = script_lua(s);
    assert_int_equal(run(s, code, "draw.lua", 1, &err), SCRIPT_OK);
    for (int i = 0; i < 20; i++) {
        lua_rawgeti(L, -1, i + 1);
        out[i] = lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void test_script_random_is_repeatable_per_seed(void **state)
{
    (void)state;
    const char *code = "local t = {} for i = 1, 20 do t[i] = math.random(1, 1000000) end "
                       "return t";
    Script *a = make(TEST_MEMORY, TEST_BUDGET, 42);
    Script *b = make(TEST_MEMORY, TEST_BUDGET, 42);
    Script *c = make(TEST_MEMORY, TEST_BUDGET, 43);
    lua_Integer xa[20], xb[20], xc[20];
    draw(a, code, xa);
    draw(b, code, xb);
    draw(c, code, xc);
    assert_memory_equal(xa, xb, sizeof xa);
    int same = 0;
    for (int i = 0; i < 20; i++)
        same += xa[i] == xc[i];
    assert_true(same < 3);
    /* randomseed(n) gives every Script the same sequence; with no argument, its own again. */
    const char *reseeded = "math.randomseed(7) local t = {} for i = 1, 20 do "
                           "t[i] = math.random(1, 1000000) end return t";
    draw(a, reseeded, xa);
    draw(c, reseeded, xc);
    assert_memory_equal(xa, xc, sizeof xa);
    draw(b,
         "math.randomseed() local t = {} for i = 1, 20 do t[i] = math.random(1, 1000000) "
         "end return t",
         xb);
    draw(a,
         "math.randomseed() return (function() local t = {} for i = 1, 20 do "
         "t[i] = math.random(1, 1000000) end return t end)()",
         xa);
    assert_memory_equal(xa, xb, sizeof xa);
    script_destroy(a);
    script_destroy(b);
    script_destroy(c);
}

static void test_script_random_arguments_follow_lua(void **state)
{
    Script *s = *state;
    ScriptError err;
    assert_true(returns_true(s, "for i = 1, 1000 do local x = math.random()\n"
                                "  if x < 0 or x >= 1 or math.type(x) ~= 'float' then return "
                                "false end end return true"));
    assert_true(returns_true(s, "local seen = {} for i = 1, 600 do local d = math.random(6)\n"
                                "  if d < 1 or d > 6 then return false end seen[d] = true end\n"
                                "return #seen == 6 and math.random(3, 3) == 3 and\n"
                                "  math.type(math.random(0)) == 'integer' and\n"
                                "  math.random(-2, -1) < 0"));
    expect_fail(s, "math.random(2, 1)", SCRIPT_ERR_RUNTIME,
                "bad argument #1 to 'random' (interval is empty)", &err);
    expect_fail(s, "math.random(0, 1, 2)", SCRIPT_ERR_RUNTIME, "wrong number of arguments", &err);
    expect_fail(s, "math.random(1.5)", SCRIPT_ERR_RUNTIME, "number has no integer representation",
                &err);
    expect_fail(s, "math.random('six')", SCRIPT_ERR_RUNTIME, "number expected, got string", &err);
}

/* ===== Errors: files, lines, objects ======================================= */

static char tmpdir[64];

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void test_script_errors_name_file_and_line(void **state)
{
    Script *s = *state;
    ScriptError err;
    char path[128];
    snprintf(path, sizeof path, "%s/kettle.lua", tmpdir);
    const char *src = "local x = 1\n"
                      "\n"
                      "local function boil()\n"
                      "  error('the kettle broke')\n"
                      "end\n"
                      "boil()\n";
    write_file(path, src, strlen(src));
    assert_int_equal(script_run_file(s, path, 0, &err), SCRIPT_ERR_RUNTIME);
    char want[512];
    snprintf(want, sizeof want, "%s:4: the kettle broke", path);
    assert_string_equal(err.message, want);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 4);
    snprintf(want, sizeof want, "%s:4: in local 'boil'\n%s:6: in main chunk", path, path);
    assert_non_null(strstr(err.traceback, want));
    assert_int_equal(lua_gettop(script_lua(s)), 0);
    expect_still_works(s);

    const char *broken = "local t = {\n  1, 2\n  3\n}\n";
    write_file(path, broken, strlen(broken));
    assert_int_equal(script_run_file(s, path, 0, &err), SCRIPT_ERR_SYNTAX);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "'}' expected"));
    expect_still_works(s);

    /* A file that works returns its results; a UTF-8 mark from an editor is fine. */
    write_file(path, "\xEF\xBB\xBFreturn 'ready'", 17);
    assert_int_equal(script_run_file(s, path, 1, &err), SCRIPT_OK);
    assert_string_equal(lua_tostring(script_lua(s), -1), "ready");
    lua_settop(script_lua(s), 0);
    remove(path);
}

static void test_script_unreadable_files_are_refused(void **state)
{
    Script *s = *state;
    ScriptError err;
    char path[128];
    snprintf(path, sizeof path, "%s/missing.lua", tmpdir);
    assert_int_equal(script_run_file(s, path, 0, &err), SCRIPT_ERR_IO);
    char want[512];
    snprintf(want, sizeof want, "%s: could not read the file (No such file or directory)", path);
    assert_string_equal(err.message, want);
    assert_string_equal(err.file, path);

    assert_int_equal(script_run_file(s, tmpdir, 0, &err), SCRIPT_ERR_IO);
    assert_non_null(strstr(err.message, "Is a directory"));

    snprintf(path, sizeof path, "%s/compiled.lua", tmpdir);
    write_file(path, "\x1bLua\x54\x00\x19\x93\r\n\x1a\n", 12);
    assert_int_equal(script_run_file(s, path, 0, &err), SCRIPT_ERR_SYNTAX);
    assert_non_null(strstr(err.message, "compiled Lua (bytecode)"));
    assert_non_null(strstr(err.message, path));
    remove(path);
    expect_still_works(s);
}

static void test_script_non_string_error_objects(void **state)
{
    Script *s = *state;
    ScriptError err;
    expect_fail(s, "error({code = 3})", SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:1: error object is a table value");
    assert_int_equal(err.line, 1);
    expect_fail(s, "error(nil)", SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:1: error object is a nil value");
    expect_fail(s, "error(42)", SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:1: 42");
    expect_fail(s, "error(true)", SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:1: error object is a boolean value");
    expect_fail(s, "\nerror(setmetatable({}, {__tostring = function() error('again') end}))",
                SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:2: error object is a table value");
    /* A __tostring that never returns: the handler must not call it. */
    expect_fail(s, "error(setmetatable({}, {__tostring = function() while true do end end}))",
                SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:1: error object is a table value");
    expect_fail(s, "error('no place', 0)", SCRIPT_ERR_RUNTIME, "", &err);
    assert_string_equal(err.message, "t.lua:1: no place");
    expect_still_works(s);
}

static void test_script_gc_errors_become_warnings(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    /* Host code may still give its objects finalizers; one written in Lua that fails must
     * not take the program down. */
    assert_int_equal(
        run(s, "return function() error('the finalizer failed') end", "gc.lua", 1, &err),
        SCRIPT_OK);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_settop(L, 0);

    char path[128];
    snprintf(path, sizeof path, "%s/stderr.txt", tmpdir);
    fflush(stderr);
    int saved = dup(2);
    FILE *capture = fopen(path, "w+");
    assert_non_null(capture);
    dup2(fileno(capture), 2);
    lua_gc(L, LUA_GCCOLLECT);
    int rc = run(s, "print('still', 'here', 3) return true", "p.lua", 0, &err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    char text[512] = {0};
    rewind(capture);
    size_t got = fread(text, 1, sizeof text - 1, capture);
    fclose(capture);
    remove(path);
    text[got] = '\0';
    assert_int_equal(rc, SCRIPT_OK);
    assert_non_null(strstr(text, "warning: "));
    assert_non_null(strstr(text, "gc.lua:1: the finalizer failed"));
    assert_non_null(strstr(text, "p.lua:1: still\there\t3\n"));
    expect_still_works(s);
}

/* ===== Calls and coroutines from C ========================================= */

static void test_script_resume_yields_and_finishes(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    const char *code = "return function(a)\n"
                       "  local b = coroutine.yield(a + 1, 'asked')\n"
                       "  local x = 0 for i = 1, 150000 do x = x + 1 end\n"
                       "  local c = coroutine.yield(b * 2)\n"
                       "  for i = 1, 150000 do x = x + 1 end\n"
                       "  return c .. '!', x\n"
                       "end";
    assert_int_equal(run(s, code, "talk.lua", 1, &err), SCRIPT_OK);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, -2);
    lua_pushinteger(L, 1);
    lua_xmove(L, co, 2);
    int nres = 0, done = 1;
    assert_int_equal(script_resume(s, co, 1, &nres, &done, &err), SCRIPT_OK);
    assert_int_equal(done, 0);
    assert_int_equal(nres, 2);
    assert_int_equal(lua_tointeger(co, -2), 2);
    assert_string_equal(lua_tostring(co, -1), "asked");
    lua_pop(co, nres);
    /* Each resume has its own budget: 300 000 instructions each, twice, under 1 000 000
     * only because the count starts again. */
    for (int step = 0; step < 2; step++) {
        if (step == 0)
            lua_pushinteger(co, 10);
        else
            lua_pushstring(co, "heard");
        assert_int_equal(script_resume(s, co, 1, &nres, &done, &err), SCRIPT_OK);
        lua_pop(co, nres - 1);
        if (step == 0) {
            assert_int_equal(done, 0);
            assert_int_equal(lua_tointeger(co, -1), 20);
        }
        lua_pop(co, 1);
    }
    assert_int_equal(done, 1);
    assert_int_equal(nres, 2);
    lua_settop(L, 0);
}

static void test_script_resume_error_carries_traceback(void **state)
{
    Script *s = *state;
    ScriptError err;
    lua_State *L = script_lua(s);
    const char *code = "local function check(x)\n"
                       "  if x > 1 then error('too many toasters') end\n"
                       "end\n"
                       "return function() coroutine.yield() check(2) end";
    assert_int_equal(run(s, code, "toast.lua", 1, &err), SCRIPT_OK);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, -2);
    lua_xmove(L, co, 1);
    int nres, done;
    assert_int_equal(script_resume(s, co, 0, &nres, &done, &err), SCRIPT_OK);
    assert_int_equal(done, 0);
    assert_int_equal(script_resume(s, co, 0, &nres, &done, &err), SCRIPT_ERR_RUNTIME);
    assert_string_equal(err.message, "toast.lua:2: too many toasters");
    assert_string_equal(err.file, "toast.lua");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.traceback, "toast.lua:2: in upvalue 'check'\ntoast.lua:4: in "
                                          "function <toast.lua:4>"));
    assert_int_equal(done, 1);
    lua_settop(L, 0);
    expect_still_works(s);
}

static void test_script_states_are_independent(void **state)
{
    Script *a = *state;
    Script *b = make(TEST_MEMORY, TEST_BUDGET, 1);
    assert_true(returns_true(a, "grievance = 'microwave' return true"));
    assert_true(returns_true(b, "return grievance == nil"));
    assert_true(returns_true(a, "return grievance == 'microwave'"));
    script_destroy(b);
}

int main(void)
{
    /* A script that escaped its budget would hang the run: fail it instead. */
    struct rlimit cpu = {120, 120};
    setrlimit(RLIMIT_CPU, &cpu);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/heard-script-XXXXXX");
    if (mkdtemp(tmpdir) == NULL)
        return 1;
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_script_runs_a_chunk_and_returns_results),
        T(test_script_forbidden_names_are_absent),
        T(test_script_load_takes_text_only),
        T(test_script_string_metatable_is_protected),
        T(test_script_gc_metamethods_are_refused),
        T(test_script_collectgarbage_is_limited),
        T(test_script_infinite_loop_ends_with_budget),
        T(test_script_budget_cannot_be_caught),
        T(test_script_copying_long_strings_counts_against_budget),
        T(test_script_closing_a_stopped_coroutine_stays_limited),
        T(test_script_budget_resets_each_step),
        T(test_script_loop_inside_coroutine_ends_with_budget),
        T(test_script_coroutine_from_c_is_limited),
        T(test_script_string_rep_ends_with_memory),
        T(test_script_growing_table_ends_with_memory),
        T(test_script_runaway_recursion_is_reported),
        T(test_script_coroutine_flood_ends_cleanly),
        T(test_script_memory_used_follows_the_heap),
        T(test_script_too_small_a_cap_fails_creation),
        T(test_script_random_is_repeatable_per_seed),
        T(test_script_random_arguments_follow_lua),
        T(test_script_errors_name_file_and_line),
        T(test_script_unreadable_files_are_refused),
        T(test_script_non_string_error_objects),
        T(test_script_gc_errors_become_warnings),
        T(test_script_resume_yields_and_finishes),
        T(test_script_resume_error_carries_traceback),
        T(test_script_states_are_independent),
    };
#undef T
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(tmpdir);
    return failed;
}
