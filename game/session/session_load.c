/* session_load.c: reading session files back (the header, then events, answers, turns,
 * undos, reloads and the end line) with a clear message for every kind of damage, and listing the
 * saved sessions of a folder. Depends on jansson and engine/core/journal. */
#include "game/session/session.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "engine/core/hash.h"
#include "engine/core/utf8.h"
#include "engine/core/journal.h"
#include "engine/core/limits.h"
#include "game/session/stats.h"
#include "version.h"

/* A turn's recorded points: MOVES_MAX moves within ±MOVES_POINTS_MAX. */
#define TURN_POINTS_MAX (MOVES_MAX * MOVES_POINTS_MAX)

typedef struct Loader {
    const char *path;
    Session *s;
    SessionLoadReport *rep;
    size_t cap_events, cap_answers, cap_turns, cap_reloads, cap_taken_back;
    int header_seen;
    int newer; /* the file's format is newer than ours: unknown lines are expected */
} Loader;

/* ---- messages and small helpers ----------------------------------------------------- */

static void warn(Loader *L, const char *fmt, ...)
{
    SessionLoadReport *rep = L->rep;
    if (rep->n_warnings >= SESSION_WARNINGS_MAX) {
        rep->more_warnings++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rep->warnings[rep->n_warnings++], sizeof rep->warnings[0], fmt, ap);
    va_end(ap);
}

/* Records why the file cannot be used; returns 1 so a line callback stops reading. */
static int fail(Loader *L, int code, const char *fmt, ...)
{
    L->rep->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->rep->error, sizeof L->rep->error, fmt, ap);
    va_end(ap);
    return 1;
}

/* *OUT = integer KEY of O within [LO, HI]. Returns 0, or -1 if missing, not an integer or
 * out of range. */
static int get_int(json_t *o, const char *key, long long lo, long long hi, long long *out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        return -1;
    long long x = json_integer_value(v);
    if (x < lo || x > hi)
        return -1;
    *out = x;
    return 0;
}

/* The string KEY of O (borrowed from O), or NULL. */
static const char *get_str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* A copy of the string KEY of O (DEF when missing), owned by the caller; NULL when out of
 * memory or when missing and DEF is NULL. */
static char *dup_str(json_t *o, const char *key, const char *def)
{
    const char *s = get_str(o, key);
    if (!s)
        s = def;
    return s ? strdup(s) : NULL;
}

static int grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, c * size);
    if (!p)
        return -1;
    *items = p;
    *cap = c;
    return 0;
}

/* ---- the header --------------------------------------------------------------------- */

static int parse_seed(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!s || !*s || strlen(s) > 20)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* Checks the versions: refuses a file that needs a newer reader. */
static int check_versions(Loader *L, json_t *o)
{
    long long format, min_reader;
    if (get_int(o, "format", 1, 1000000, &format) ||
        get_int(o, "min_reader", 1, 1000000, &min_reader))
        return fail(L, SESSION_ERR_FORMAT,
                    "%s:1: the header has no valid \"format\" and \"min_reader\" numbers; the "
                    "file is damaged",
                    L->path);
    const char *by = get_str(o, "game_version");
    by = by ? by : "(unknown version)";
    if (min_reader > SESSION_FORMAT)
        return fail(L, SESSION_ERR_TOO_NEW,
                    "%s was made by Heard %s (session format %lld, needs a reader of format "
                    "%lld; this Heard %s reads format %d): update Heard to read it",
                    L->path, by, format, min_reader, HEARD_VERSION, SESSION_FORMAT);
    if (format > SESSION_FORMAT) {
        L->newer = 1;
        warn(L,
             "%s was made by the newer Heard %s (session format %lld); what this version "
             "does not know is ignored",
             L->path, by, format);
    }
    L->s->header.format = (int)format;
    L->s->header.min_reader = (int)min_reader;
    return 0;
}

/* Checks the optional flow library (format 2 on): floor_source and floor_hash come together
 * and agree. A file without either (format 1) is fine. Returns 0, or 1 after fail(). */
static int check_floor(Loader *L, json_t *o)
{
    SessionHeader *h = &L->s->header;
    json_t *src = json_object_get(o, "floor_source");
    const char *want = get_str(o, "floor_hash");
    if (!src && !json_object_get(o, "floor_hash"))
        return 0;
    if (!json_is_string(src))
        return fail(L, SESSION_ERR_ALTERED,
                    "%s:1: the header has a \"floor_hash\" but no \"floor_source\" text; the "
                    "file was altered and cannot be replayed as played",
                    L->path);
    const char *s = json_string_value(src);
    hash_text(s, strlen(s), h->floor_hash);
    if (!want || strcmp(want, h->floor_hash) != 0)
        return fail(L, SESSION_ERR_ALTERED,
                    "%s:1: the flow source (scripts/lib/floor.lua as played) was altered after "
                    "the session was saved (its hash is %s, the header records %s); it cannot "
                    "be replayed as played",
                    L->path, h->floor_hash, want ? want : "none");
    return 0;
}

/* Copies the header's strings into the session. Returns 0, or 1 after fail(). */
static int header_strings(Loader *L, json_t *o)
{
    SessionHeader *h = &L->s->header;
    json_t *players = json_object_get(o, "players");
    const char *p0 = json_string_value(json_array_get(players, 0));
    const char *p1 = json_string_value(json_array_get(players, 1));
    if (!get_str(o, "scenario_id") || !p0 || !p1)
        return fail(L, SESSION_ERR_FORMAT,
                    "%s:1: the header lacks the scenario id or the two players' names; the "
                    "file is damaged",
                    L->path);
    h->game_version = dup_str(o, "game_version", "");
    h->scenario_id = dup_str(o, "scenario_id", NULL);
    h->scenario_path = dup_str(o, "scenario_path", "");
    h->scenario_title = dup_str(o, "scenario_title", NULL);
    h->scenario_source = dup_str(o, "scenario_source", NULL);
    h->rules_hash = dup_str(o, "rules_hash", "");
    h->floor_source = dup_str(o, "floor_source", NULL);
    h->players[0] = strdup(p0);
    h->players[1] = strdup(p1);
    if (!h->game_version || !h->scenario_id || !h->scenario_path || !h->scenario_source ||
        !h->rules_hash || !h->players[0] || !h->players[1] ||
        (get_str(o, "floor_source") && !h->floor_source) ||
        (get_str(o, "scenario_title") && !h->scenario_title))
        return fail(L, SESSION_ERR_NOMEM, "cannot read %s: out of memory", L->path);
    return 0;
}

static int parse_header(Loader *L, json_t *o)
{
    SessionHeader *h = &L->s->header;
    const char *type = get_str(o, "type");
    if (!type || strcmp(type, "header") != 0)
        return fail(L, SESSION_ERR_FORMAT,
                    "%s:1: not a Heard session file: the first line is not a session header",
                    L->path);
    if (check_versions(L, o))
        return 1;
    if (!get_str(o, "scenario_source"))
        return fail(L, SESSION_ERR_FORMAT,
                    "%s:1: the header has no \"scenario_source\", so the scenario cannot be "
                    "replayed; the file is damaged",
                    L->path);
    const char *want = get_str(o, "scenario_hash");
    const char *src = get_str(o, "scenario_source");
    hash_text(src, strlen(src), h->scenario_hash);
    if (!want || strcmp(want, h->scenario_hash) != 0)
        return fail(L, SESSION_ERR_ALTERED,
                    "%s:1: the scenario source was altered after the session was saved (its "
                    "hash is %s, the header records %s); it cannot be replayed as played",
                    L->path, h->scenario_hash, want ? want : "none");
    if (check_floor(L, o))
        return 1;
    long long first;
    if (get_int(o, "first", 0, 1, &first) || parse_seed(get_str(o, "seed"), &h->seed))
        return fail(L, SESSION_ERR_FORMAT,
                    "%s:1: the header's \"first\" (0 or 1) or \"seed\" (decimal digits in a "
                    "string) is missing or wrong; the file is damaged",
                    L->path);
    h->first = (int)first;
    long long scoring = 1;
    if (json_object_get(o, "scoring") && get_int(o, "scoring", 1, 1000000, &scoring))
        return fail(L, SESSION_ERR_FORMAT,
                    "%s:1: the header's \"scoring\" (the rules of play, a whole number from 1) "
                    "is wrong; the file is damaged",
                    L->path);
    h->scoring = (int)scoring;
    if (header_strings(L, o))
        return 1;
    const char *started = get_str(o, "started");
    utf8_copy(h->started, sizeof h->started, started ? started : "");
    if (!started)
        warn(L, "%s:1: the header has no start time", L->path);
    L->header_seen = 1;
    return 0;
}

/* ---- body lines --------------------------------------------------------------------- */

static EventKind event_kind(const char *s)
{
    static const struct {
        const char *name;
        EventKind kind;
    } kinds[] = {{"key", EV_KEY},     {"text", EV_TEXT},   {"edit", EV_EDIT},
                 {"click", EV_CLICK}, {"wheel", EV_WHEEL}, {"resize", EV_RESIZE}};
    for (size_t i = 0; s && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(s, kinds[i].name) == 0)
            return kinds[i].kind;
    return EV_NONE;
}

/* Returns NULL when fine, else what is wrong with the event line. */
static const char *parse_event(json_t *o, Event *e)
{
    long long v;
    memset(e, 0, sizeof *e);
    e->kind = event_kind(get_str(o, "kind"));
    if (e->kind == EV_NONE)
        return "an input event of an unknown kind";
    if (get_int(o, "ms", 0, UINT32_MAX, &v))
        return "an input event without a valid \"ms\"";
    e->ms = (uint32_t)v;
    if (e->kind == EV_KEY) {
        e->key = events_key_from_name(get_str(o, "key"));
        e->mods = get_int(o, "mods", 0, 0xffff, &v) ? 0 : (unsigned)v;
    }
    if (e->kind == EV_TEXT || e->kind == EV_EDIT) {
        const char *t = get_str(o, "text");
        if (!t || strlen(t) >= sizeof e->text)
            return "a text event whose \"text\" is missing or too long";
        strcpy(e->text, t);
        e->edit_start = get_int(o, "start", 0, EVENT_TEXT_MAX, &v) ? 0 : (int)v;
    }
    if (e->kind == EV_CLICK) {
        e->key = get_int(o, "button", 0, 255, &v) ? 1 : (int)v;
        e->mods = get_int(o, "mods", 0, 0xffff, &v) ? 0 : (unsigned)v;
    }
    if (!get_int(o, "x", -1000000, 1000000, &v))
        e->x = (int)v;
    if (!get_int(o, "y", -1000000, 1000000, &v))
        e->y = (int)v;
    return NULL;
}

static const char *parse_answer(json_t *o, SessionAnswer *a)
{
    long long v;
    const char *kind = get_str(o, "kind");
    memset(a, 0, sizeof *a);
    if (get_int(o, "ms", 0, UINT32_MAX, &v))
        return "an answer without a valid \"ms\"";
    a->ms = (uint32_t)v;
    if (kind && strcmp(kind, "text") == 0 && get_str(o, "text")) {
        if (json_string_length(json_object_get(o, "text")) > LIMITS_TEXT_MAX)
            return "an answer longer than the 2,000 bytes a player can type";
        a->kind = SESSION_ANSWER_TEXT;
        a->text = strdup(get_str(o, "text"));
        return a->text ? NULL : "out of memory";
    }
    if (kind && strcmp(kind, "choice") == 0 && !get_int(o, "index", 0, 1000000, &v)) {
        a->kind = SESSION_ANSWER_CHOICE;
        a->index = (int)v;
        return NULL;
    }
    return "an answer that is neither a text nor a choice with an index";
}

static const char *parse_moves(json_t *arr, MoveList *ml, int *cut)
{
    size_t i;
    json_t *m;
    memset(ml, 0, sizeof *ml);
    if (!json_is_array(arr))
        return "a turn without a \"moves\" list";
    json_array_foreach(arr, i, m)
    {
        long long pts;
        const char *tag = get_str(m, "tag"), *reason = get_str(m, "reason");
        if (!tag || !reason || get_int(m, "points", -MOVES_POINTS_MAX, MOVES_POINTS_MAX, &pts))
            return "a move without its tag, its points (a whole number from -1000 to 1000) and "
                   "its reason";
        if (ml->count == MOVES_MAX || strlen(tag) >= MOVE_TAG_MAX) {
            *cut = 1;
            continue;
        }
        Move *mv = &ml->items[ml->count++];
        utf8_copy(mv->tag, sizeof mv->tag, tag);
        utf8_copy(mv->reason, sizeof mv->reason, reason);
        mv->points = (int)pts;
        ml->total += mv->points;
    }
    return NULL;
}

static const char *parse_turn(json_t *o, Turn *t, int *cut)
{
    long long n, round, player, ms, points;
    const char *role = get_str(o, "role");
    memset(t, 0, sizeof *t);
    if (get_int(o, "n", 0, 1000000000, &n) || get_int(o, "round", 0, 1000000000, &round) ||
        get_int(o, "player", -1, 1, &player) || get_int(o, "ms", 0, UINT32_MAX, &ms) ||
        get_int(o, "points", -TURN_POINTS_MAX, TURN_POINTS_MAX, &points))
        return "a turn without valid \"n\", \"round\", \"player\", \"ms\" and \"points\" "
               "(a whole number from -16000 to 16000)";
    if (!role || (strcmp(role, "customer") != 0 && strcmp(role, "agent") != 0))
        return "a turn whose \"role\" is not customer or agent";
    if (!get_str(o, "kind") || !get_str(o, "text"))
        return "a turn without its \"kind\" and \"text\"";
    if (strlen(get_str(o, "kind")) >= sizeof t->kind)
        return "a turn whose \"kind\" is not a short word";
    size_t len = json_string_length(json_object_get(o, "text"));
    int note = strcmp(get_str(o, "kind"), "note") == 0;
    if (len > (note ? LIMITS_NOTE_MAX : LIMITS_TEXT_MAX))
        return note ? "a note longer than the 1 MiB a note may hold"
                    : "a turn whose text is longer than the 2,000 bytes of a player's words";
    const char *bad = parse_moves(json_object_get(o, "moves"), &t->moves, cut);
    if (bad)
        return bad;
    t->n = (int)n;
    t->round = (int)round;
    t->player = (int)player;
    t->role = strcmp(role, "agent") == 0 ? ROLE_AGENT : ROLE_CUSTOMER;
    t->ms = (uint32_t)ms;
    t->moves.total = (int)points; /* as recorded, whatever moves were left out */
    snprintf(t->kind, sizeof t->kind, "%s", get_str(o, "kind"));
    t->text = strdup(get_str(o, "text"));
    return t->text ? NULL : "out of memory";
}

/* Drops the last answer in force and the turns written after it. A reload made after
 * that answer now happened with one answer fewer in force. */
static void drop_last_answer(Session *s)
{
    SessionAnswer *a = &s->answers[--s->n_answers];
    while (s->n_turns > 0 && s->turns[s->n_turns - 1].line > a->line)
        turn_clear(&s->turns[--s->n_turns]);
    free((char *)a->text);
    for (size_t i = s->n_reloads; i > 0 && s->reloads[i - 1].answers > s->n_answers; i--)
        s->reloads[i - 1].answers = s->n_answers;
}

/* Takes back the last answer and the turns written after it, as flow_back did; the answer
 * is kept among those taken back (Session.taken_back), with the undo's time, for a replay to
 * show where it was. */
static const char *apply_undo(Loader *L, json_t *o)
{
    Session *s = L->s;
    if (s->n_answers == 0)
        return "an undo with no answer left to take back";
    if (grow((void **)&s->taken_back, &L->cap_taken_back, s->n_taken_back, sizeof *s->taken_back))
        return "out of memory";
    long long ms;
    SessionTakenBack *tb = &s->taken_back[s->n_taken_back++];
    tb->answer = s->answers[s->n_answers - 1];
    tb->undo_ms = get_int(o, "ms", 0, UINT32_MAX, &ms) ? tb->answer.ms : (uint32_t)ms;
    tb->in_force = s->n_answers - 1;
    s->answers[s->n_answers - 1].text = NULL; /* now the taken-back answer's */
    drop_last_answer(s);
    s->undos++;
    return NULL;
}

/* Reads one changed source of a reload line (KEY and HASH_KEY, both or neither) into *OUT
 * (owned) and HASH. Returns 0, or 1 after fail() when the pair is incomplete or the source
 * does not match its hash. */
static int reload_source(Loader *L, json_t *o, long line, const char *key, const char *hash_key,
                         const char *what, const char **out, char hash[17])
{
    json_t *src = json_object_get(o, key);
    const char *want = get_str(o, hash_key);
    *out = NULL;
    hash[0] = '\0';
    if (!src && !json_object_get(o, hash_key))
        return 0;
    if (!json_is_string(src))
        return fail(L, SESSION_ERR_ALTERED,
                    "%s:%ld: the reload has a \"%s\" but no \"%s\" text; the file was altered "
                    "and cannot be replayed as played",
                    L->path, line, hash_key, key);
    const char *text = json_string_value(src);
    hash_text(text, strlen(text), hash);
    if (!want || strcmp(want, hash) != 0)
        return fail(L, SESSION_ERR_ALTERED,
                    "%s:%ld: the %s reloaded here was altered after the session was saved (its "
                    "hash is %s, the line records %s); it cannot be replayed as played",
                    L->path, line, what, hash, want ? want : "none");
    *out = strdup(text);
    return *out ? 0 : fail(L, SESSION_ERR_NOMEM, "cannot read %s: out of memory", L->path);
}

/* Adds a reload line: its sources are checked like the header's (a mismatch refuses the
 * file); answers it dropped are taken back. Returns 0, or 1 after fail(). */
static int add_reload(Loader *L, json_t *o, long line)
{
    Session *s = L->s;
    long long ms, answers;
    if (get_int(o, "ms", 0, UINT32_MAX, &ms) ||
        get_int(o, "answers", 0, (long long)s->n_answers, &answers)) {
        warn(L,
             "%s:%ld: a reload without a valid \"ms\" and \"answers\" (at most the %zu "
             "answers given); the line was skipped",
             L->path, line, s->n_answers);
        L->rep->skipped_lines++;
        return 0;
    }
    if (grow((void **)&s->reloads, &L->cap_reloads, s->n_reloads, sizeof *s->reloads))
        return fail(L, SESSION_ERR_NOMEM, "cannot read %s: out of memory", L->path);
    SessionReload *r = &s->reloads[s->n_reloads];
    memset(r, 0, sizeof *r);
    if (reload_source(L, o, line, "scenario_source", "scenario_hash", "scenario source",
                      &r->scenario_source, r->scenario_hash) ||
        reload_source(L, o, line, "floor_source", "floor_hash",
                      "flow source (scripts/lib/floor.lua)", &r->floor_source, r->floor_hash)) {
        free((char *)r->scenario_source);
        return 1;
    }
    r->ms = (uint32_t)ms;
    r->line = line;
    r->answers = s->n_answers;
    s->n_reloads++;
    while (s->n_answers > (size_t)answers) /* the edited flow no longer asked for them */
        drop_last_answer(s);
    return 0;
}

/* Adds one parsed body line of type TYPE to the session. Returns what is wrong, or NULL. */
static const char *add_record(Loader *L, json_t *o, const char *type, long line)
{
    Session *s = L->s;
    long long v;
    if (strcmp(type, "event") == 0) {
        if (grow((void **)&s->events, &L->cap_events, s->n_events, sizeof *s->events))
            return "out of memory";
        const char *bad = parse_event(o, &s->events[s->n_events]);
        s->n_events += !bad;
        return bad;
    }
    if (strcmp(type, "answer") == 0) {
        if (grow((void **)&s->answers, &L->cap_answers, s->n_answers, sizeof *s->answers))
            return "out of memory";
        SessionAnswer *a = &s->answers[s->n_answers];
        const char *bad = parse_answer(o, a);
        if (bad) {
            free((char *)a->text);
            return bad;
        }
        a->line = line;
        a->events_before = s->n_events;
        s->n_answers++;
        return NULL;
    }
    if (strcmp(type, "turn") == 0) {
        if (s->n_turns >= LIMITS_SESSION_TURNS)
            return "a turn past the 2,000 a session holds";
        if (grow((void **)&s->turns, &L->cap_turns, s->n_turns, sizeof *s->turns))
            return "out of memory";
        Turn *t = &s->turns[s->n_turns];
        int cut = 0;
        const char *bad = parse_turn(o, t, &cut);
        if (bad) {
            turn_clear(t);
            return bad;
        }
        if (cut)
            warn(L, "%s:%ld: turn %d has more moves than %d or a tag too long; some were left out",
                 L->path, line, t->n, MOVES_MAX);
        t->line = line;
        s->n_turns++;
        return NULL;
    }
    if (strcmp(type, "end") == 0) {
        if (get_int(o, "team_score", INT32_MIN, INT32_MAX, &v))
            return "an end line without a valid \"team_score\"";
        s->team_score = (int)v;
        s->end_ms = get_int(o, "ms", 0, UINT32_MAX, &v) ? 0 : (uint32_t)v;
        s->ended = 1;
        return NULL;
    }
    if (strcmp(type, "undo") == 0)
        return apply_undo(L, o);
    if (strcmp(type, "header") == 0)
        return "a second header";
    return L->newer ? NULL : "a line of an unknown type";
}

static void skip_line(Loader *L, long line, const char *why)
{
    L->rep->skipped_lines++;
    warn(L, "%s:%ld: %s; the line was skipped", L->path, line, why);
}

static int load_line(void *ud, const JournalLine *line)
{
    Loader *L = ud;
    if (line->too_long) {
        if (line->number == 1)
            return fail(L, SESSION_ERR_FORMAT,
                        "%s:1: not a Heard session file: its first line is %zu bytes long, "
                        "more than a session line may be",
                        L->path, line->len);
        skip_line(L, line->number, "the line is far too long to be part of a session");
        return 0;
    }
    json_error_t jerr;
    json_t *o = json_loadb(line->text, line->len, 0, &jerr);
    if (!json_is_object(o)) {
        char why[300];
        if (!o && json_error_code(&jerr) == json_error_invalid_utf8)
            snprintf(why, sizeof why, "text that is not valid UTF-8 (%s, at column %d)", jerr.text,
                     jerr.column);
        else
            snprintf(why, sizeof why, "not a valid JSON object (%s, at column %d)",
                     o ? "another JSON value" : jerr.text, o ? 1 : jerr.column);
        json_decref(o);
        if (line->number == 1)
            return fail(L, SESSION_ERR_FORMAT, "%s:1: not a Heard session file: %s", L->path, why);
        skip_line(L, line->number, why);
        return 0;
    }
    int stop = 0;
    if (line->number == 1) {
        stop = parse_header(L, o);
    } else {
        const char *type = get_str(o, "type");
        if (type && strcmp(type, "reload") == 0) {
            stop = add_reload(L, o, line->number);
            json_decref(o);
            return stop;
        }
        const char *bad = type ? add_record(L, o, type, line->number) : "a line with no type";
        if (bad && strcmp(bad, "out of memory") == 0)
            stop = fail(L, SESSION_ERR_NOMEM, "cannot read %s: out of memory", L->path);
        else if (bad)
            skip_line(L, line->number, bad);
    }
    json_decref(o);
    return stop;
}

/* ---- loading ------------------------------------------------------------------------ */

/* Turns the journal's result into the report's error. Returns 0 when the file was read. */
static int reading_result(Loader *L, int rc, const JournalReadInfo *info)
{
    if (rc == JOURNAL_ERR_MISSING)
        return fail(L, SESSION_ERR_MISSING,
                    "%s: no such session file (it may have been moved or deleted)", L->path);
    if (rc == JOURNAL_ERR_EMPTY)
        return fail(L, SESSION_ERR_EMPTY,
                    "%s is empty (0 bytes): it holds no session; the game may have stopped "
                    "before saving anything",
                    L->path);
    if (rc == JOURNAL_ERR_NOMEM)
        return fail(L, SESSION_ERR_NOMEM, "cannot read %s: out of memory", L->path);
    if (rc == JOURNAL_ERR_TOO_BIG)
        return fail(L, SESSION_ERR_TOO_BIG,
                    "%s; a session file is at most that big, so this one "
                    "was not made by Heard",
                    info->message);
    if (rc != 0)
        return fail(L, SESSION_ERR_IO, "%s", info->message);
    if (L->rep->code != 0)
        return 1;
    if (!L->header_seen)
        return fail(L, SESSION_ERR_FORMAT,
                    "%s: not a Heard session file: it has no complete first line (%zu bytes "
                    "with no end of line)",
                    L->path, info->torn_bytes);
    if (info->torn_line) {
        L->rep->torn = 1;
        warn(L, "%s", info->message);
    }
    return 0;
}

Session *session_load(const char *path, SessionLoadReport *rep)
{
    SessionLoadReport local;
    if (!rep)
        rep = &local;
    memset(rep, 0, sizeof *rep);
    Loader L = {0};
    L.path = path;
    L.rep = rep;
    L.s = calloc(1, sizeof *L.s);
    if (!L.s) {
        fail(&L, SESSION_ERR_NOMEM, "cannot read %s: out of memory", path);
        return NULL;
    }
    JournalReadInfo info = {0};
    info.max_line = LIMITS_LINE_MAX; /* what the writer writes at most */
    info.max_bytes = LIMITS_SESSION_FILE;
    int rc = journal_read_lines(path, load_line, &L, &info);
    int e = errno;
    if (reading_result(&L, rc, &info) != 0) {
        session_free(L.s);
        errno = e;
        return NULL;
    }
    if (!L.s->ended) { /* in 64 bits: the turns' points are checked, their sum is not */
        long long sum = 0;
        for (size_t i = 0; i < L.s->n_turns; i++)
            sum += L.s->turns[i].moves.total;
        L.s->team_score = sum > INT_MAX ? INT_MAX : sum < INT_MIN ? INT_MIN : (int)sum;
    }
    return L.s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    SessionHeader *h = &s->header;
    free((char *)h->game_version);
    free((char *)h->scenario_id);
    free((char *)h->scenario_path);
    free((char *)h->scenario_title);
    free((char *)h->scenario_source);
    free((char *)h->rules_hash);
    free((char *)h->floor_source);
    free((char *)h->players[0]);
    free((char *)h->players[1]);
    for (size_t i = 0; i < s->n_answers; i++)
        free((char *)s->answers[i].text);
    for (size_t i = 0; i < s->n_turns; i++)
        turn_clear(&s->turns[i]);
    for (size_t i = 0; i < s->n_reloads; i++) {
        free((char *)s->reloads[i].scenario_source);
        free((char *)s->reloads[i].floor_source);
    }
    for (size_t i = 0; i < s->n_taken_back; i++)
        free((char *)s->taken_back[i].answer.text);
    free(s->taken_back);
    free(s->reloads);
    free(s->events);
    free(s->answers);
    free(s->turns);
    free(s);
}

/* ---- listing ------------------------------------------------------------------------ */

static void summarize(SessionSummary *sum, const char *path, time_t mtime)
{
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s) {
        struct tm tm;
        if (!gmtime_r(&mtime, &tm) ||
            !strftime(sum->started, sizeof sum->started, "%Y-%m-%dT%H:%M:%SZ", &tm))
            strcpy(sum->started, "1970-01-01T00:00:00Z");
        utf8_copy(sum->error, sizeof sum->error, rep.error);
        return;
    }
    sum->ok = 1;
    utf8_copy(sum->started, sizeof sum->started, s->header.started);
    utf8_copy(sum->scenario_id, sizeof sum->scenario_id, s->header.scenario_id);
    for (int p = 0; p < 2; p++)
        utf8_copy(sum->players[p], sizeof sum->players[p], s->header.players[p]);
    SessionStats st;
    session_stats(s->turns, s->n_turns, &st);
    const char *title = s->header.scenario_title; /* as played; older files have only the id */
    utf8_copy(sum->title, sizeof sum->title, title && *title ? title : s->header.scenario_id);
    for (int p = 0; p < 2; p++)
        sum->felt_heard[p] = session_stats_felt_heard(&st, p, &sum->rated[p]);
    sum->team_score = st.team_score;
    sum->ended = s->ended;
    sum->turns = (int)s->n_turns;
    sum->played = st.turns[0] + st.turns[1];
    sum->reflections = st.reflections[0] + st.reflections[1];
    session_free(s);
}

static int newest_first(const void *pa, const void *pb)
{
    const SessionSummary *a = pa, *b = pb;
    int c = strcmp(b->started, a->started);
    return c ? c : strcmp(b->path, a->path);
}

static int is_session_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 6 && strcmp(name + n - 6, ".jsonl") == 0;
}

int session_list(const char *dir, SessionSummary **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT ? SESSION_OK : SESSION_ERR_IO;
    SessionSummary *list = NULL;
    size_t count = 0, cap = 0;
    int rc = SESSION_OK;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        struct stat st;
        if (!is_session_name(ent->d_name))
            continue;
        size_t len = strlen(dir) + strlen(ent->d_name) + 2;
        char *path = malloc(len);
        if (!path || grow((void **)&list, &cap, count, sizeof *list)) {
            free(path);
            rc = SESSION_ERR_NOMEM;
            break;
        }
        snprintf(path, len, "%s/%s", dir, ent->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        SessionSummary *sum = &list[count++];
        memset(sum, 0, sizeof *sum);
        sum->path = path;
        summarize(sum, path, st.st_mtime);
    }
    closedir(d);
    if (rc != SESSION_OK) {
        session_list_free(list, count);
        return rc;
    }
    if (count)
        qsort(list, count, sizeof *list, newest_first);
    *out = list;
    *n = count;
    return SESSION_OK;
}

void session_list_free(SessionSummary *list, size_t n)
{
    if (!list)
        return;
    for (size_t i = 0; i < n; i++)
        free(list[i].path);
    free(list);
}
