/* session.c: writing session files (JSON Lines through an append-only journal), the
 * source hash (scenario and flow library) and deleting a saved session. Loading and listing are in
 * session_load.c. Depends on jansson, engine/core/journal and engine/core/events. */
#include "game/session/session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "engine/core/hash.h"
#include "engine/core/journal.h"
#include "engine/core/limits.h"
#include "version.h"

struct SessionWriter {
    Journal *journal;
    size_t bytes;      /* the file's size: every line written, with its '\n' */
    int turns;         /* turns written so far, less those undone */
    int *turns_before; /* per answer still in force: the turn count before it */
    size_t n_answers, cap_answers;
    char scenario_hash[17]; /* the sources in force: the header's, or the last reload's */
    char floor_hash[17];    /* "" while the file stores no flow library */
    char error[512];
};

/* ---- building lines ----------------------------------------------------------------- */

/* Sets KEY to the string S. Returns -1 when S is NULL or not valid UTF-8. */
static int set_str(json_t *o, const char *key, const char *s)
{
    json_t *v = s ? json_string(s) : NULL;
    return v ? json_object_set_new(o, key, v) : -1;
}

static int set_int(json_t *o, const char *key, long long v)
{
    return json_object_set_new(o, key, json_integer(v));
}

/* Serialises O (and releases it), appends it as one line, syncs when SYNC. WHAT names the
 * line in an error message. */
static int write_obj(SessionWriter *w, json_t *o, int sync, const char *what)
{
    char *line = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (!line) {
        snprintf(w->error, sizeof w->error, "cannot write the %s to %s: out of memory", what,
                 journal_path(w->journal));
        return SESSION_ERR_NOMEM;
    }
    size_t len = strlen(line);
    char n[32], cap[32];
    if (len > LIMITS_LINE_MAX) { /* the reader would skip it: never write it */
        snprintf(w->error, sizeof w->error,
                 "cannot write the %s to %s: it takes %s bytes, more than the %s a line of a "
                 "session may hold",
                 what, journal_path(w->journal), limits_format_count(len, n, sizeof n),
                 limits_format_size(LIMITS_LINE_MAX, cap, sizeof cap));
        free(line);
        return SESSION_ERR_TOO_BIG;
    }
    if (len + 1 > LIMITS_SESSION_FILE - w->bytes) { /* the reader would refuse the file */
        snprintf(w->error, sizeof w->error,
                 "cannot write the %s to %s: the file has reached %s, the most a session may "
                 "hold",
                 what, journal_path(w->journal),
                 limits_format_size(LIMITS_SESSION_FILE, cap, sizeof cap));
        free(line);
        return SESSION_ERR_TOO_BIG;
    }
    int rc = journal_append_line(w->journal, line, len, sync);
    int e = errno;
    free(line);
    if (rc != 0) {
        snprintf(w->error, sizeof w->error, "cannot write the %s to %s: %s", what,
                 journal_path(w->journal), strerror(e));
        errno = e;
        return SESSION_ERR_IO;
    }
    w->bytes += len + 1;
    w->error[0] = '\0';
    return SESSION_OK;
}

/* Reports a value that cannot be saved; O is released. */
static int bad_value(SessionWriter *w, json_t *o, const char *what)
{
    json_decref(o);
    snprintf(w->error, sizeof w->error, "cannot save to %s: %s", journal_path(w->journal), what);
    return SESSION_ERR_ARG;
}

/* ---- creating ----------------------------------------------------------------------- */

/* "2026-11-22T09:15:02Z": exactly this shape, so it can go into a file name. */
static int is_iso_utc(const char *s)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    for (size_t i = 0; i < sizeof shape - 1; i++) {
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return 0;
    }
    return s[sizeof shape - 1] == '\0';
}

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        strcpy(out, "1970-01-01T00:00:00Z");
}

/* The file name stem: the start time with '-' for ':', then the scenario id reduced to
 * characters safe in any file system. */
static void file_stem(char *out, size_t size, const char *started, const char *id)
{
    char safe[49];
    size_t n = 0;
    for (const char *p = id; *p && n < sizeof safe - 1; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_';
        safe[n++] = ok ? c : '_';
    }
    safe[n] = '\0';
    char when[32];
    snprintf(when, sizeof when, "%s", started);
    for (char *p = when; *p; p++)
        if (*p == ':')
            *p = '-';
    snprintf(out, size, "%s-%s", when, n ? safe : "session");
}

static json_t *header_json(const SessionHeader *h, const char *started)
{
    json_t *o = json_object();
    json_t *players = json_array();
    char hash[17], seed[24];
    hash_text(h->scenario_source, strlen(h->scenario_source), hash);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)h->seed);
    int bad = !o || !players;
    bad |= set_str(o, "type", "header") | set_int(o, "format", SESSION_FORMAT);
    bad |= set_int(o, "min_reader", SESSION_MIN_READER);
    bad |= set_str(o, "game_version", HEARD_VERSION);
    bad |= set_str(o, "scenario_id", h->scenario_id);
    bad |= set_str(o, "scenario_path", h->scenario_path ? h->scenario_path : "");
    if (h->scenario_title) /* optional: older readers ignore it */
        bad |= set_str(o, "scenario_title", h->scenario_title);
    bad |= set_str(o, "scenario_source", h->scenario_source);
    bad |= set_str(o, "scenario_hash", hash);
    if (h->floor_source) { /* optional: a format-1 reader ignores both */
        hash_text(h->floor_source, strlen(h->floor_source), hash);
        bad |= set_str(o, "floor_source", h->floor_source);
        bad |= set_str(o, "floor_hash", hash);
    }
    bad |= set_str(o, "rules_hash", h->rules_hash ? h->rules_hash : "");
    for (int i = 0; i < 2; i++) {
        json_t *v = h->players[i] ? json_string(h->players[i]) : NULL;
        bad |= json_array_append_new(players, v);
    }
    bad |= json_object_set(o, "players", players);
    bad |= set_int(o, "first", h->first) | set_str(o, "seed", seed);
    bad |= set_str(o, "started", started);
    if (h->scoring > 0) /* absent, a reader takes 1: the rules of play before format 4 */
        bad |= set_int(o, "scoring", h->scoring);
    json_decref(players);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Opens a new file named STEM.jsonl, or STEM-2.jsonl ... when taken. */
static Journal *open_unique(const char *dir, const char *stem, char *path, size_t size, char *err,
                            size_t errsize)
{
    for (int i = 1; i <= 1000; i++) {
        char suffix[16] = "";
        if (i > 1)
            snprintf(suffix, sizeof suffix, "-%d", i);
        int n = snprintf(path, size, "%s/%s%s.jsonl", dir, stem, suffix);
        if (n < 0 || (size_t)n >= size) {
            snprintf(err, errsize, "cannot create a session file in %s: the path is too long", dir);
            return NULL;
        }
        int code;
        Journal *j = journal_open_append(path, JOURNAL_EXCLUSIVE, &code, NULL, 0);
        if (j)
            return j;
        if (code != JOURNAL_ERR_EXISTS) {
            snprintf(err, errsize,
                     "cannot create the session file %s: %s (check that the folder exists "
                     "and can be written to)",
                     path, strerror(errno));
            return NULL;
        }
    }
    snprintf(err, errsize, "cannot create a session file in %s: too many files named %s", dir,
             stem);
    return NULL;
}

SessionWriter *session_writer_create(const char *dir, const SessionHeader *h, char *path_out,
                                     size_t path_size, char *err, size_t errsize)
{
    char dummy[8], started[32], stem[96], path[4096];
    if (!err || !errsize) {
        err = dummy;
        errsize = sizeof dummy;
    }
    if (!h->scenario_source || !h->scenario_id || !h->players[0] || !h->players[1]) {
        snprintf(err, errsize,
                 "cannot create a session: the scenario source, its id and "
                 "both players' names are required");
        return NULL;
    }
    if (h->started[0] && !is_iso_utc(h->started)) {
        snprintf(err, errsize,
                 "cannot create a session: start time '%s' is not like "
                 "2026-11-22T09:15:02Z",
                 h->started);
        return NULL;
    }
    if (h->started[0])
        strcpy(started, h->started);
    else
        now_iso(started);
    json_t *o = header_json(h, started);
    if (!o) {
        snprintf(err, errsize,
                 "cannot create a session: a name, the scenario, its source or the "
                 "flow's source is not valid UTF-8 text");
        return NULL;
    }
    SessionWriter *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errsize, "cannot create a session in %s: out of memory", dir);
        json_decref(o);
        return NULL;
    }
    hash_text(h->scenario_source, strlen(h->scenario_source), w->scenario_hash);
    if (h->floor_source)
        hash_text(h->floor_source, strlen(h->floor_source), w->floor_hash);
    file_stem(stem, sizeof stem, started, h->scenario_id);
    w->journal = open_unique(dir, stem, path, sizeof path, err, errsize);
    if (!w->journal) {
        json_decref(o);
        free(w);
        return NULL;
    }
    if (write_obj(w, o, 1, "header") != 0) {
        snprintf(err, errsize, "%s", w->error);
        (void)unlink(path); /* a file with no header is of no use to anyone */
        session_writer_destroy(w);
        return NULL;
    }
    if (path_out && path_size)
        snprintf(path_out, path_size, "%s", path);
    return w;
}

/* ---- going on with a stopped session ---------------------------------------------------- */

/* Cuts the file FD (of SIZE bytes) after its last '\n', dropping a torn last line. Returns
 * the size it has then, or -1 with errno. */
static off_t cut_torn_tail(int fd, off_t size)
{
    char buf[4096];
    off_t end = size;
    while (end > 0) {
        off_t from = end > (off_t)sizeof buf ? end - (off_t)sizeof buf : 0;
        ssize_t got = pread(fd, buf, (size_t)(end - from), from);
        if (got < 0)
            return -1;
        for (ssize_t i = got; i > 0; i--)
            if (buf[i - 1] == '\n')
                return from + i == size || ftruncate(fd, from + i) == 0 ? from + i : -1;
        end = from;
    }
    return ftruncate(fd, 0) == 0 ? 0 : -1;
}

/* The hash of the sources in force at the end of S into W: the header's, or the last
 * reload's that changed each. */
static void hashes_in_force(SessionWriter *w, const Session *s)
{
    snprintf(w->scenario_hash, sizeof w->scenario_hash, "%s", s->header.scenario_hash);
    snprintf(w->floor_hash, sizeof w->floor_hash, "%s", s->header.floor_hash);
    for (size_t i = 0; i < s->n_reloads; i++) {
        if (s->reloads[i].scenario_hash[0])
            memcpy(w->scenario_hash, s->reloads[i].scenario_hash, sizeof w->scenario_hash);
        if (s->reloads[i].floor_hash[0])
            memcpy(w->floor_hash, s->reloads[i].floor_hash, sizeof w->floor_hash);
    }
}

SessionWriter *session_writer_reopen(const char *path, const Session *s, char *err, size_t errsize)
{
    char dummy[8];
    if (!err || !errsize) {
        err = dummy;
        errsize = sizeof dummy;
    }
    if (s->ended) {
        snprintf(err, errsize, "%s is finished: there is nothing to go on with", path);
        return NULL;
    }
    int fd = open(path, O_RDWR);
    struct stat st;
    off_t size = fd >= 0 && fstat(fd, &st) == 0 ? cut_torn_tail(fd, st.st_size) : -1;
    if (size < 0) {
        snprintf(err, errsize, "cannot go on writing %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    close(fd);
    SessionWriter *w = calloc(1, sizeof *w);
    size_t n = s->n_answers ? s->n_answers : 1;
    if (!w || !(w->turns_before = malloc(n * sizeof *w->turns_before))) {
        free(w);
        snprintf(err, errsize, "cannot go on writing %s: out of memory", path);
        return NULL;
    }
    w->cap_answers = n;
    for (size_t i = 0; i < s->n_answers; i++) { /* the turns in force written before each */
        int before = 0;
        while ((size_t)before < s->n_turns && s->turns[before].line < s->answers[i].line)
            before++;
        w->turns_before[w->n_answers++] = before;
    }
    w->turns = (int)s->n_turns;
    w->bytes = (size_t)size; /* the file's limit counts what it holds already */
    hashes_in_force(w, s);
    w->journal = journal_open_append(path, 0, NULL, err, errsize);
    if (!w->journal) {
        free(w->turns_before);
        free(w);
        return NULL;
    }
    return w;
}

/* ---- appending ---------------------------------------------------------------------- */

static const char *event_kind_name(EventKind k)
{
    switch (k) {
    case EV_KEY:
        return "key";
    case EV_TEXT:
        return "text";
    case EV_EDIT:
        return "edit";
    case EV_CLICK:
        return "click";
    case EV_WHEEL:
        return "wheel";
    case EV_RESIZE:
        return "resize";
    default:
        return NULL;
    }
}

int session_write_event(SessionWriter *w, const Event *e)
{
    const char *kind = event_kind_name(e->kind);
    if (!kind)
        return SESSION_OK; /* not part of what a replay needs */
    json_t *o = json_object();
    int bad = !o || set_str(o, "type", "event") | set_int(o, "ms", e->ms);
    bad |= set_str(o, "kind", kind);
    if (e->kind == EV_KEY)
        bad |= set_str(o, "key", events_key_name(e->key)) | set_int(o, "mods", e->mods);
    if (e->kind == EV_TEXT || e->kind == EV_EDIT) {
        if (!memchr(e->text, '\0', sizeof e->text) || set_str(o, "text", e->text) != 0)
            return bad_value(w, o, "the text of an input event is not valid UTF-8");
    }
    if (e->kind == EV_EDIT)
        bad |= set_int(o, "start", e->edit_start);
    if (e->kind == EV_CLICK)
        bad |= set_int(o, "button", e->key) | set_int(o, "mods", e->mods);
    if (e->kind == EV_CLICK || e->kind == EV_RESIZE)
        bad |= set_int(o, "x", e->x);
    if (e->kind == EV_CLICK || e->kind == EV_RESIZE || e->kind == EV_WHEEL)
        bad |= set_int(o, "y", e->y);
    if (bad)
        return bad_value(w, o, "out of memory building an event line");
    return write_obj(w, o, 0, "input event");
}

int session_write_answer(SessionWriter *w, const SessionAnswer *a)
{
    json_t *o = json_object();
    int bad = !o || set_str(o, "type", "answer");
    if (a->kind == SESSION_ANSWER_TEXT) {
        bad |= set_str(o, "kind", "text");
        if (set_str(o, "text", a->text ? a->text : "") != 0)
            return bad_value(w, o, "the text of an answer is not valid UTF-8");
    } else if (a->kind == SESSION_ANSWER_CHOICE && a->index >= 0) {
        bad |= set_str(o, "kind", "choice") | set_int(o, "index", a->index);
    } else {
        return bad_value(w, o, "an answer is neither a text nor a choice from 0 up");
    }
    bad |= set_int(o, "ms", a->ms);
    if (!bad && w->n_answers == w->cap_answers) {
        size_t cap = w->cap_answers ? w->cap_answers * 2 : 32;
        int *p = realloc(w->turns_before, cap * sizeof *p);
        bad = !p;
        if (p) {
            w->turns_before = p;
            w->cap_answers = cap;
        }
    }
    if (bad)
        return bad_value(w, o, "out of memory building an answer line");
    int rc = write_obj(w, o, 1, "answer");
    if (rc == 0)
        w->turns_before[w->n_answers++] = w->turns;
    return rc;
}

int session_write_undo(SessionWriter *w, uint32_t ms)
{
    if (w->n_answers == 0)
        return bad_value(w, NULL, "there is no answer left to undo");
    json_t *o = json_object();
    if (!o || set_str(o, "type", "undo") | set_int(o, "ms", ms))
        return bad_value(w, o, "out of memory building an undo line");
    int rc = write_obj(w, o, 1, "undo");
    if (rc == 0)
        w->turns = w->turns_before[--w->n_answers];
    return rc;
}

/* Adds SRC to O as KEY and its hash as HASH_KEY when SRC is set and its hash (into NEW)
 * differs from CURRENT; *CHANGED is set then. Returns -1 when SRC is not valid UTF-8. */
static int set_changed_source(json_t *o, const char *key, const char *hash_key, const char *src,
                              const char *current, char new_hash[17], int *changed)
{
    if (!src)
        return 0;
    hash_text(src, strlen(src), new_hash);
    if (strcmp(new_hash, current) == 0)
        return 0;
    *changed = 1;
    return set_str(o, key, src) | set_str(o, hash_key, new_hash);
}

int session_write_reload(SessionWriter *w, const SessionReload *r)
{
    if (r->answers > w->n_answers)
        return bad_value(w, NULL, "a reload keeps more answers than were given");
    json_t *o = json_object();
    char scenario_hash[17], floor_hash[17];
    int scenario_changed = 0, floor_changed = 0;
    int bad = !o || set_str(o, "type", "reload") | set_int(o, "ms", r->ms);
    bad |= set_int(o, "answers", (long long)r->answers);
    if (bad)
        return bad_value(w, o, "out of memory building a reload line");
    if (set_changed_source(o, "scenario_source", "scenario_hash", r->scenario_source,
                           w->scenario_hash, scenario_hash, &scenario_changed) != 0 ||
        set_changed_source(o, "floor_source", "floor_hash", r->floor_source, w->floor_hash,
                           floor_hash, &floor_changed) != 0)
        return bad_value(w, o, "a reloaded scenario or flow source is not valid UTF-8 text");
    if (!scenario_changed && !floor_changed && r->answers == w->n_answers) {
        json_decref(o); /* nothing a replay would need */
        return SESSION_OK;
    }
    int rc = write_obj(w, o, 1, "reload");
    if (rc != 0)
        return rc;
    if (scenario_changed)
        memcpy(w->scenario_hash, scenario_hash, sizeof scenario_hash);
    if (floor_changed)
        memcpy(w->floor_hash, floor_hash, sizeof floor_hash);
    if (r->answers < w->n_answers) { /* the dropped answers' turns no longer count either */
        w->turns = w->turns_before[r->answers];
        w->n_answers = r->answers;
    }
    return SESSION_OK;
}

static json_t *moves_json(const MoveList *ml)
{
    json_t *arr = json_array();
    int count = ml->count < 0 ? 0 : ml->count > MOVES_MAX ? MOVES_MAX : ml->count;
    for (int i = 0; arr && i < count; i++) {
        const Move *m = &ml->items[i];
        json_t *mo = json_object();
        int bad = !mo || !memchr(m->tag, '\0', sizeof m->tag) ||
                  !memchr(m->reason, '\0', sizeof m->reason);
        bad = bad || set_str(mo, "tag", m->tag) | set_int(mo, "points", m->points) |
                         set_str(mo, "reason", m->reason);
        if (bad || json_array_append_new(arr, mo) != 0) {
            json_decref(mo);
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

int session_write_turn(SessionWriter *w, const Turn *t)
{
    if (t->player < -1 || t->player > 1 || (t->role != ROLE_CUSTOMER && t->role != ROLE_AGENT))
        return bad_value(w, NULL,
                         "a turn's player must be -1, 0 or 1, its role customer or "
                         "agent");
    json_t *o = json_object();
    int bad = !o || set_str(o, "type", "turn") | set_int(o, "n", w->turns + 1);
    bad |= set_int(o, "round", t->round) | set_int(o, "player", t->player);
    bad |= set_str(o, "role", t->role == ROLE_AGENT ? "agent" : "customer");
    if (bad || set_str(o, "kind", t->kind) != 0 || set_str(o, "text", t->text ? t->text : "") != 0)
        return bad_value(w, o, "a turn's kind or text is not valid UTF-8");
    bad |= set_int(o, "ms", t->ms) | set_int(o, "points", t->moves.total);
    json_t *moves = moves_json(&t->moves);
    if (!moves)
        return bad_value(w, o, "a move's tag or reason is not valid UTF-8");
    bad |= json_object_set_new(o, "moves", moves);
    if (bad)
        return bad_value(w, o, "out of memory building a turn line");
    int rc = write_obj(w, o, 1, "turn");
    if (rc == 0)
        w->turns++;
    return rc;
}

int session_write_end(SessionWriter *w, int team_score, uint32_t ms)
{
    json_t *o = json_object();
    int bad = !o || set_str(o, "type", "end") | set_int(o, "team_score", team_score);
    bad |= set_int(o, "ms", ms);
    if (bad)
        return bad_value(w, o, "out of memory building the end line");
    return write_obj(w, o, 1, "end of the session");
}

const char *session_writer_error(const SessionWriter *w)
{
    return w->error;
}

const char *session_writer_path(const SessionWriter *w)
{
    return journal_path(w->journal);
}

int session_writer_destroy(SessionWriter *w)
{
    if (!w)
        return SESSION_OK;
    int rc = journal_close(w->journal);
    free(w->turns_before);
    free(w);
    return rc == 0 ? SESSION_OK : SESSION_ERR_IO;
}

/* ---- deleting ----------------------------------------------------------------------- */

int session_delete(const char *path)
{
    size_t n = strlen(path);
    struct stat st;
    if (n < 6 || strcmp(path + n - 6, ".jsonl") != 0)
        return SESSION_ERR_ARG;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? SESSION_ERR_MISSING : SESSION_ERR_IO;
    if (!S_ISREG(st.st_mode))
        return SESSION_ERR_ARG;
    if (unlink(path) != 0)
        return errno == ENOENT ? SESSION_ERR_MISSING : SESSION_ERR_IO;
    return SESSION_OK;
}
