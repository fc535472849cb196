/* test_guide.c: docs/scenarios.md cannot drift from the code. Every ```lua block is marked
 * "scenario" (a whole file: it must pass `heard check`) or "fragment" (it must compile, as
 * code or as fields of a table); every message the guide quotes for a file of
 * tests/data/scenarios-broken is exactly what the check prints for it; the verdict lines it
 * shows for its own scenarios are the real ones; the moves table has every move with the
 * points of scripts/rules/default.lua; every heard.* function and floor piece of
 * scripts/lib/floor.lua is in the reference. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/core/file.h"
#include "game/check/check.h"
#include "game/scenario/scenario.h"

#define GUIDE "docs/scenarios.md"
#define BLOCKS_MAX 64

typedef struct Block {
    int line;      /* of the opening fence */
    char info[64]; /* what follows the ``` */
    char *text;    /* the lines between the fences */
} Block;

static char *guide;
static Block blocks[BLOCKS_MAX];
static int nblocks;
static Checker *checker;
static char tmpdir[64];

static char *read_all(const char *path)
{
    size_t len;
    char *text = file_read(path, &len);
    if (!text)
        fail_msg("cannot read %s (run from the project root)", path);
    return text;
}

/* Splits the guide into its fenced blocks. */
static void parse_blocks(void)
{
    const char *p = guide;
    int line = 1;
    Block *open = NULL;
    const char *body = NULL;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n >= 3 && strncmp(p, "```", 3) == 0) {
            if (!open) {
                assert_true(nblocks < BLOCKS_MAX);
                open = &blocks[nblocks++];
                open->line = line;
                snprintf(open->info, sizeof open->info, "%.*s", (int)(n - 3), p + 3);
                body = end ? end + 1 : p + n;
            } else {
                size_t blen = (size_t)(p - body);
                open->text = malloc(blen + 1);
                memcpy(open->text, body, blen);
                open->text[blen] = '\0';
                open = NULL;
            }
        }
        line++;
        p = end ? end + 1 : p + n;
    }
    if (open)
        fail_msg(GUIDE ":%d: a ``` block is never closed", open->line);
}

static int group_setup(void **state)
{
    (void)state;
    guide = read_all(GUIDE);
    parse_blocks();
    snprintf(tmpdir, sizeof tmpdir, "/tmp/heard-guide-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    ScriptError err;
    checker = check_create(".", &err);
    return checker ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    check_destroy(checker);
    for (int i = 0; i < nblocks; i++)
        free(blocks[i].text);
    free(guide);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static int is(const Block *b, const char *info)
{
    return strcmp(b->info, info) == 0;
}

/* ---- the Lua blocks -------------------------------------------------------------------- */

static void test_guide_every_lua_block_is_marked(void **state)
{
    (void)state;
    int lua = 0;
    for (int i = 0; i < nblocks; i++) {
        if (strncmp(blocks[i].info, "lua", 3) != 0)
            continue;
        lua++;
        if (!is(&blocks[i], "lua scenario") && !is(&blocks[i], "lua fragment"))
            fail_msg(GUIDE ":%d: mark the block ```lua scenario (a whole file) or ```lua "
                           "fragment, not ```%s",
                     blocks[i].line, blocks[i].info);
    }
    assert_true(lua >= 4);
}

/* The id = "..." of a scenario block, into OUT. */
static void scenario_id(const Block *b, char *out, size_t cap)
{
    const char *p = strstr(b->text, "id = \"");
    assert_non_null(p);
    p += 6;
    const char *q = strchr(p, '"');
    snprintf(out, cap, "%.*s", (int)(q - p), p);
}

/* The guide's line starting with PREFIX (within a text block), into OUT; 0 when none. */
static int shown_line(const char *prefix, char *out, size_t cap)
{
    for (int i = 0; i < nblocks; i++) {
        if (!is(&blocks[i], "text"))
            continue;
        const char *p = strstr(blocks[i].text, prefix);
        if (p && (p == blocks[i].text || p[-1] == '\n')) {
            size_t n = strcspn(p, "\n");
            snprintf(out, cap, "%.*s", (int)n, p);
            return 1;
        }
    }
    return 0;
}

static void test_guide_whole_scenarios_pass_heard_check(void **state)
{
    (void)state;
    int scenarios = 0;
    for (int i = 0; i < nblocks; i++) {
        if (!is(&blocks[i], "lua scenario"))
            continue;
        scenarios++;
        char id[64], path[256], line[1600];
        scenario_id(&blocks[i], id, sizeof id);
        snprintf(path, sizeof path, "%s/%s.lua", tmpdir, id);
        FILE *fp = fopen(path, "w");
        assert_non_null(fp);
        fputs(blocks[i].text, fp);
        fclose(fp);
        CheckResult r;
        assert_int_equal(check_file(checker, path, &r), 0);
        for (size_t m = 0; m < r.nmessages; m++) {
            check_message_format(&r.messages[m], line, sizeof line);
            fprintf(stderr, "  %s\n", line);
        }
        int marked = 0; /* an example marked known_miss warns, as the guide says */
        for (size_t x = 0; x < r.nexamples; x++)
            marked += r.examples[x].known_miss != NULL;
        if (!r.passed || r.warnings != marked || !r.flow_finished)
            fail_msg(GUIDE ":%d: the scenario '%s' does not pass heard check cleanly",
                     blocks[i].line, id);
        /* a verdict the guide shows for it, under its usual path, is the real one */
        char shown[1600], prefix[128];
        snprintf(prefix, sizeof prefix, "scripts/scenarios/%s.lua: ", id);
        if (shown_line(prefix, shown, sizeof shown)) {
            snprintf(r.path, sizeof r.path, "scripts/scenarios/%s.lua", id);
            check_result_format(&r, line, sizeof line);
            assert_string_equal(shown, line);
        }
        check_result_free(&r);
    }
    assert_true(scenarios >= 2);
}

static void test_guide_fragments_compile(void **state)
{
    (void)state;
    int fragments = 0;
    for (int i = 0; i < nblocks; i++) {
        if (!is(&blocks[i], "lua fragment"))
            continue;
        fragments++;
        char name[64], msg[512], msg2[512];
        snprintf(name, sizeof name, GUIDE " block at line %d", blocks[i].line);
        const char *text = blocks[i].text;
        if (check_compile(name, text, strlen(text), msg, sizeof msg) == 0)
            continue;
        /* fields of a scenario table ("rounds = 3,") compile inside one */
        size_t n = strlen(text) + 32;
        char *wrapped = malloc(n);
        snprintf(wrapped, n, "return {\n%s}\n", text);
        int rc = check_compile(name, wrapped, strlen(wrapped), msg2, sizeof msg2);
        free(wrapped);
        if (rc != 0)
            fail_msg("%s does not compile: %s", name, msg);
    }
    assert_true(fragments >= 2);
}

/* ---- the messages -------------------------------------------------------------------- */

#define BROKEN "tests/data/scenarios-broken/"

/* Whether LINE is a message or the verdict that the check of its file prints. */
static int check_prints(const char *line)
{
    char path[256];
    size_t n = strcspn(line, ":");
    snprintf(path, sizeof path, "%.*s", (int)n, line);
    CheckResult r;
    assert_int_equal(check_file(checker, path, &r), 0);
    char got[1600];
    int found = 0;
    for (size_t i = 0; i < r.nmessages && !found; i++) {
        check_message_format(&r.messages[i], got, sizeof got);
        found = strcmp(got, line) == 0;
    }
    check_result_format(&r, got, sizeof got);
    found |= strcmp(got, line) == 0;
    check_result_free(&r);
    return found;
}

static void test_guide_quotes_the_messages_check_prints(void **state)
{
    (void)state;
    int quoted = 0;
    for (int i = 0; i < nblocks; i++) {
        if (!is(&blocks[i], "text"))
            continue;
        for (const char *p = blocks[i].text; *p;) {
            size_t n = strcspn(p, "\n");
            char line[1600];
            snprintf(line, sizeof line, "%.*s", (int)n, p);
            if (strncmp(line, BROKEN, strlen(BROKEN)) == 0) {
                quoted++;
                if (!check_prints(line))
                    fail_msg(GUIDE ": heard check does not print this line any more:\n  %s", line);
            }
            p += n + (p[n] == '\n');
        }
    }
    assert_true(quoted >= 14);
}

static void test_guide_broken_folder_is_all_quoted(void **state)
{
    (void)state;
    static const char *const files[] = {
        "syntax_error.lua",      "missing_id.lua",    "wrong_types.lua",   "misspelled.lua",
        "unknown_field.lua",     "error_at_load.lua", "error_in_play.lua", "loop_at_load.lua",
        "loop_in_play.lua",      "memory_bomb.lua",   "forbidden_io.lua",  "forbidden_os.lua",
        "forbidden_require.lua", "example_fails.lua", "error_in_rule.lua",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char prefix[128], line[1600];
        snprintf(prefix, sizeof prefix, BROKEN "%s:", files[i]);
        if (!shown_line(prefix, line, sizeof line))
            fail_msg(GUIDE " shows no message for %s", files[i]);
    }
}

/* ---- the reference ------------------------------------------------------------------- */

/* The points scripts/rules/default.lua gives TAG in R.points; -99 when absent. */
static int default_points(const char *rules, const char *tag)
{
    const char *start = strstr(rules, "R.points = {");
    assert_non_null(start);
    const char *end = strstr(start, "\n}");
    char key[64];
    snprintf(key, sizeof key, " %s = ", tag);
    const char *p = strstr(start, key);
    if (!p || p > end)
        return -99;
    return atoi(p + strlen(key));
}

/* The points the guide's moves table gives TAG; -99 when it has no row for it. */
static int guide_points(const char *tag)
{
    char row[64];
    snprintf(row, sizeof row, "\n| `%s` | ", tag);
    const char *p = strstr(guide, row);
    if (!p)
        return -99;
    p += strlen(row);
    int sign = 1;
    if (strncmp(p, "\xE2\x88\x92", 3) == 0) { /* the minus sign the guide prints */
        sign = -1;
        p += 3;
    }
    return sign * atoi(p);
}

static void test_guide_moves_table_has_every_move_and_its_points(void **state)
{
    (void)state;
    char *rules = read_all("scripts/rules/default.lua");
    size_t ntags;
    const char *const *tags = moves_tags(&ntags);
    for (size_t i = 0; i < ntags; i++) {
        int want = default_points(rules, tags[i]), got = guide_points(tags[i]);
        if (moves_group(tags[i]) == MOVE_SCORING) {
            /* the partner's word: the bonuses' points are the game's own, the others are
             * worked out from the reply, and every one has its row */
            want = strcmp(tags[i], MOVE_FELT_HEARD) == 0 ? MOVE_FELT_HEARD_POINTS
                   : strcmp(tags[i], MOVE_REPAIR) == 0   ? MOVE_REPAIR_POINTS
                                                         : 0;
            if (got == -99)
                fail_msg(GUIDE ": the partner's word %s has no row in the guide", tags[i]);
            if (!moves_points_settable(tags[i]))
                continue;
        }
        if (want != got)
            fail_msg(GUIDE ": move %s has %d points in the guide, %d in default.lua", tags[i], got,
                     want);
    }
    free(rules);
}

static void test_guide_lists_every_heard_function_and_floor_piece(void **state)
{
    (void)state;
    char *floor = read_all("scripts/lib/floor.lua");
    int found = 0;
    for (const char *p = floor; (p = strstr(p, "heard.")) != NULL; p++) {
        /* the header names each function once, first on a comment line */
        const char *q = p;
        while (q > floor && q[-1] == ' ')
            q--;
        if (q - floor < 3 || strncmp(q - 3, "\n--", 3) != 0)
            continue;
        char want[64];
        size_t n = strspn(p + 6, "abcdefghijklmnopqrstuvwxyz_");
        snprintf(want, sizeof want, "`heard.%.*s", (int)n, p + 6);
        if (!strstr(guide, want))
            fail_msg(GUIDE " does not describe %s`", want + 1);
        found++;
    }
    for (const char *p = floor; (p = strstr(p, "\nfunction floor.")) != NULL; p++) {
        char want[64];
        size_t n = strspn(p + 16, "abcdefghijklmnopqrstuvwxyz_");
        snprintf(want, sizeof want, "`floor.%.*s(", (int)n, p + 16);
        if (!strstr(guide, want))
            fail_msg(GUIDE " does not describe %s`", want + 1);
        found++;
    }
    assert_true(found >= 18);
    assert_non_null(strstr(guide, "`floor.tips`"));
    free(floor);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_guide_every_lua_block_is_marked),
        cmocka_unit_test(test_guide_whole_scenarios_pass_heard_check),
        cmocka_unit_test(test_guide_fragments_compile),
        cmocka_unit_test(test_guide_quotes_the_messages_check_prints),
        cmocka_unit_test(test_guide_broken_folder_is_all_quoted),
        cmocka_unit_test(test_guide_moves_table_has_every_move_and_its_points),
        cmocka_unit_test(test_guide_lists_every_heard_function_and_floor_piece),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
