/* test_script_limits.c: no library function lets a script outrun its limits. Each case is
 * work that Lua's own library does in C, out of the instruction budget's sight, over a
 * length or a count the script chooses (a pattern that backtracks, an empty string
 * repeated 2^63 times, a __len of 2^50, a comparison function that lies, a string read as
 * a number a million bytes long...). For each, the step must end as the limit says, and
 * the test asserts it in counts: the error, and the instructions the step was charged
 * (script_instructions_used) — within one charge of the budget, so the work was counted as
 * it went and stopped there, not after. Cheap calls stay cheap.
 *
 * The last cases are work inside Lua's virtual machine that no count can see (long strings
 * compared, __index chains, long argument lists): those end at the processor-time limit,
 * set small here, with far fewer instructions counted than the budget. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine/core/stop.h"
#include "engine/script/script.h"

#define MEMORY ((size_t)32 * 1024 * 1024)
#define BUDGET 2000000L

/* The most the step can be charged past the budget before it stops: one charge (a block
 * of table elements, a quantum of pattern steps, a string of 1 MB read as a number), or a
 * refused allocation, which Lua tries twice, each charged a collection of the heap. */
#define ONE_CHARGE (2 * (long)(MEMORY / 64))

static int setup(void **state)
{
    ScriptLimits limits = {MEMORY, BUDGET};
    *state = script_create(limits, 1);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    script_destroy(*state);
    return 0;
}

/* Runs CODE, which must end with code WANT and PART in its message, charged at least the
 * budget and at most one charge more. */
static void expect_budget(Script *s, const char *code, const char *part)
{
    ScriptError err;
    int rc = script_run_string(s, code, strlen(code), "hostile.lua", 0, &err);
    long long used = script_instructions_used(s);
    if (rc != SCRIPT_ERR_BUDGET || strstr(err.message, part) == NULL)
        fail_msg("%s\n  ended with %d: %s (wanted the budget, '%s')", code, rc, err.message, part);
    if (used < BUDGET || used > BUDGET + ONE_CHARGE)
        fail_msg("%s\n  charged %lld instructions (budget %ld)", code, used, BUDGET);
    assert_non_null(strstr(err.message, "hostile.lua:"));
}

/* Runs CODE, which must end with code WANT and PART in its message, charged at most MAX. */
static void expect_error(Script *s, const char *code, int want, const char *part, long long max)
{
    ScriptError err;
    int rc = script_run_string(s, code, strlen(code), "hostile.lua", 0, &err);
    long long used = script_instructions_used(s);
    if (rc != want || strstr(err.message, part) == NULL)
        fail_msg("%s\n  ended with %d: %s (wanted %d, '%s')", code, rc, err.message, want, part);
    if (used > max)
        fail_msg("%s\n  charged %lld instructions (at most %lld)", code, used, max);
}

/* Runs CODE, which must succeed and return true, charged at most MAX. */
static void expect_cheap(Script *s, const char *code, long long max)
{
    ScriptError err;
    lua_State *L = script_lua(s);
    int rc = script_run_string(s, code, strlen(code), "cheap.lua", 1, &err);
    if (rc != SCRIPT_OK)
        fail_msg("%s\n  failed: %s", code, err.message);
    int yes = lua_toboolean(L, -1);
    lua_pop(L, 1);
    long long used = script_instructions_used(s);
    if (!yes)
        fail_msg("%s\n  returned false", code);
    if (used > max)
        fail_msg("%s\n  charged %lld instructions (at most %lld)", code, used, max);
}

/* ===== Patterns ========================================================== */

static void test_limits_backtracking_patterns_end_with_the_budget(void **state)
{
    Script *s = *state;
    expect_budget(s, "local x = ('a'):rep(2e5):gsub('a-b', '')", "string.gsub");
    expect_budget(s, "local x = ('a'):rep(1e4):find('.-.-.-b')", "string.find");
    expect_budget(s, "local x = ('a'):rep(1e4):match('(.-)(.-)b')", "string.match");
    expect_budget(s, "for w in ('a'):rep(1e4):gmatch('a*a*b') do end", "string.gmatch");
    /* a set of 100 000 characters, read at every position */
    expect_budget(s, "local x = ('a'):rep(1e5):find('[' .. ('b'):rep(1e5) .. ']')", "string.find");
    /* plain text search that compares almost the whole needle at every position */
    expect_budget(s, "local x = ('a'):rep(1e6):find(('a'):rep(1e4) .. 'b', 1, true)",
                  "string.find");
    /* %b scans to the end from every start */
    expect_budget(s, "local x = ('('):rep(1e5):find('%b()')", "string.find");
    /* a back-reference compared at every position */
    expect_budget(s, "local x = ('a'):rep(3e4):find('(a+)%1b')", "string.find");
}

static void test_limits_patterns_that_nest_too_deep_are_refused(void **state)
{
    Script *s = *state;
    expect_error(s, "return ('a'):rep(300):match(('a?'):rep(300))", SCRIPT_ERR_RUNTIME,
                 "pattern too complex", 10000);
    expect_error(s, "return ('x'):match(('()'):rep(33))", SCRIPT_ERR_RUNTIME, "too many captures",
                 1000);
}

static void test_limits_patterns_cost_what_they_do(void **state)
{
    Script *s = *state;
    /* 4 000 characters of ordinary text work: a few steps each */
    expect_cheap(s,
                 "local t = ('a few words '):rep(333)\n"
                 "local n = select(2, t:gsub('%s+', ' ')) + #t:match('^%s*(.-)%s*$')\n"
                 "for w in t:gmatch('%a+') do n = n + 1 end\n"
                 "return n > 0",
                 100000);
}

/* ===== Strings =========================================================== */

static void test_limits_string_rep_checks_its_length_first(void **state)
{
    Script *s = *state;
    /* 2^63 empty pieces cost nothing: the result is empty */
    expect_cheap(s,
                 "return string.rep('', math.maxinteger) == '' and "
                 "(''):rep(math.maxinteger, '') == ''",
                 1000);
    /* a gigabyte is refused before anything is built */
    expect_error(s, "local x = ('x'):rep(1 << 30)", SCRIPT_ERR_MEMORY, "32 MiB of memory", 1000);
    assert_true(script_memory_used(s) < MEMORY / 4);
    expect_error(s, "local x = ('x'):rep(1 << 62)", SCRIPT_ERR_RUNTIME, "too large", 1000);
    /* pcall catches it, like Lua's own memory error */
    expect_cheap(
        s, "local ok, e = pcall(string.rep, 'x', 1e9, ',') return e == 'not enough memory'", 1000);
    /* what fits is built, charged by its bytes */
    expect_cheap(s, "return #('ab'):rep(1e6, ',') == 2999999", 200000);
}

static void test_limits_numbers_read_from_long_strings_are_charged(void **state)
{
    Script *s = *state;
    const char *setup = "local s = (' '):rep(1e6) .. '1'\n";
    const char *loops[] = {
        "while true do tonumber(s) end",
        "while true do pcall(math.floor, s) end",
        "while true do local _ = s + 0 end",
        "while true do pcall(string.rep, 'x', s) end",
        "while true do pcall(string.sub, 'x', s) end",
        "while true do pcall(string.format, '%d', s) end",
        "while true do pcall(select, s) end",
        "while true do pcall(utf8.char, s) end",
        "while true do pcall(table.insert, {}, s, 1) end",
    };
    const char *names[] = {"tonumber",     "math.floor",   "string arithmetic",
                           "ran too long", "ran too long", "string.format",
                           "ran too long", "utf8.char",    "ran too long"};
    for (size_t i = 0; i < sizeof loops / sizeof loops[0]; i++) {
        char code[256];
        snprintf(code, sizeof code, "%s%s", setup, loops[i]);
        expect_budget(s, code, names[i]);
    }
}

static void test_limits_scans_of_long_strings_are_charged(void **state)
{
    Script *s = *state;
    const char *setup = "local s = ('a'):rep(1e6)\nlocal t = ('a'):rep(1e6 - 1) .. 'a'\n";
    const char *loops[][2] = {
        {"while true do local _ = s:upper() end", "string.upper"},
        {"while true do local _ = s:byte(1, 1e5) end", "string.byte"},
        {"while true do local _ = rawequal(s, t) end", "rawequal"},
        {"local k = {} while true do rawset(k, s, 1) end", "rawset"},
        {"while true do local _ = utf8.len(s) end", "utf8.len"},
        {"while true do local _ = utf8.offset(s, 1e9) end", "utf8.offset"},
        {"while true do local _ = utf8.codepoint(s, 1, 1e5) end", "utf8.codepoint"},
        {"local c = ('\\x80'):rep(1e6) while true do for _ in utf8.codes(c) do end end",
         "utf8.codes"},
        {"local chunk = '--' .. s while true do load(chunk) end", "load"},
        {"while true do pcall(error, 'x', 1e9) end", "error"},
        {"while true do local _ = string.format('%s', s) end", "string.format"},
    };
    for (size_t i = 0; i < sizeof loops / sizeof loops[0]; i++) {
        char code[512];
        snprintf(code, sizeof code, "%s%s", setup, loops[i][0]);
        expect_budget(s, code, loops[i][1]);
    }
    expect_error(s, "return string.format('%100d', 1)", SCRIPT_ERR_RUNTIME, "invalid conversion",
                 1000);
}

/* ===== Tables ============================================================ */

static void test_limits_a_huge_length_ends_with_the_budget(void **state)
{
    Script *s = *state;
    const char *setup = "local t = setmetatable({}, {__len = function() return 1 << 50 end,\n"
                        "  __index = rawlen})\n";
    const char *calls[][2] = {
        {"table.insert(t, 1, 'x')", "table.insert"},
        {"table.remove(t, 1)", "table.remove"},
        {"table.concat(t)", "table.concat"},
        {"table.move(t, 1, 1 << 40, 2)", "table.move"},
        {"table.move({}, 1, 1 << 40, 3, {})", "table.move"},
        {"table.sort(t)", "array too big"},
    };
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        char code[512];
        snprintf(code, sizeof code, "%s%s", setup, calls[i][0]);
        if (strstr(calls[i][1], "table."))
            expect_budget(s, code, calls[i][1]);
        else
            expect_error(s, code, SCRIPT_ERR_RUNTIME, calls[i][1], 1000);
    }
    char code[512];
    snprintf(code, sizeof code, "%s%s", setup, "return table.unpack(t)");
    expect_error(s, code, SCRIPT_ERR_RUNTIME, "too many results to unpack", 1000);
}

static void test_limits_long_argument_lists_are_charged(void **state)
{
    Script *s = *state;
    expect_budget(s,
                  "local t = {} for i = 1, 1e5 do t[i] = i end\n"
                  "while true do local n = select('#', table.unpack(t)) end",
                  "table.unpack");
    expect_budget(s,
                  "local s = ('x'):rep(1e5)\n"
                  "while true do local n = select('#', s:byte(1, -1)) end",
                  "string.byte");
}

static void test_limits_sort_survives_hostile_comparisons(void **state)
{
    Script *s = *state;
    /* a comparison that answers at random: the sort still ends, after a bounded number of
     * comparisons (heapsort: at most 2 n log2 n) */
    expect_cheap(s,
                 "local t, calls = {}, 0 for i = 1, 1000 do t[i] = i end\n"
                 "table.sort(t, function() calls = calls + 1 return math.random(2) == 1 end)\n"
                 "local seen = {} for _, v in ipairs(t) do seen[v] = true end\n"
                 "for i = 1, 1000 do if not seen[i] then return false end end\n"
                 "return calls <= 2 * 1000 * 10",
                 1000000);
    expect_cheap(s,
                 "local t = {} for i = 1, 1000 do t[i] = -i end\n"
                 "table.sort(t, function() return true end) return #t == 1000",
                 1000000);
    expect_error(s, "table.sort({3, 2, 1}, function() error('no order') end)", SCRIPT_ERR_RUNTIME,
                 "no order", 1000);
    /* a comparison in C that the hook never sees, over and over */
    expect_budget(s,
                  "local t = {} for i = 1, 1e5 do t[i] = i end\n"
                  "while true do table.sort(t, rawequal) end",
                  "table.sort");
    /* the same order of equal elements in every run: a sort by a key, with ties */
    expect_cheap(s,
                 "local t = {} for i = 1, 300 do t[i] = {k = i % 7, id = i} end\n"
                 "table.sort(t, function(a, b) return a.k < b.k end)\n"
                 "local ids = {} for i = 1, 300 do ids[i] = t[i].id end\n"
                 "sorted_ids = table.concat(ids, ',') return true",
                 1000000);
    ScriptLimits limits = {MEMORY, BUDGET};
    Script *other = script_create(limits, 99);
    const char *code = "local t = {} for i = 1, 300 do t[i] = {k = i % 7, id = i} end\n"
                       "table.sort(t, function(a, b) return a.k < b.k end)\n"
                       "local ids = {} for i = 1, 300 do ids[i] = t[i].id end\n"
                       "return table.concat(ids, ',')";
    ScriptError err;
    assert_int_equal(script_run_string(other, code, strlen(code), "o.lua", 1, &err), SCRIPT_OK);
    lua_State *L = script_lua(s);
    lua_getglobal(L, "sorted_ids");
    assert_string_equal(lua_tostring(L, -1), lua_tostring(script_lua(other), -1));
    lua_pop(L, 1);
    script_destroy(other);
}

/* ===== Memory ============================================================ */

static void test_limits_refused_memory_is_charged(void **state)
{
    Script *s = *state;
    /* Each refused request makes Lua collect the whole heap once more before it gives up:
     * with a heap of many small tables that is real work, and it is charged. */
    expect_budget(s,
                  "keep = {} for i = 1, 1e5 do keep[i] = {i} end\n"
                  "local big = ('x'):rep(8e6)\n"
                  "while true do pcall(function() return big .. big .. big end) end",
                  "ran too long");
}

/* What the host holds for a script counts against its cap. */
static size_t held;

/* keep(text): a binding that copies TEXT out of Lua, as heard.say does with a note. */
static int l_keep(lua_State *L)
{
    size_t len;
    luaL_checklstring(L, 1, &len);
    if (script_hold(script_of(L), len) != SCRIPT_OK)
        return script_raise_memory(L);
    held += len;
    return 0;
}

static void test_limits_memory_the_host_holds_counts(void **state)
{
    Script *s = *state;
    lua_State *L = script_lua(s);
    lua_pushcfunction(L, l_keep);
    lua_setglobal(L, "keep");
    held = 0;
    /* a million notes of a kilobyte, each copied by the host: stopped at the cap */
    expect_error(s, "for i = 1, 1e6 do keep(('n'):rep(1000) .. i) end", SCRIPT_ERR_MEMORY,
                 "hostile.lua:1: the scenario used more than 32 MiB of memory", BUDGET);
    assert_true(held > MEMORY / 2 && held <= MEMORY);
    assert_true(script_memory_used(s) <= MEMORY);
    /* what the host gives back is room again */
    script_release(s, held);
    held = 0;
    expect_cheap(s, "keep(('x'):rep(1e6)) return true", BUDGET);
    /* the script can catch the error, as Lua's own */
    expect_cheap(s,
                 "local s = ('x'):rep(3e6)\n"
                 "local ok, e = pcall(function() for i = 1, 100 do keep(s) end end)\n"
                 "return not ok and e == 'not enough memory'",
                 BUDGET);
    assert_int_equal(script_hold(s, MEMORY), SCRIPT_ERR_MEMORY);
    script_release(s, held);
}

/* ===== Work the count cannot see: the processor-time limit ============== */

static void expect_time_limit(const char *code)
{
    ScriptLimits limits = {(size_t)64 * 1024 * 1024, 0};
    Script *s = script_create(limits, 1);
    assert_non_null(s);
    script_set_cpu_limit(s, 200);
    ScriptError err;
    int rc = script_run_string(s, code, strlen(code), "vm.lua", 0, &err);
    long long used = script_instructions_used(s);
    if (rc != SCRIPT_ERR_BUDGET || strstr(err.message, "200 ms of processor time") == NULL)
        fail_msg("%s\n  ended with %d: %s", code, rc, err.message);
    assert_non_null(strstr(err.message, "vm.lua:"));
    if (used >= SCRIPT_DEFAULT_INSTRUCTIONS)
        fail_msg("%s\n  the count stopped it (%lld), not the time", code, used);
    /* the Script is usable again, with a fresh step */
    assert_int_equal(script_run_string(s, "return 1", 8, "after.lua", 0, &err), SCRIPT_OK);
    script_destroy(s);
}

static void test_limits_long_string_comparisons_end_with_time(void **state)
{
    (void)state;
    expect_time_limit("local a = ('x'):rep(2e7) local b = ('x'):rep(2e7 - 1) .. 'x'\n"
                      "while a == b do end");
    expect_time_limit("local a = ('x'):rep(2e7) local b = ('x'):rep(2e7 - 1) .. 'y'\n"
                      "while a < b do end");
    expect_time_limit("local s = ('1'):rep(2e7)\nwhile true do for i = s, 0 do end end");
}

static void test_limits_index_chains_and_argument_lists_end_with_time(void **state)
{
    (void)state;
    expect_time_limit("local t = {} for i = 1, 1999 do t[i] = setmetatable({}, "
                      "{__index = t[i - 1]}) end\n"
                      "local x = t[1999] while true do local _ = x.missing end");
    expect_time_limit("local t = {} for i = 1, 4e5 do t[i] = i end\n"
                      "local function f(...) return f(...) end f(table.unpack(t))");
    expect_time_limit("local t = {} for i = 1, 1e6 do t[i] = i end\n"
                      "for i = 1, 1e6 - 1 do t[i] = nil end\n"
                      "while true do next(t) end");
}

/* ===== A request to stop ================================================== */

/* What a SIGTERM handler does, from inside the script's own step. */
static int l_request_stop(lua_State *L)
{
    (void)L;
    stop_request(SIGTERM);
    return 0;
}

/* A stop request ends the step at the script's next instruction, inside pcall and inside a
 * library function's loop too, with its own code and message; once cleared, the Script
 * runs again. */
static void test_limits_a_stop_request_ends_the_step(void **state)
{
    Script *s = *state;
    lua_State *L = script_lua(s);
    lua_pushcfunction(L, l_request_stop);
    lua_setglobal(L, "request_stop");
    expect_error(s, "pcall(function() request_stop() while true do end end)", SCRIPT_ERR_STOPPED,
                 "hostile.lua:1: stopped: closing on SIGTERM", 2000);
    stop_clear();
    expect_error(s, "request_stop() local t = ('a'):rep(200000):gsub('a-b', '')",
                 SCRIPT_ERR_STOPPED, "stopped: closing on SIGTERM",
                 20000); /* the string's memory, and one quantum of the matcher's steps */
    stop_clear();
    expect_cheap(s, "return true", 100);
}

int main(void)
{
    /* A case that escaped every limit would hang the run: end it instead (CPU seconds,
     * which a busy machine does not use up faster than the test does). */
    struct rlimit cpu = {120, 120};
    setrlimit(RLIMIT_CPU, &cpu);
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_limits_backtracking_patterns_end_with_the_budget),
        T(test_limits_patterns_that_nest_too_deep_are_refused),
        T(test_limits_patterns_cost_what_they_do),
        T(test_limits_string_rep_checks_its_length_first),
        T(test_limits_numbers_read_from_long_strings_are_charged),
        T(test_limits_scans_of_long_strings_are_charged),
        T(test_limits_a_huge_length_ends_with_the_budget),
        T(test_limits_long_argument_lists_are_charged),
        T(test_limits_sort_survives_hostile_comparisons),
        T(test_limits_refused_memory_is_charged),
        T(test_limits_memory_the_host_holds_counts),
        T(test_limits_a_stop_request_ends_the_step),
        cmocka_unit_test(test_limits_long_string_comparisons_end_with_time),
        cmocka_unit_test(test_limits_index_chains_and_argument_lists_end_with_time),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
