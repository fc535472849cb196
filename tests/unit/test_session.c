/* test_session.c: session files on real files in a temporary folder: what is written loads
 * back identical (non-ASCII included, the stored flow library too, and the sources of a hot
 * reload), a file from before the flow was stored still loads, every kind of damaged file gives a
 * message naming the file and line, the library lists newest first, and deleting is careful. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/hash.h"
#include "engine/core/limits.h"
#include "game/session/session.h"
#include "version.h"

static const char SOURCE[] = "-- microwave.lua: « la fenêtre »\n"
                             "return { id = \"microwave\", title = \"Mikrowelle 微波炉\" }\n";

typedef struct Fixture {
    char dir[64];
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/heard-session-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    chmod(dir, 0755);
    while (d && (e = readdir(d)) != NULL) {
        char p[512];
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(p);
        else
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

static int teardown(void **state)
{
    Fixture *f = *state;
    remove_tree(f->dir);
    free(f);
    return 0;
}

static SessionHeader sample_header(const char *started)
{
    SessionHeader h = {0};
    h.scenario_id = "microwave";
    h.scenario_path = "scripts/scenarios/microwave.lua";
    h.scenario_source = SOURCE;
    h.rules_hash = "9f86d081884c7d65";
    h.players[0] = "Zoë";
    h.players[1] = "Łukasz 日本";
    h.first = 1;
    h.seed = 18446744073709551557u; /* above 2^53: survives only as a string */
    snprintf(h.started, sizeof h.started, "%s", started);
    return h;
}

static Turn sample_turn(int round, Role role, const char *text, int reflections)
{
    Turn t = {0};
    t.round = round;
    t.player = role == ROLE_AGENT ? 0 : 1;
    t.role = role;
    snprintf(t.kind, sizeof t.kind, "%s", role == ROLE_AGENT ? "reply" : "startup");
    t.text = (char *)text; /* borrowed: only written */
    t.ms = 1000u * (unsigned)round;
    for (int i = 0; i < reflections; i++) {
        Move *m = &t.moves.items[t.moves.count++];
        strcpy(m->tag, "reflection");
        m->points = 3;
        snprintf(m->reason, sizeof m->reason, "You gave back « %s » → reflection +3", text);
        t.moves.total += 3;
    }
    Move *m = &t.moves.items[t.moves.count++];
    strcpy(m->tag, "counter_complaint");
    m->points = -2;
    strcpy(m->reason, "'my toaster' answers a complaint with one");
    t.moves.total -= 2;
    return t;
}

/* Writes a whole session; returns its path in PATH. */
static void write_session(const char *dir, const char *started, int turns, int end, char *path,
                          size_t size)
{
    SessionHeader h = sample_header(started);
    char err[512];
    SessionWriter *w = session_writer_create(dir, &h, path, size, err, sizeof err);
    assert_non_null(w);
    for (int i = 0; i < turns; i++) {
        Turn t = sample_turn(i + 1, i % 2 ? ROLE_AGENT : ROLE_CUSTOMER, "un micro-ondes", i % 2);
        assert_int_equal(session_write_turn(w, &t), 0);
    }
    if (end)
        assert_int_equal(session_write_end(w, 42, 99000), 0);
    assert_int_equal(session_writer_destroy(w), 0);
}

static void write_raw(const char *path, const char *bytes, size_t len, const char *mode)
{
    FILE *fp = fopen(path, mode);
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

/* A hand-made header line; HASH NULL means the right hash, SOURCE NULL leaves it out. */
static void header_line(char *out, size_t size, int format, int min_reader, const char *source,
                        const char *hash, const char *extra)
{
    char right[17], src[512] = "";
    hash_text(source ? source : "", source ? strlen(source) : 0, right);
    if (source)
        snprintf(src, sizeof src, "\"scenario_source\":\"%s\",", source);
    snprintf(out, size,
             "{\"type\":\"header\",\"format\":%d,\"min_reader\":%d,\"game_version\":\"9.9.9\","
             "\"scenario_id\":\"microwave\",\"scenario_path\":\"m.lua\",%s"
             "\"scenario_hash\":\"%s\",\"rules_hash\":\"abc\",\"players\":[\"A\",\"B\"],"
             "\"first\":0,\"seed\":\"7\",\"started\":\"2026-01-02T03:04:05Z\"%s}\n",
             format, min_reader, src, hash ? hash : right, extra ? extra : "");
}

static const char TURN_LINE[] =
    "{\"type\":\"turn\",\"n\":1,\"round\":1,\"player\":0,\"role\":\"customer\","
    "\"kind\":\"startup\",\"text\":\"hi\",\"ms\":5,\"points\":2,\"moves\":[]}\n";

static void assert_header_matches(const SessionHeader *got, const SessionHeader *h)
{
    assert_int_equal(got->format, SESSION_FORMAT);
    assert_int_equal(got->min_reader, SESSION_MIN_READER);
    assert_string_equal(got->game_version, HEARD_VERSION);
    assert_string_equal(got->scenario_id, h->scenario_id);
    assert_string_equal(got->scenario_path, h->scenario_path);
    assert_string_equal(got->scenario_source, h->scenario_source);
    char hash[17];
    hash_text(SOURCE, strlen(SOURCE), hash);
    assert_string_equal(got->scenario_hash, hash);
    assert_string_equal(got->rules_hash, h->rules_hash);
    assert_string_equal(got->players[0], "Zoë");
    assert_string_equal(got->players[1], "Łukasz 日本");
    assert_int_equal(got->first, 1);
    assert_true(got->seed == 18446744073709551557u);
    assert_string_equal(got->started, "2026-11-22T09:15:02Z");
}

static void assert_event_equal(const Event *a, const Event *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->ms, b->ms);
    assert_int_equal(a->key, b->key);
    assert_int_equal(a->mods, b->mods);
    assert_int_equal(a->x, b->x);
    assert_int_equal(a->y, b->y);
    assert_int_equal(a->edit_start, b->edit_start);
    assert_string_equal(a->text, b->text);
}

static void assert_turn_equal(const Turn *a, const Turn *b, int n)
{
    assert_int_equal(a->n, n);
    assert_int_equal(a->round, b->round);
    assert_int_equal(a->player, b->player);
    assert_int_equal(a->role, b->role);
    assert_string_equal(a->kind, b->kind);
    assert_string_equal(a->text, b->text);
    assert_int_equal(a->ms, b->ms);

    assert_int_equal(a->moves.count, b->moves.count);
    assert_int_equal(a->moves.total, b->moves.total);
    for (int m = 0; m < b->moves.count; m++) {
        assert_string_equal(a->moves.items[m].tag, b->moves.items[m].tag);
        assert_int_equal(a->moves.items[m].points, b->moves.items[m].points);
        assert_string_equal(a->moves.items[m].reason, b->moves.items[m].reason);
    }
}

static void test_session_round_trip_keeps_every_value(void **state)
{
    Fixture *f = *state;
    SessionHeader h = sample_header("2026-11-22T09:15:02Z");
    char path[512], err[512];
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, err, sizeof err);
    assert_non_null(w);
    char want[512];
    snprintf(want, sizeof want, "%s/2026-11-22T09-15-02Z-microwave.jsonl", f->dir);
    assert_string_equal(path, want);
    assert_string_equal(session_writer_path(w), want);

    Event evs[6] = {{0}};
    evs[0] = (Event){.kind = EV_KEY, .ms = 10, .key = KEY_RETURN, .mods = MOD_SHIFT};
    evs[1] = (Event){.kind = EV_TEXT, .ms = 11, .text = "é日"};
    evs[2] = (Event){.kind = EV_EDIT, .ms = 12, .text = "にほ", .edit_start = 1};
    evs[3] = (Event){.kind = EV_CLICK, .ms = 13, .key = 1, .x = 320, .y = 240};
    evs[4] = (Event){.kind = EV_WHEEL, .ms = 14, .y = -3};
    evs[5] = (Event){.kind = EV_RESIZE, .ms = 15, .x = 1280, .y = 720};
    Event move = {.kind = EV_MOVE, .ms = 16, .x = 1, .y = 1};
    for (int i = 0; i < 6; i++)
        assert_int_equal(session_write_event(w, &evs[i]), 0);
    assert_int_equal(session_write_event(w, &move), 0); /* not recorded */
    SessionAnswer a0 = {.kind = SESSION_ANSWER_TEXT, .text = "J'ai froid, 寒い", .ms = 20};
    SessionAnswer a1 = {.kind = SESSION_ANSWER_CHOICE, .index = 2, .ms = 21};
    assert_int_equal(session_write_answer(w, &a0), 0);
    Turn t1 = sample_turn(1, ROLE_CUSTOMER, "Ich brauche eine neue Mikrowelle", 0);
    Turn t2 = sample_turn(1, ROLE_AGENT, "Du brauchst eine neue Mikrowelle 😊", 2);
    assert_int_equal(session_write_turn(w, &t1), 0);
    assert_int_equal(session_write_answer(w, &a1), 0);
    assert_int_equal(session_write_turn(w, &t2), 0);
    assert_int_equal(session_write_end(w, 7, 30000), 0);
    assert_int_equal(session_writer_destroy(w), 0);

    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.code, 0);
    assert_int_equal(rep.n_warnings, 0);
    assert_header_matches(&s->header, &h);

    assert_int_equal(s->n_events, 6);
    for (int i = 0; i < 6; i++)
        assert_event_equal(&s->events[i], &evs[i]);
    assert_int_equal(s->n_answers, 2);
    assert_int_equal(s->answers[0].kind, SESSION_ANSWER_TEXT);
    assert_string_equal(s->answers[0].text, a0.text);
    assert_int_equal(s->answers[0].ms, 20);
    assert_int_equal(s->answers[1].kind, SESSION_ANSWER_CHOICE);
    assert_int_equal(s->answers[1].index, 2);
    assert_true(s->answers[1].line > s->turns[0].line); /* order among turns is kept */

    assert_int_equal(s->n_turns, 2);
    assert_turn_equal(&s->turns[0], &t1, 1);
    assert_turn_equal(&s->turns[1], &t2, 2);
    assert_true(s->ended);
    assert_int_equal(s->team_score, 7);
    assert_int_equal(s->end_ms, 30000);
    session_free(s);
}

static void test_session_file_is_only_appended_to(void **state)
{
    Fixture *f = *state;
    SessionHeader h = sample_header("2026-11-22T09:15:02Z");
    char path[512], path2[512];
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, NULL, 0);
    assert_non_null(w);
    Turn t = sample_turn(1, ROLE_CUSTOMER, "first", 0);
    assert_int_equal(session_write_turn(w, &t), 0);
    /* Synced and complete on disk before the write returned: another reader sees it. */
    Session *s = session_load(path, NULL);
    assert_non_null(s);
    assert_int_equal(s->n_turns, 1);
    session_free(s);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    char *old = malloc((size_t)before.st_size), *now = malloc((size_t)before.st_size);
    assert_non_null(old);
    assert_non_null(now);
    FILE *fp = fopen(path, "rb");
    assert_int_equal(fread(old, 1, (size_t)before.st_size, fp), (size_t)before.st_size);
    fclose(fp);
    t = sample_turn(2, ROLE_AGENT, "second", 1);
    assert_int_equal(session_write_turn(w, &t), 0);
    /* Text that is not UTF-8 is refused and nothing is written. */
    t.text = "bad \xff byte";
    assert_int_equal(session_write_turn(w, &t), SESSION_ERR_ARG);
    assert_non_null(strstr(session_writer_error(w), "UTF-8"));
    assert_int_equal(session_writer_destroy(w), 0);
    assert_int_equal(stat(path, &after), 0);
    assert_true(after.st_size > before.st_size);
    fp = fopen(path, "rb");
    assert_int_equal(fread(now, 1, (size_t)before.st_size, fp), (size_t)before.st_size);
    fclose(fp);
    assert_memory_equal(old, now, (size_t)before.st_size);
    free(old);
    free(now);
    /* A second session started the same second gets its own file. */
    w = session_writer_create(f->dir, &h, path2, sizeof path2, NULL, 0);
    assert_non_null(w);
    assert_non_null(strstr(path2, "2026-11-22T09-15-02Z-microwave-2.jsonl"));
    session_writer_destroy(w);
}

static void test_session_undo_takes_back_the_last_answer_and_its_turns(void **state)
{
    Fixture *f = *state;
    SessionHeader h = sample_header("2026-11-22T09:15:02Z");
    char path[512];
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, NULL, 0);
    assert_non_null(w);
    assert_int_equal(session_write_undo(w, 1), SESSION_ERR_ARG); /* nothing to undo yet */
    Turn note = sample_turn(1, ROLE_CUSTOMER, "Round 1: Zoë holds the floor", 0);
    note.player = -1;
    snprintf(note.kind, sizeof note.kind, "%s", "note");
    SessionAnswer a1 = {.kind = SESSION_ANSWER_TEXT, .text = "I need a microwave", .ms = 10};
    SessionAnswer a2 = {.kind = SESSION_ANSWER_TEXT, .text = "well my toaster", .ms = 20};
    SessionAnswer a3 = {.kind = SESSION_ANSWER_TEXT, .text = "you need a microwave", .ms = 30};
    Turn t1 = sample_turn(1, ROLE_CUSTOMER, a1.text, 0);
    Turn t2 = sample_turn(1, ROLE_AGENT, a2.text, 0);
    Turn t3 = sample_turn(1, ROLE_AGENT, "parked: toaster", 0);
    Turn t4 = sample_turn(1, ROLE_AGENT, a3.text, 1);
    assert_int_equal(session_write_turn(w, &note), 0);
    assert_int_equal(session_write_answer(w, &a1), 0);
    assert_int_equal(session_write_turn(w, &t1), 0);
    assert_int_equal(session_write_answer(w, &a2), 0);
    assert_int_equal(session_write_turn(w, &t2), 0);
    assert_int_equal(session_write_turn(w, &t3), 0);
    assert_int_equal(session_write_undo(w, 25), 0);
    assert_int_equal(session_write_answer(w, &a3), 0);
    assert_int_equal(session_write_turn(w, &t4), 0);
    assert_int_equal(session_writer_destroy(w), 0);

    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.n_warnings, 0);
    assert_int_equal(s->undos, 1);
    assert_int_equal(s->n_answers, 2);
    assert_string_equal(s->answers[0].text, a1.text);
    assert_string_equal(s->answers[1].text, a3.text);
    assert_int_equal(s->n_turns, 3);
    assert_int_equal(s->turns[0].player, -1);
    assert_string_equal(s->turns[0].kind, "note");
    assert_string_equal(s->turns[1].text, a1.text);
    assert_string_equal(s->turns[2].text, a3.text);
    for (int i = 0; i < 3; i++)
        assert_int_equal(s->turns[i].n, i + 1); /* no gap where the undone turns were */
    assert_int_equal(s->team_score, note.moves.total + t1.moves.total + t4.moves.total);
    /* what was taken back is kept apart, for a replay to show it was given */
    assert_int_equal(s->n_taken_back, 1);
    assert_string_equal(s->taken_back[0].answer.text, a2.text);
    assert_int_equal(s->taken_back[0].answer.ms, 20);
    assert_int_equal(s->taken_back[0].undo_ms, 25);
    assert_int_equal(s->taken_back[0].in_force, 1);
    session_free(s);
}

static void test_session_torn_last_line_is_dropped_with_a_warning(void **state)
{
    Fixture *f = *state;
    char path[512];
    write_session(f->dir, "2026-11-22T09:15:02Z", 2, 0, path, sizeof path);
    const char torn[] = "{\"type\":\"turn\",\"n\":3,\"round\":2,\"pla";
    write_raw(path, torn, strlen(torn), "ab");
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->n_turns, 2);
    assert_false(s->ended);
    assert_int_equal(s->team_score, s->turns[0].moves.total + s->turns[1].moves.total);
    assert_true(rep.torn);
    assert_int_equal(rep.n_warnings, 1);
    assert_non_null(strstr(rep.warnings[0], path));
    assert_non_null(strstr(rep.warnings[0], ":4:"));
    assert_non_null(strstr(rep.warnings[0], "dropped"));
    session_free(s);
}

/* Loads PATH expecting failure with CODE and an error mentioning each of the strings. */
static void expect_error(const char *path, int code, const char *a, const char *b)
{
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_null(s);
    assert_int_equal(rep.code, code);
    assert_non_null(strstr(rep.error, path));
    if (a && !strstr(rep.error, a))
        fail_msg("'%s' not in: %s", a, rep.error);
    if (b && !strstr(rep.error, b))
        fail_msg("'%s' not in: %s", b, rep.error);
}

static void test_session_bad_files_are_explained(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048];
    snprintf(path, sizeof path, "%s/bad.jsonl", f->dir);
    expect_error(path, SESSION_ERR_MISSING, "no such session file", NULL);
    write_raw(path, "", 0, "wb");
    expect_error(path, SESSION_ERR_EMPTY, "empty", NULL);
    write_raw(path, "\x89PNG\r\n\x1a\n\x00\x01\xfe\xff garbage\n", 21, "wb");
    expect_error(path, SESSION_ERR_FORMAT, ":1:", "not a Heard session file");
    write_raw(path, "\x13\x37\xca\xfe\xba\xbe no newline at all", 24, "wb");
    expect_error(path, SESSION_ERR_FORMAT, "not a Heard session file", "no complete first line");
    write_raw(path, TURN_LINE, strlen(TURN_LINE), "wb");
    expect_error(path, SESSION_ERR_FORMAT, ":1:", "not a session header");
    write_raw(path, "[1,2,3]\n", 8, "wb");
    expect_error(path, SESSION_ERR_FORMAT, ":1:", "not a Heard session file");

    header_line(line, sizeof line, SESSION_FORMAT + 1, SESSION_FORMAT + 1, "return {}", NULL, NULL);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_TOO_NEW, "made by Heard 9.9.9", "update Heard to read it");

    header_line(line, sizeof line, 1, 1, NULL, "0000000000000000", NULL);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_FORMAT, ":1:", "scenario_source");

    header_line(line, sizeof line, 1, 1, "return { id = 1 }", "0123456789abcdef", NULL);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_ALTERED, ":1:", "altered");

    header_line(line, sizeof line, 1, 1, "return {} -- caf\xe9", NULL, NULL);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_FORMAT, ":1:", "UTF-8");
}

static const char FLOOR[] = "-- floor.lua: \"la parole\" « à toi »\n"
                            "return { play = function(heard, s) end }\n";

/* Reads the whole of PATH into BUF (of SIZE). */
static void read_raw(const char *path, char *buf, size_t size)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    size_t n = fread(buf, 1, size - 1, fp);
    buf[n] = '\0';
    fclose(fp);
}

static void test_session_floor_source_round_trip(void **state)
{
    Fixture *f = *state;
    SessionHeader h = sample_header("2026-11-22T09:15:02Z");
    h.floor_source = FLOOR;
    char path[512], err[512], hash[17], want[64];
    static char raw[8192];
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, err, sizeof err);
    assert_non_null(w);
    assert_int_equal(session_writer_destroy(w), 0);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.n_warnings, 0);
    assert_header_matches(&s->header, &h);
    assert_string_equal(s->header.floor_source, FLOOR);
    hash_text(FLOOR, strlen(FLOOR), hash);
    assert_string_equal(s->header.floor_hash, hash);
    session_free(s);
    read_raw(path, raw, sizeof raw);
    snprintf(want, sizeof want, "\"floor_hash\":\"%s\"", hash);
    assert_non_null(strstr(raw, want));

    /* without a flow source neither field is written, and none comes back */
    h.floor_source = NULL;
    w = session_writer_create(f->dir, &h, path, sizeof path, err, sizeof err);
    assert_non_null(w);
    assert_int_equal(session_writer_destroy(w), 0);
    read_raw(path, raw, sizeof raw);
    assert_null(strstr(raw, "floor_"));
    s = session_load(path, &rep);
    assert_non_null(s);
    assert_null(s->header.floor_source);
    assert_string_equal(s->header.floor_hash, "");
    session_free(s);
}

static void test_session_format_1_file_without_the_flow_loads(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048];
    snprintf(path, sizeof path, "%s/old.jsonl", f->dir);
    header_line(line, sizeof line, 1, 1, "return {}", NULL, NULL);
    write_raw(path, line, strlen(line), "wb");
    write_raw(path, TURN_LINE, strlen(TURN_LINE), "ab");
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.n_warnings, 0);
    assert_int_equal(s->header.format, 1);
    assert_string_equal(s->header.scenario_source, "return {}");
    assert_null(s->header.floor_source);
    assert_string_equal(s->header.floor_hash, "");
    assert_int_equal(s->n_turns, 1);
    session_free(s);
}

/* The rules of play a session was scored under: written from format 4, 1 when absent (an
 * older file), and a damaged value refuses the file. */
static void test_session_scoring_is_kept_and_defaults_to_the_first_rules(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048], err[512];
    SessionHeader h = sample_header("");
    h.scoring = 2;
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, err, sizeof err);
    assert_non_null(w);
    assert_int_equal(session_writer_destroy(w), 0);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->header.format, 4);
    assert_int_equal(s->header.scoring, 2);
    session_free(s);

    snprintf(path, sizeof path, "%s/format3.jsonl", f->dir);
    header_line(line, sizeof line, 3, 1, "return {}", NULL, NULL);
    write_raw(path, line, strlen(line), "wb");
    s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->header.scoring, 1);
    session_free(s);

    snprintf(path, sizeof path, "%s/bad-scoring.jsonl", f->dir);
    header_line(line, sizeof line, 4, 1, "return {}", NULL, ",\"scoring\":\"two\"");
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_FORMAT, "bad-scoring.jsonl:1:", "\"scoring\"");
}

static void test_session_altered_floor_source_is_refused(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048], extra[256], hash[17], where[600];
    snprintf(path, sizeof path, "%s/floor.jsonl", f->dir);
    snprintf(where, sizeof where, "%s:1:", path);
    hash_text("return {}", 9, hash);

    /* the hash of one flow over the text of another: edited after saving */
    snprintf(extra, sizeof extra,
             ",\"floor_source\":\"return { play = nil }\",\"floor_hash\":\"%s\"", hash);
    header_line(line, sizeof line, 2, 1, "return {}", NULL, extra);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_ALTERED, where, "flow source");

    /* a source without its hash, a hash without its source, a source that is not text */
    header_line(line, sizeof line, 2, 1, "return {}", NULL, ",\"floor_source\":\"return {}\"");
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_ALTERED, where, "records none");
    snprintf(extra, sizeof extra, ",\"floor_hash\":\"%s\"", hash);
    header_line(line, sizeof line, 2, 1, "return {}", NULL, extra);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_ALTERED, where, "floor_source");
    snprintf(extra, sizeof extra, ",\"floor_source\":7,\"floor_hash\":\"%s\"", hash);
    header_line(line, sizeof line, 2, 1, "return {}", NULL, extra);
    write_raw(path, line, strlen(line), "wb");
    expect_error(path, SESSION_ERR_ALTERED, where, "floor_source");

    /* the right pair loads */
    snprintf(extra, sizeof extra, ",\"floor_source\":\"return {}\",\"floor_hash\":\"%s\"", hash);
    header_line(line, sizeof line, 2, 1, "return {}", NULL, extra);
    write_raw(path, line, strlen(line), "wb");
    Session *s = session_load(path, NULL);
    assert_non_null(s);
    assert_string_equal(s->header.floor_source, "return {}");
    session_free(s);
}

static SessionAnswer text_answer(const char *text, uint32_t ms)
{
    SessionAnswer a = {0};
    a.kind = SESSION_ANSWER_TEXT;
    a.text = text;
    a.ms = ms;
    return a;
}

static long file_size(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (long)st.st_size;
}

/* A reload writes only the source that changed, with its hash; the loader keeps the
 * reloads in order with the answers in force before each, drops answers a reload dropped,
 * and moves a reload back when a later undo takes back an answer given before it. */
static void test_session_reload_round_trip(void **state)
{
    Fixture *f = *state;
    static const char EDITED[] = "return { id = \"microwave\", title = \"Micro « 2 »\" }\n";
    static const char FLOOR2[] = "return { play = function(heard, s) heard.note('x') end }\n";
    SessionHeader h = sample_header("2026-11-22T09:15:02Z");
    h.floor_source = FLOOR;
    char path[512], err[512], hash[17];
    static char raw[16384];
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, err, sizeof err);
    assert_non_null(w);
    SessionAnswer a1 = text_answer("un", 100), a2 = text_answer("deux", 200);
    SessionAnswer a3 = text_answer("trois", 300), a4 = text_answer("quatre", 400);
    Turn t = sample_turn(1, ROLE_CUSTOMER, "un", 0);
    assert_int_equal(session_write_answer(w, &a1), 0);
    assert_int_equal(session_write_turn(w, &t), 0);
    assert_int_equal(session_write_answer(w, &a2), 0);

    /* F5 with nothing edited: nothing to record */
    long before = file_size(path);
    SessionReload r = {.ms = 250, .scenario_source = SOURCE, .floor_source = FLOOR, .answers = 2};
    assert_int_equal(session_write_reload(w, &r), 0);
    assert_int_equal(file_size(path), before);
    /* more answers than the file holds cannot be kept */
    r.answers = 3;
    assert_int_equal(session_write_reload(w, &r), SESSION_ERR_ARG);

    /* the scenario edited: only it is written */
    r = (SessionReload){.ms = 260, .scenario_source = EDITED, .floor_source = FLOOR, .answers = 2};
    assert_int_equal(session_write_reload(w, &r), 0);
    assert_int_equal(session_write_answer(w, &a3), 0);
    assert_int_equal(session_write_turn(w, &t), 0);
    /* floor.lua edited, and the answer given after the last reload no longer fits */
    r = (SessionReload){.ms = 350, .scenario_source = EDITED, .floor_source = FLOOR2, .answers = 2};
    assert_int_equal(session_write_reload(w, &r), 0);
    assert_int_equal(session_write_answer(w, &a4), 0);
    assert_int_equal(session_write_end(w, 0, 500), 0);
    assert_int_equal(session_writer_destroy(w), 0);

    read_raw(path, raw, sizeof raw);
    const char *first = strstr(raw, "{\"type\":\"reload\"");
    assert_non_null(first);
    const char *eol = strchr(first, '\n');
    hash_text(EDITED, strlen(EDITED), hash);
    const char *at = strstr(first, hash);
    assert_true(at && at < eol);
    at = strstr(first, "floor_source");
    assert_true(!at || at > eol); /* the flow library did not change in the first reload */

    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.n_warnings, 0);
    assert_int_equal(s->n_reloads, 2);
    const SessionReload *r0 = &s->reloads[0], *r1 = &s->reloads[1];
    assert_int_equal(r0->ms, 260);
    assert_int_equal(r0->answers, 2);
    assert_string_equal(r0->scenario_source, EDITED);
    assert_string_equal(r0->scenario_hash, hash);
    assert_null(r0->floor_source);
    assert_string_equal(r0->floor_hash, "");
    assert_true(r0->line > s->answers[1].line);
    assert_int_equal(r1->answers, 2);
    assert_null(r1->scenario_source);
    assert_string_equal(r1->floor_source, FLOOR2);
    hash_text(FLOOR2, strlen(FLOOR2), hash);
    assert_string_equal(r1->floor_hash, hash);
    /* "trois" was dropped by the second reload, with its turn; "quatre" came after */
    assert_int_equal(s->n_answers, 3);
    assert_string_equal(s->answers[2].text, "quatre");
    assert_int_equal(s->n_turns, 1);
    assert_int_equal(s->undos, 0);
    session_free(s);

    /* an undo of an answer given before the reloads: they now came after one answer */
    const char undo[] = "{\"type\":\"undo\",\"ms\":600}\n";
    write_raw(path, undo, strlen(undo), "ab");
    write_raw(path, undo, strlen(undo), "ab");
    s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->n_answers, 1);
    assert_int_equal(s->reloads[0].answers, 1);
    assert_int_equal(s->reloads[1].answers, 1);
    session_free(s);
}

static void test_session_altered_reload_is_refused(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048], reload[512], hash[17], where[600];
    snprintf(path, sizeof path, "%s/reload.jsonl", f->dir);
    snprintf(where, sizeof where, "%s:3:", path);
    hash_text("return {}", 9, hash);
    const char answer[] = "{\"type\":\"answer\",\"kind\":\"text\",\"text\":\"hi\",\"ms\":5}\n";
    static const char *const bodies[] = {
        /* the hash of one scenario over the text of another: edited after saving */
        "\"scenario_source\":\"return { rounds = 9 }\",\"scenario_hash\":\"%s\"",
        "\"floor_source\":\"return { play = nil }\",\"floor_hash\":\"%s\"",
        /* a hash without its source */
        "\"scenario_hash\":\"%s\"",
    };
    static const char *const why[] = {"scenario source", "flow source", "scenario_source"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char fields[256];
        snprintf(fields, sizeof fields, bodies[i], hash);
        snprintf(reload, sizeof reload, "{\"type\":\"reload\",\"ms\":9,\"answers\":1,%s}\n",
                 fields);
        header_line(line, sizeof line, 3, 1, "return {}", NULL, NULL);
        write_raw(path, line, strlen(line), "wb");
        write_raw(path, answer, strlen(answer), "ab");
        write_raw(path, reload, strlen(reload), "ab");
        expect_error(path, SESSION_ERR_ALTERED, where, why[i]);
    }
    /* the right pair loads */
    snprintf(reload, sizeof reload,
             "{\"type\":\"reload\",\"ms\":9,\"answers\":1,\"scenario_source\":\"return {}\","
             "\"scenario_hash\":\"%s\"}\n",
             hash);
    header_line(line, sizeof line, 3, 1, "return {}", NULL, NULL);
    write_raw(path, line, strlen(line), "wb");
    write_raw(path, answer, strlen(answer), "ab");
    write_raw(path, reload, strlen(reload), "ab");
    Session *s = session_load(path, NULL);
    assert_non_null(s);
    assert_int_equal(s->n_reloads, 1);
    assert_string_equal(s->reloads[0].scenario_source, "return {}");
    session_free(s);
}

static void test_session_newer_format_is_read_ignoring_what_it_added(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048];
    snprintf(path, sizeof path, "%s/newer.jsonl", f->dir);
    header_line(line, sizeof line, SESSION_FORMAT + 1, 1, "return {}", NULL,
                ",\"mood\":{\"a\":[1,2]}");
    write_raw(path, line, strlen(line), "wb");
    const char *more = "{\"type\":\"hologram\",\"ms\":1}\n"
                       "{\"type\":\"turn\",\"n\":1,\"round\":1,\"player\":0,\"role\":\"customer\","
                       "\"kind\":\"startup\",\"text\":\"hi\",\"ms\":5,\"points\":2,\"moves\":[],"
                       "\"tone\":\"warm\"}\n";
    write_raw(path, more, strlen(more), "ab");
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->header.format, SESSION_FORMAT + 1);
    assert_int_equal(s->n_turns, 1);
    assert_string_equal(s->turns[0].text, "hi");
    assert_int_equal(rep.skipped_lines, 0);
    assert_int_equal(rep.n_warnings, 1);
    assert_non_null(strstr(rep.warnings[0], "9.9.9"));
    session_free(s);
}

static void test_session_damaged_line_is_skipped_and_named(void **state)
{
    Fixture *f = *state;
    char path[512], line[2048];
    snprintf(path, sizeof path, "%s/utf8.jsonl", f->dir);
    header_line(line, sizeof line, 1, 1, "return {}", NULL, NULL);
    write_raw(path, line, strlen(line), "wb");
    write_raw(path, TURN_LINE, strlen(TURN_LINE), "ab");
    const char *bad = "{\"type\":\"turn\",\"n\":2,\"round\":1,\"player\":1,\"role\":\"agent\","
                      "\"kind\":\"reply\",\"text\":\"Gr\xfc\xdf dich\",\"ms\":6,\"points\":0,"
                      "\"moves\":[]}\n";
    write_raw(path, bad, strlen(bad), "ab");
    const char *end = "{\"type\":\"end\",\"team_score\":2,\"ms\":9}\n";
    write_raw(path, end, strlen(end), "ab");
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->n_turns, 1);
    assert_true(s->ended);
    assert_int_equal(rep.skipped_lines, 1);
    assert_int_equal(rep.n_warnings, 1);
    assert_non_null(strstr(rep.warnings[0], ":3:"));
    assert_non_null(strstr(rep.warnings[0], "UTF-8"));
    session_free(s);
}

static long max_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Writes a header, a line of BLOCKS * 64 KiB of text, and TURN_LINE to PATH. */
static void write_long_line(const char *path, int blocks)
{
    char line[2048];
    header_line(line, sizeof line, 1, 1, "return {}", NULL, NULL);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(line, fp);
    fputs("{\"type\":\"note\",\"text\":\"", fp);
    static char block[1 << 16];
    memset(block, 'a', sizeof block);
    for (int i = 0; i < blocks; i++)
        assert_int_equal(fwrite(block, 1, sizeof block, fp), sizeof block);
    fputs("\"}\n", fp);
    fputs(TURN_LINE, fp);
    assert_int_equal(fclose(fp), 0);
}

static void test_session_60mb_line_is_reported_without_loading_it(void **state)
{
    Fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/huge.jsonl", f->dir);
    write_long_line(path, 960); /* 960 * 64 KiB = 60 MiB, within the file's limit */

    long before = max_rss_kib();
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    long grew_mib = (max_rss_kib() - before) / 1024;
    assert_non_null(s);
    assert_int_equal(s->n_turns, 1);
    assert_int_equal(rep.skipped_lines, 1);
    assert_non_null(strstr(rep.warnings[0], ":2:"));
    assert_non_null(strstr(rep.warnings[0], "too long"));
    assert_true(grew_mib < 32); /* the cap is 8 MiB; a 60 MiB buffer would show */
    session_free(s);
}

/* A file larger than a session may be is refused before a byte is read. */
static void test_session_file_over_its_limit_is_refused(void **state)
{
    Fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/bigger.jsonl", f->dir);
    write_long_line(path, 1040); /* 65 MiB */
    SessionLoadReport rep;
    assert_null(session_load(path, &rep));
    assert_int_equal(rep.code, SESSION_ERR_TOO_BIG);
    assert_non_null(strstr(rep.error, path));
    assert_non_null(strstr(rep.error, "bytes, larger than the 64 MiB read; a session file is at "
                                      "most that big"));
}

/* A line the reader would skip is never written: the writer refuses it, nothing of it
 * reaches the file, and everything written before and after loads. The file stops before
 * it passes the reader's limit on a whole file. */
static void test_session_writer_keeps_to_the_readers_limits(void **state)
{
    Fixture *f = *state;
    SessionHeader h = sample_header("2026-11-22T09:15:02Z");
    char path[512], err[512];
    SessionWriter *w = session_writer_create(f->dir, &h, path, sizeof path, err, sizeof err);
    assert_non_null(w);
    size_t n = (size_t)3 * 1024 * 1024;
    char *text = malloc(n + 1);
    assert_non_null(text);
    memset(text, '\x01', n); /* each is written as \u0001: 18 MiB as JSON */
    text[n] = '\0';
    Turn note = sample_turn(1, ROLE_CUSTOMER, text, 0);
    note.player = -1;
    strcpy(note.kind, "note");
    assert_int_equal(session_write_turn(w, &note), SESSION_ERR_TOO_BIG);
    assert_non_null(strstr(session_writer_error(w), "it takes 18,874,"));
    assert_non_null(strstr(session_writer_error(w), "more than the 8 MiB a line of a session may "
                                                    "hold"));
    Turn t = sample_turn(1, ROLE_AGENT, "still saved", 1);
    assert_int_equal(session_write_turn(w, &t), 0);
    /* notes of 1 MiB written as 2 MiB lines, until the file would pass 64 MiB */
    memset(text, '"', LIMITS_NOTE_MAX);
    text[LIMITS_NOTE_MAX] = '\0';
    int written = 0;
    while (session_write_turn(w, &note) == 0)
        written++;
    assert_int_equal(written, 31); /* a 32nd would take the file past 64 MiB */
    assert_non_null(strstr(session_writer_error(w), "the file has reached 64 MiB, the most a "
                                                    "session may hold"));
    assert_int_equal(session_writer_destroy(w), 0);
    free(text);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true((size_t)st.st_size <= LIMITS_SESSION_FILE);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.skipped_lines, 0);
    assert_int_equal(s->n_turns, 32);
    assert_string_equal(s->turns[0].text, "still saved");
    session_free(s);
}

static void test_session_create_fails_clearly(void **state)
{
    Fixture *f = *state;
    SessionHeader h = sample_header("");
    char dir[256], err[512];
    snprintf(dir, sizeof dir, "%s/missing", f->dir);
    assert_null(session_writer_create(dir, &h, NULL, 0, err, sizeof err));
    assert_non_null(strstr(err, dir));
    assert_non_null(strstr(err, "No such file or directory"));

    snprintf(dir, sizeof dir, "%s/readonly", f->dir);
    assert_int_equal(mkdir(dir, 0555), 0);
    SessionWriter *w = session_writer_create(dir, &h, NULL, 0, err, sizeof err);
    if (access(dir, W_OK) != 0) { /* root may write anywhere: nothing to check then */
        assert_null(w);
        assert_non_null(strstr(err, dir));
        assert_non_null(strstr(err, "Permission denied"));
    }
    session_writer_destroy(w);

    h.players[1] = NULL;
    assert_null(session_writer_create(f->dir, &h, NULL, 0, err, sizeof err));
    assert_non_null(strstr(err, "players"));
    h = sample_header("yesterday");
    assert_null(session_writer_create(f->dir, &h, NULL, 0, err, sizeof err));
    assert_non_null(strstr(err, "yesterday"));
    h = sample_header("");
    h.players[0] = "\xc3\x28";
    assert_null(session_writer_create(f->dir, &h, NULL, 0, err, sizeof err));
    assert_non_null(strstr(err, "UTF-8"));
}

static void test_session_list_is_newest_first_with_scores(void **state)
{
    Fixture *f = *state;
    char a[512], b[512], c[512], broken[512], other[512];
    write_session(f->dir, "2021-03-01T10:00:00Z", 4, 1, a, sizeof a);
    write_session(f->dir, "2023-07-15T18:30:00Z", 3, 0, b, sizeof b);
    write_session(f->dir, "2019-12-31T23:59:59Z", 0, 0, c, sizeof c);
    snprintf(broken, sizeof broken, "%s/zz-broken.jsonl", f->dir);
    write_raw(broken, "not json\n", 9, "wb");
    /* Its date is the file's: 2022-01-01, between the others. */
    struct timespec times[2] = {{1641038400, 0}, {1641038400, 0}};
    assert_int_equal(utimensat(AT_FDCWD, broken, times, 0), 0);
    snprintf(other, sizeof other, "%s/notes.txt", f->dir);
    write_raw(other, "x\n", 2, "wb");

    SessionSummary *list;
    size_t n;
    assert_int_equal(session_list(f->dir, &list, &n), 0);
    assert_int_equal(n, 4);
    assert_string_equal(list[0].path, b);
    assert_string_equal(list[1].path, broken);
    assert_string_equal(list[2].path, a);
    assert_string_equal(list[3].path, c);
    assert_true(list[0].ok);
    assert_string_equal(list[0].started, "2023-07-15T18:30:00Z");
    assert_string_equal(list[0].scenario_id, "microwave");
    assert_string_equal(list[0].players[0], "Zoë");
    assert_string_equal(list[0].players[1], "Łukasz 日本");
    assert_false(list[0].ended);
    assert_int_equal(list[0].turns, 3);
    assert_int_equal(list[0].reflections, 1);
    assert_int_equal(list[0].team_score, -2 + 1 + -2); /* no end line: the sum of turns */
    assert_false(list[1].ok);
    assert_string_equal(list[1].started, "2022-01-01T12:00:00Z");
    assert_non_null(strstr(list[1].error, "zz-broken.jsonl:1:"));
    assert_true(list[2].ended);
    /* the figures come from the turns (session_stats), as the export's do, even when the
     * end line says otherwise (42) */
    assert_int_equal(list[2].team_score, -2 + 1 + -2 + 1);
    assert_int_equal(list[2].turns, 4);
    assert_int_equal(list[2].reflections, 2);
    assert_int_equal(list[3].turns, 0);
    session_list_free(list, n);

    char missing[256];
    snprintf(missing, sizeof missing, "%s/nothing-yet", f->dir);
    assert_int_equal(session_list(missing, &list, &n), 0);
    assert_int_equal(n, 0);
}

static void test_session_delete_removes_only_session_files(void **state)
{
    Fixture *f = *state;
    char path[512], other[512];
    write_session(f->dir, "2026-11-22T09:15:02Z", 1, 1, path, sizeof path);
    snprintf(other, sizeof other, "%s/notes.txt", f->dir);
    write_raw(other, "keep\n", 5, "wb");
    assert_int_equal(session_delete(other), SESSION_ERR_ARG);
    assert_int_equal(access(other, F_OK), 0);
    assert_int_equal(session_delete(path), 0);
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_equal(session_delete(path), SESSION_ERR_MISSING);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_session_round_trip_keeps_every_value),
        T(test_session_file_is_only_appended_to),
        T(test_session_undo_takes_back_the_last_answer_and_its_turns),
        T(test_session_torn_last_line_is_dropped_with_a_warning),
        T(test_session_bad_files_are_explained),
        T(test_session_newer_format_is_read_ignoring_what_it_added),
        T(test_session_floor_source_round_trip),
        T(test_session_format_1_file_without_the_flow_loads),
        T(test_session_altered_floor_source_is_refused),
        T(test_session_scoring_is_kept_and_defaults_to_the_first_rules),
        T(test_session_reload_round_trip),
        T(test_session_altered_reload_is_refused),
        T(test_session_damaged_line_is_skipped_and_named),
        T(test_session_60mb_line_is_reported_without_loading_it),
        T(test_session_file_over_its_limit_is_refused),
        T(test_session_writer_keeps_to_the_readers_limits),
        T(test_session_create_fails_clearly),
        T(test_session_list_is_newest_first_with_scores),
        T(test_session_delete_removes_only_session_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
