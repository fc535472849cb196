/* test_replay.c: replaying saved sessions. A real two-round session is played headless
 * through the binary, loaded, and re-run with the replay core (all at once and step by
 * step): every turn and score comes out the same. `heard replay --verify` passes on it
 * (exit 0), names the first turn that differs when a copy of scripts/ scores differently
 * (exit 1), still runs the stored scenario and the stored flow after the scenario file or
 * floor.lua was changed or deleted, runs floor.lua from the root for a session saved before
 * the flow was stored (and says so), names the answer line that no longer fits an edited
 * flow there, follows a hot reload recorded during play (and differs without its line), and
 * refuses empty, truncated and random files (exit 2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/rules/rules.h"
#include "game/match/match.h"
#include "game/match/replay.h"
#include "game/session/session.h"
#include "tests/support/binary_test.h"

static char tmpdir[256];
static char saved[1024]; /* the session played once for the whole group */

/* Runs CMD through the shell with stderr joined to stdout into OUT; returns the exit code. */
static int run(const char *cmd, char *out, size_t size)
{
    char full[4096];
    snprintf(full, sizeof full, "%s 2>&1", cmd);
    return bt_run(full, out, size);
}

static int group_setup(void **state)
{
    (void)state;
    if (bt_tmpdir_create(tmpdir, sizeof tmpdir, "replay") != 0)
        return -1;
    char out[4096];
    if (bt_play_two_rounds(tmpdir, "", saved, sizeof saved, out, sizeof out) != 0) {
        fprintf(stderr, "heard play failed: %s\n", out);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

static Session *load(const char *path)
{
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    return s;
}

/* A copy of scripts/ in a new folder under the temporary one; returns its root in ROOT. */
static void copy_root(const char *name, char *root, size_t size)
{
    char cmd[1024];
    snprintf(root, size, "%s/%s", tmpdir, name);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s' && cp -r scripts '%s/'", root, root,
             root);
    assert_int_equal(system(cmd), 0);
}

/* Replaces the first (or, with LAST, the last) FROM in FILE by TO. */
static void edit_file(const char *file, const char *from, const char *to, int last)
{
    FILE *f = fopen(file, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    char *at = strstr(buf, from), *next;
    assert_non_null(at);
    while (last && (next = strstr(at + 1, from)) != NULL)
        at = next;
    f = fopen(file, "wb");
    assert_non_null(f);
    fwrite(buf, 1, (size_t)(at - buf), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
}

/* Makes TAG worth one point less in the rules' points table of FILE ("  TAG = N,");
 * returns N. */
static int bump_points(const char *file, const char *tag)
{
    FILE *f = fopen(file, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    char key[64], from[80], to[80];
    snprintf(key, sizeof key, " %s = ", tag);
    const char *at = strstr(buf, key);
    assert_non_null(at);
    int was = atoi(at + strlen(key));
    snprintf(from, sizeof from, "%s%d,", key, was);
    snprintf(to, sizeof to, "%s%d,", key, was - 1);
    edit_file(file, from, to, 0);
    return was;
}

/* Removes the field KEY (a JSON string value) and its leading comma from the text BUF. */
static void remove_field(char *buf, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, ",\"%s\":\"", key);
    char *at = strstr(buf, pat);
    assert_non_null(at);
    char *p = at + strlen(pat);
    while (*p && *p != '"')
        p += *p == '\\' && p[1] ? 2 : 1;
    assert_int_equal(*p, '"');
    memmove(at, p + 1, strlen(p + 1) + 1);
}

/* Copies the saved session to DST as a session of format 1 would be: without the stored
 * flow library (floor_source and floor_hash). */
static void copy_as_old_session(const char *dst)
{
    static char buf[1 << 22];
    FILE *in = fopen(saved, "rb");
    assert_non_null(in);
    size_t n = fread(buf, 1, sizeof buf - 1, in);
    fclose(in);
    buf[n] = '\0';
    remove_field(buf, "floor_source");
    remove_field(buf, "floor_hash");
    char *eol = strchr(buf, '\n');
    assert_non_null(eol);
    *eol = '\0';
    assert_null(strstr(buf, "floor_")); /* in the header */
    *eol = '\n';
    FILE *out = fopen(dst, "wb");
    assert_non_null(out);
    fputs(buf, out);
    fclose(out);
}

static void test_replay_round_trip_gives_identical_turns(void **state)
{
    (void)state;
    Session *s = load(saved);
    ScriptError err;
    Rules *rules = rules_load(".", &err);
    assert_non_null(rules);
    ReplayResult res;
    assert_int_equal(replay_run(s, saved, rules, ".", &res), 0);
    assert_true(res.identical);
    assert_false(res.stopped);
    assert_false(res.rules_changed);
    assert_int_equal(res.n_turns, s->n_turns);
    assert_int_equal(res.n_recorded, s->n_turns);
    assert_true(s->n_turns > 10);
    for (size_t i = 0; i < s->n_turns; i++) {
        assert_string_equal(res.turns[i].text, s->turns[i].text);
        assert_string_equal(res.turns[i].kind, s->turns[i].kind);
        assert_int_equal(res.turns[i].moves.total, s->turns[i].moves.total);
        assert_int_equal(res.turns[i].moves.count, s->turns[i].moves.count);
    }
    assert_int_equal(res.team_score, s->team_score);
    assert_false(res.floor_from_root);
    char line[256];
    assert_string_equal(replay_describe_diff(s, &res, line, sizeof line), "");
    replay_result_free(&res);
    rules_destroy(rules);
    session_free(s);
}

static void test_replay_steps_and_seeks_like_the_recording(void **state)
{
    (void)state;
    Session *s = load(saved);
    ScriptError err;
    Rules *rules = rules_load(".", &err);
    assert_non_null(rules);
    char msg[512];
    Replay *rp = replay_create(s, saved, rules, ".", msg, sizeof msg);
    assert_non_null(rp);
    assert_int_equal(replay_position(rp), 0);
    assert_int_equal(replay_answer_total(rp), s->n_answers);
    assert_int_equal(replay_turn_count(rp), 1); /* the round's note comes before any answer */
    size_t before = 0;
    int rc;
    while ((rc = replay_step(rp, msg, sizeof msg)) == 1) {
        assert_true(replay_turn_count(rp) >= before);
        before = replay_turn_count(rp);
        for (size_t i = 0; i < before; i++)
            assert_int_equal(replay_compare_turn(&s->turns[i], replay_turn(rp, i)), REPLAY_SAME);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(replay_position(rp), s->n_answers);
    assert_int_equal(replay_turn_count(rp), s->n_turns);
    assert_true(flow_finished(replay_flow(rp)));
    assert_int_equal(flow_team_score(replay_flow(rp)), s->team_score);
    /* back to answer 3 and forward again */
    assert_int_equal(replay_seek(rp, 3, msg, sizeof msg), 0);
    assert_int_equal(replay_position(rp), 3);
    size_t at3 = replay_turn_count(rp);
    assert_true(at3 < s->n_turns);
    assert_int_equal(replay_seek(rp, (size_t)-1, msg, sizeof msg), 0);
    assert_int_equal(replay_turn_count(rp), s->n_turns);
    assert_null(replay_turn(rp, s->n_turns));
    replay_destroy(rp);
    replay_destroy(NULL);
    rules_destroy(rules);
    session_free(s);
}

static void test_replay_verify_passes_on_an_unchanged_session(void **state)
{
    (void)state;
    Session *s = load(saved);
    char cmd[2048], out[4096], want[64];
    snprintf(cmd, sizeof cmd, "%s replay '%s' --verify", bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "identical: %zu turns\n", s->n_turns);
    assert_string_equal(out, want);
    session_free(s);
}

/* The first recorded turn with a "feeling" move: what a change of its points alters. */
static const Turn *first_feeling(const Session *s)
{
    for (size_t i = 0; i < s->n_turns; i++)
        for (int m = 0; m < s->turns[i].moves.count; m++)
            if (strcmp(s->turns[i].moves.items[m].tag, "feeling") == 0)
                return &s->turns[i];
    return NULL;
}

static void test_replay_verify_names_the_turn_changed_rules_alter(void **state)
{
    (void)state;
    char root[512], rules_file[600], cmd[2048], out[4096], want[256];
    copy_root("changed", root, sizeof root);
    snprintf(rules_file, sizeof rules_file, "%s/scripts/rules/default.lua", root);
    int was = bump_points(rules_file, "feeling");

    Session *s = load(saved);
    const Turn *t = first_feeling(s);
    assert_non_null(t);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT='%s' %s replay '%s' --verify", root, bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    snprintf(want, sizeof want, "turn %d (round %d, %s, %s): recorded ", t->n, t->round,
             s->header.players[t->player], t->kind);
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "feeling %+d", was);
    char *now = strstr(out, "; now ");
    assert_non_null(now);
    assert_non_null(strstr(out, want));
    assert_true(strstr(out, want) < now);
    snprintf(want, sizeof want, "feeling %+d", was - 1);
    assert_non_null(strstr(now, want));
    assert_non_null(strstr(out, "the rules changed"));

    /* the same through the core: the moves of that turn differ, one point less */
    ScriptError err;
    Rules *rules = rules_load(root, &err);
    assert_non_null(rules);
    ReplayResult res;
    assert_int_equal(replay_run(s, saved, rules, root, &res), 0);
    assert_false(res.identical);
    assert_true(res.rules_changed);
    assert_int_equal(res.diff.field, REPLAY_DIFF_MOVES);
    assert_ptr_equal(res.diff.recorded, t);
    assert_int_equal(res.diff.now->moves.total, t->moves.total - 1);
    replay_result_free(&res);
    rules_destroy(rules);
    session_free(s);
}

static void test_replay_runs_the_stored_scenario_after_the_file_changed(void **state)
{
    (void)state;
    char root[512], scenario[600], cmd[2048], out[4096];
    copy_root("edited", root, sizeof root);
    snprintf(scenario, sizeof scenario, "%s/scripts/scenarios/microwave.lua", root);
    edit_file(scenario, "rounds = 2,", "rounds = 1,", 0);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT='%s' %s replay '%s' --verify", root, bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "identical: "));

    assert_int_equal(remove(scenario), 0);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "identical: "));
}

/* The play screen stores floor.lua as played: after the root's floor.lua changed its words
 * (a note every round, the first ask's title), the session still replays identically. */
static void test_replay_runs_the_stored_flow_after_floor_lua_changed(void **state)
{
    (void)state;
    char root[512], floor[600], cmd[2048], out[4096], want[64], old[600];
    static char file[1 << 16];
    Session *s = load(saved);
    FILE *fp = fopen("scripts/lib/floor.lua", "rb");
    assert_non_null(fp);
    size_t n = fread(file, 1, sizeof file - 1, fp);
    fclose(fp);
    file[n] = '\0';
    assert_non_null(s->header.floor_source);
    assert_string_equal(s->header.floor_source, file);

    copy_root("reworded", root, sizeof root);
    snprintf(floor, sizeof floor, "%s/scripts/lib/floor.lua", root);
    edit_file(floor, "holds the floor, %s listens.", "has the floor; %s listens now.", 0);
    edit_file(floor, "you hold the floor: what's wrong?", "the floor is yours: what is it?", 0);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT='%s' %s replay '%s' --verify", root, bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "identical: %zu turns\n", s->n_turns);
    assert_string_equal(out, want); /* and no note: the stored flow ran */

    ScriptError err;
    Rules *rules = rules_load(root, &err);
    assert_non_null(rules);
    ReplayResult res;
    assert_int_equal(replay_run(s, saved, rules, root, &res), 0);
    assert_true(res.identical);
    assert_false(res.floor_from_root);
    replay_result_free(&res);
    char msg[512];
    Replay *rp = replay_create(s, saved, rules, root, msg, sizeof msg);
    assert_non_null(rp);
    assert_true(replay_floor_stored(rp));
    assert_non_null(strstr(flow_ask(replay_flow(rp))->title, "what's wrong?"));
    replay_destroy(rp);

    /* the same file without its stored flow runs the reworded one, and differs */
    snprintf(old, sizeof old, "%s/old-reworded.jsonl", tmpdir);
    copy_as_old_session(old);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT='%s' %s replay '%s' --verify", root, bt_bin(), old);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "stores no flow of its own"));
    assert_non_null(strstr(out, "has the floor; "));
    rules_destroy(rules);
    session_free(s);
}

/* A session saved before the flow was stored (no floor_source) loads and replays with
 * floor.lua from the root, and the output says so in one line. */
static void test_replay_old_session_runs_the_flow_from_the_root(void **state)
{
    (void)state;
    char old[600], cmd[2048], out[4096], want[64];
    snprintf(old, sizeof old, "%s/old.jsonl", tmpdir);
    copy_as_old_session(old);
    Session *s = load(old);
    assert_null(s->header.floor_source);
    snprintf(cmd, sizeof cmd, "%s replay '%s' --verify", bt_bin(), old);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "identical: %zu turns\n", s->n_turns);
    assert_non_null(strstr(out, want));
    char *note = strstr(out, "heard replay: note: ");
    assert_non_null(note);
    assert_non_null(strstr(note, "scripts/lib/floor.lua as it is now\n"));
    int lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 2); /* the note is one line */

    ScriptError err;
    Rules *rules = rules_load(".", &err);
    assert_non_null(rules);
    ReplayResult res;
    assert_int_equal(replay_run(s, old, rules, ".", &res), 0);
    assert_true(res.identical);
    assert_true(res.floor_from_root);
    replay_result_free(&res);
    char msg[512];
    Replay *rp = replay_create(s, old, rules, ".", msg, sizeof msg);
    assert_non_null(rp);
    assert_false(replay_floor_stored(rp));
    replay_destroy(rp);
    rules_destroy(rules);
    session_free(s);
}

/* With the closure made compulsory in the root's floor.lua, a session that stores its flow
 * still replays; one saved before the flow was stored names the answer that no longer fits. */
static void test_replay_names_the_answer_an_edited_flow_refuses(void **state)
{
    (void)state;
    char root[512], floor[600], cmd[2048], out[4096], want[1200], old[600];
    copy_root("strict", root, sizeof root);
    snprintf(floor, sizeof floor, "%s/scripts/lib/floor.lua", root);
    /* the closure (the last optional ask) may no longer be skipped */
    edit_file(floor, "optional = true", "optional = false", 1);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT='%s' %s replay '%s' --verify", root, bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "identical: "));

    snprintf(old, sizeof old, "%s/old-strict.jsonl", tmpdir);
    copy_as_old_session(old);
    Session *s = load(old);
    const SessionAnswer *last = &s->answers[s->n_answers - 1];
    assert_int_equal(last->kind, SESSION_ANSWER_TEXT);
    assert_string_equal(last->text, "");

    snprintf(cmd, sizeof cmd, "HEARD_ROOT='%s' %s replay '%s' --verify", root, bt_bin(), old);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    snprintf(want, sizeof want, "does not replay: %s:%ld: answer %zu", old, last->line,
             s->n_answers);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "no longer fits"));
    assert_non_null(strstr(out, "stores no flow of its own"));

    ScriptError err;
    Rules *rules = rules_load(root, &err);
    assert_non_null(rules);
    ReplayResult res;
    assert_int_equal(replay_run(s, old, rules, root, &res), REPLAY_ERR_ANSWER);
    assert_true(res.stopped);
    assert_true(res.floor_from_root);
    assert_non_null(strstr(res.error, want + strlen("does not replay: ")));
    replay_result_free(&res);
    rules_destroy(rules);
    session_free(s);
}

/* Copies the session SRC to DST without the lines for which DROP returns 1. */
static void copy_without(const char *src, const char *dst,
                         int (*drop)(const char *line, int is_last_turn))
{
    FILE *in = fopen(src, "rb");
    assert_non_null(in);
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf - 1, in);
    fclose(in);
    buf[n] = '\0';
    const char *last_turn = NULL;
    for (const char *p = strstr(buf, "{\"type\":\"turn\""); p;
         p = strstr(p + 1, "{\"type\":\"turn\""))
        last_turn = p;
    FILE *out = fopen(dst, "wb");
    assert_non_null(out);
    for (char *line = buf; *line;) {
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) + 1 : strlen(line);
        char saved_char = line[len];
        line[len] = '\0';
        if (!drop(line, line == last_turn))
            fputs(line, out);
        line[len] = saved_char;
        line += len;
    }
    fclose(out);
}

static int drop_last_turn(const char *line, int is_last_turn)
{
    (void)line;
    return is_last_turn;
}

static int drop_last_turn_and_end(const char *line, int is_last_turn)
{
    return is_last_turn || strstr(line, "\"type\":\"end\"") != NULL;
}

static void test_replay_missing_last_turn(void **state)
{
    (void)state;
    Session *s = load(saved);
    char path[600], cmd[2048], out[4096], want[128];
    /* a finished session whose last turn line is gone: the re-run has a turn more */
    snprintf(path, sizeof path, "%s/no-last-turn.jsonl", tmpdir);
    copy_without(saved, path, drop_last_turn);
    snprintf(cmd, sizeof cmd, "%s replay '%s' --verify", bt_bin(), path);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    snprintf(want, sizeof want, "turn %zu (round", s->n_turns);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "not in the file; now"));
    /* a session stopped by a crash between an answer and its turn: nothing differs */
    copy_without(saved, path, drop_last_turn_and_end);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "identical: %zu turns", s->n_turns - 1);
    assert_non_null(strstr(out, want));
    session_free(s);
}

static void test_replay_refuses_unreadable_files(void **state)
{
    (void)state;
    char path[600], cmd[2048], out[4096];
    static const char *const cases[] = {"empty", "truncated", "random", "missing"};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        snprintf(path, sizeof path, "%s/%s.jsonl", tmpdir, cases[c]);
        if (c == 0)
            snprintf(cmd, sizeof cmd, ": > '%s'", path);
        else if (c == 1)
            snprintf(cmd, sizeof cmd, "head -c 120 '%s' > '%s'", saved, path);
        else if (c == 2)
            snprintf(cmd, sizeof cmd, "head -c 4096 /dev/urandom > '%s'", path);
        else
            snprintf(cmd, sizeof cmd, "rm -f '%s'", path);
        assert_int_equal(system(cmd), 0);
        for (int verify = 0; verify < 2; verify++) {
            snprintf(cmd, sizeof cmd, "%s replay '%s'%s", bt_bin(), path,
                     verify ? " --verify" : "");
            assert_int_equal(run(cmd, out, sizeof out), 2);
            assert_non_null(strstr(out, path)); /* the loader's reason names the file */
        }
    }
    snprintf(cmd, sizeof cmd, "%s replay", bt_bin());
    assert_int_equal(run(cmd, out, sizeof out), 2);
    snprintf(cmd, sizeof cmd, "%s replay '%s' --bogus", bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 2);
}

static void test_replay_prints_the_transcript_without_verify(void **state)
{
    (void)state;
    Session *s = load(saved);
    char cmd[2048];
    static char out[65536];
    snprintf(cmd, sizeof cmd, "%s replay '%s' --headless", bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    for (size_t i = 0; i < s->n_turns; i++)
        if (strcmp(s->turns[i].kind, "rating") != 0 && strcmp(s->turns[i].kind, "rated") != 0)
            assert_non_null(strstr(out, s->turns[i].text));
    session_free(s);
}

/* ---- a hot reload during play ------------------------------------------------------------ */

/* The answers of tests/data/play/microwave-two-rounds.txt: a text, or "#N" for choice N. */
static const char *const TWO_ROUNDS_ANSWERS[] = {
    "I want a new microwave, ours broke again.",
    "Well, my toaster doesn't work either.",
    "#0",
    "You're fed up that the microwave broke again and you want a new one. Did I get it?",
    "#0",
    "#1",
    "I'll look at microwaves online tonight and we can pick one tomorrow.",
    "#0",
    "Well, my toaster doesn't work either.",
    "So your toaster has stopped working, and that's frustrating for you.",
    "#1",
    "It's more that I always end up fixing everything myself.",
    "So you feel like fixing things always lands on you. Did I get that right?",
    "#0",
    "#1",
    "",
};

/* Gives answer I of TWO_ROUNDS_ANSWERS to M, as the play screen would. */
static void player_answer(Match *m, size_t i)
{
    const char *a = TWO_ROUNDS_ANSWERS[i];
    ScriptError err;
    uint32_t ms = 1000u * (uint32_t)(i + 1);
    int rc = a[0] == '#' ? match_answer_choice(m, atoi(a + 1), ms, &err)
                         : match_answer_text(m, a, ms, &err);
    if (rc != 0)
        fail_msg("answer %zu ('%s'): %d %s", i + 1, a, rc, err.message);
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, buf, n + 1);
    *len = n;
    return copy;
}

static int drop_reload(const char *line, int is_last_turn)
{
    (void)is_last_turn;
    return strstr(line, "{\"type\":\"reload\"") == line;
}

/* A coach edits the scenario during play: after the first round's rating, the closure's
 * next step is made worth 7 points. The game reloads (flow_reload_sources here, as the play
 * screen's flow_reload does from the file), records the reload, and play goes on. The
 * session replays identically, through the core and `heard replay --verify`, stepping and
 * seeking too; the same file without its reload line runs the old scenario and differs. */
static void test_replay_follows_a_reload_recorded_during_play(void **state)
{
    (void)state;
    size_t len;
    char *source = read_whole("scripts/scenarios/microwave.lua", &len);
    const char *from = "    rounds = 2,\n";
    char *at = strstr(source, from);
    assert_non_null(at);
    char *edited = malloc(len + 64);
    assert_non_null(edited);
    snprintf(edited, len + 64, "%.*s%s    points = { next_step = 7 },\n%s", (int)(at - source),
             source, from, at + strlen(from));

    ScriptError err;
    Rules *rules = rules_load(".", &err);
    assert_non_null(rules);
    char dir[600], path[1024], msg[768];
    snprintf(dir, sizeof dir, "%s/reload", tmpdir);
    snprintf(msg, sizeof msg, "mkdir -p '%s'", dir);
    assert_int_equal(system(msg), 0);
    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_source = source,
                       .scenario_name = "scripts/scenarios/microwave.lua",
                       .names = {"Alex", "Sam"},
                       .first = 0,
                       .seed = 20261122u,
                       .save_dir = dir};
    Match *m = match_create(&cfg, &err);
    if (!m)
        fail_msg("match_create: %s", err.message);
    assert_string_equal(match_save_warning(m), "");
    snprintf(path, sizeof path, "%s", match_save_path(m));

    size_t n_answers = sizeof TWO_ROUNDS_ANSWERS / sizeof TWO_ROUNDS_ANSWERS[0];
    const size_t reload_after = 6;
    for (size_t i = 0; i < reload_after; i++)
        player_answer(m, i);
    const Flow *f = match_flow(m);
    size_t turns_before = flow_turn_count(f);
    assert_int_equal(match_reload_sources(m, edited, NULL, 6500, &err), 0);
    assert_int_equal(flow_answer_count(f), reload_after);
    assert_int_equal(flow_turn_count(f), turns_before);
    for (size_t i = reload_after; i < n_answers; i++)
        player_answer(m, i);
    assert_true(flow_finished(f));
    /* the closure of round 1 scored with the edited points, and its reason says so */
    const Turn *closure = flow_turn(f, turns_before);
    assert_string_equal(closure->kind, "closure");
    assert_int_equal(closure->moves.total, 7);
    assert_non_null(strstr(closure->moves.items[0].reason, "offered a next step +7"));
    size_t n_turns = flow_turn_count(f);
    int team = flow_team_score(f);
    match_destroy(m);

    Session *s = load(path);
    assert_int_equal(s->n_reloads, 1);
    assert_int_equal(s->reloads[0].answers, reload_after);
    assert_string_equal(s->reloads[0].scenario_source, edited);
    assert_null(s->reloads[0].floor_source); /* floor.lua did not change */
    ReplayResult res;
    assert_int_equal(replay_run(s, path, rules, ".", &res), 0);
    assert_true(res.identical);
    assert_int_equal(res.n_turns, n_turns);
    assert_int_equal(res.team_score, team);
    replay_result_free(&res);

    /* stepping applies the reload once its answers were fed; seeking back undoes it */
    Replay *rp = replay_create(s, path, rules, ".", msg, sizeof msg);
    assert_non_null(rp);
    assert_int_equal(replay_seek(rp, reload_after - 1, msg, sizeof msg), 0);
    assert_int_equal(replay_step(rp, msg, sizeof msg), 1); /* the reload comes with it */
    assert_int_equal(replay_step(rp, msg, sizeof msg), 1); /* the closure */
    assert_int_equal(replay_turn(rp, turns_before)->moves.total, 7);
    assert_int_equal(replay_seek(rp, (size_t)-1, msg, sizeof msg), 0);
    assert_int_equal(replay_turn_count(rp), n_turns);
    for (size_t i = 0; i < n_turns; i++)
        assert_int_equal(replay_compare_turn(&s->turns[i], replay_turn(rp, i)), REPLAY_SAME);
    assert_int_equal(replay_seek(rp, 2, msg, sizeof msg), 0); /* back before the reload */
    assert_int_equal(replay_seek(rp, reload_after + 1, msg, sizeof msg), 0);
    assert_int_equal(replay_turn(rp, turns_before)->moves.total, 7);
    replay_destroy(rp);

    char cmd[2048], out[4096], want[160];
    snprintf(cmd, sizeof cmd, "%s replay '%s' --verify", bt_bin(), path);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "identical: %zu turns\n", n_turns);
    assert_string_equal(out, want);

    /* without the reload line the old scenario scores the closure: turn and score differ */
    char stripped[1024];
    snprintf(stripped, sizeof stripped, "%s/no-reload.jsonl", tmpdir);
    copy_without(path, stripped, drop_reload);
    Session *old = load(stripped);
    assert_int_equal(old->n_reloads, 0);
    assert_int_equal(replay_run(old, stripped, rules, ".", &res), 0);
    assert_false(res.identical);
    assert_int_equal(res.diff.index, turns_before);
    assert_int_equal(res.diff.field, REPLAY_DIFF_MOVES);
    assert_int_equal(res.diff.recorded->moves.total, 7);
    replay_result_free(&res);
    snprintf(cmd, sizeof cmd, "%s replay '%s' --verify", bt_bin(), stripped);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    snprintf(want, sizeof want,
             "turn %zu (round 1, Sam, closure): recorded next_step +7 (7); now next_step +2",
             turns_before + 1);
    if (!strstr(out, want))
        fail_msg("'%s' not in: %s", want, out);

    session_free(old);
    session_free(s);
    rules_destroy(rules);
    free(edited);
    free(source);
}

/* ---- comparing and describing, on hand-made turns --------------------------------------- */

static void add_move(MoveList *m, const char *tag, int points)
{
    Move *mv = &m->items[m->count++];
    snprintf(mv->tag, sizeof mv->tag, "%s", tag);
    mv->points = points;
    snprintf(mv->reason, sizeof mv->reason, "because");
    m->total += points;
}

static void test_replay_compare_turn_fields(void **state)
{
    (void)state;
    char rec_text[] = "So you are tired.";
    Turn rec = {
        .n = 7, .round = 2, .player = 1, .role = ROLE_AGENT, .kind = "reply", .text = rec_text};
    add_move(&rec.moves, "reflection", 3);
    add_move(&rec.moves, "feeling", 2);
    char text[] = "So you are tired.", ctx[] = "";
    Turn now = {
        .round = 2, .player = 1, .role = ROLE_AGENT, .kind = "reply", .text = text, .context = ctx};
    add_move(&now.moves, "feeling", 2); /* the same set in another order */
    add_move(&now.moves, "reflection", 3);
    assert_int_equal(replay_compare_turn(&rec, &now), REPLAY_SAME);
    now.moves.items[0].points = 1;
    now.moves.total = 4;
    assert_int_equal(replay_compare_turn(&rec, &now), REPLAY_DIFF_MOVES);
    now.moves.items[0].points = 2;
    now.moves.total = 5;
    snprintf(now.moves.items[0].tag, MOVE_TAG_MAX, "check");
    assert_int_equal(replay_compare_turn(&rec, &now), REPLAY_DIFF_MOVES);
    snprintf(now.moves.items[0].tag, MOVE_TAG_MAX, "feeling");
    text[3] = 'w';
    assert_int_equal(replay_compare_turn(&rec, &now), REPLAY_DIFF_TEXT);
    text[3] = 'y';
    now.player = 0;
    assert_int_equal(replay_compare_turn(&rec, &now), REPLAY_DIFF_PLAYER);
    now.player = 1;
    snprintf(now.kind, sizeof now.kind, "more");
    assert_int_equal(replay_compare_turn(&rec, &now), REPLAY_DIFF_KIND);
    assert_int_equal(replay_compare_turn(&rec, NULL), REPLAY_DIFF_MISSING);
    assert_int_equal(replay_compare_turn(NULL, &now), REPLAY_DIFF_EXTRA);
}

static void test_replay_describes_the_difference_in_one_line(void **state)
{
    (void)state;
    Session s;
    memset(&s, 0, sizeof s);
    s.header.players[0] = "Alex";
    s.header.players[1] = "Sam";
    char rec_text[] = "So you are tired.";
    Turn rec = {
        .n = 7, .round = 2, .player = 1, .role = ROLE_AGENT, .kind = "reply", .text = rec_text};
    add_move(&rec.moves, "reflection", 3);
    add_move(&rec.moves, "feeling", 2);
    char text[] = "So you are tired.";
    Turn now = {.n = 7, .round = 2, .player = 1, .role = ROLE_AGENT, .kind = "reply", .text = text};
    add_move(&now.moves, "reflection", 3);
    ReplayResult res;
    memset(&res, 0, sizeof res);
    res.diff = (ReplayDiff){REPLAY_DIFF_MOVES, 6, &rec, &now};
    char line[512];
    assert_string_equal(replay_describe_diff(&s, &res, line, sizeof line),
                        "turn 7 (round 2, Sam, reply): recorded reflection +3, feeling +2 (5); "
                        "now reflection +3 (3)");
    res.diff = (ReplayDiff){REPLAY_DIFF_MISSING, 6, &rec, NULL};
    res.n_turns = 6;
    assert_string_equal(replay_describe_diff(&s, &res, line, sizeof line),
                        "turn 7 (round 2, Sam, reply): recorded reflection +3, feeling +2 (5); "
                        "now no such turn (the re-run made 6 turns)");
    /* a small buffer is cut, never overrun */
    char tiny[16];
    assert_int_equal(strlen(replay_describe_diff(&s, &res, tiny, sizeof tiny)), 15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_round_trip_gives_identical_turns),
        cmocka_unit_test(test_replay_steps_and_seeks_like_the_recording),
        cmocka_unit_test(test_replay_verify_passes_on_an_unchanged_session),
        cmocka_unit_test(test_replay_verify_names_the_turn_changed_rules_alter),
        cmocka_unit_test(test_replay_runs_the_stored_scenario_after_the_file_changed),
        cmocka_unit_test(test_replay_runs_the_stored_flow_after_floor_lua_changed),
        cmocka_unit_test(test_replay_old_session_runs_the_flow_from_the_root),
        cmocka_unit_test(test_replay_names_the_answer_an_edited_flow_refuses),
        cmocka_unit_test(test_replay_missing_last_turn),
        cmocka_unit_test(test_replay_follows_a_reload_recorded_during_play),
        cmocka_unit_test(test_replay_refuses_unreadable_files),
        cmocka_unit_test(test_replay_prints_the_transcript_without_verify),
        cmocka_unit_test(test_replay_compare_turn_fields),
        cmocka_unit_test(test_replay_describes_the_difference_in_one_line),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
