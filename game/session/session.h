/* session.h: saved sessions. One JSON Lines file per session in the user's data folder: a
 * header line (versions, the scenario's and the flow library's full sources and hashes,
 * rules hash, players, seed),
 * then one line per input event, per answer given to the flow, per scored turn and per hot
 * reload of the scenario or flow library (with the new sources), and an end line when the
 * session finished normally. The file is only ever appended to; every
 * answer and turn is on disk before its write returns. The loader turns a file back into
 * plain arrays and explains every problem by file, line and cause. The format is described
 * in docs/session-format.md. Depends on jansson and engine/core (journal, events); no SDL,
 * no Lua.
 */
#ifndef HEARD_SESSION_H
#define HEARD_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/events.h"
#include "game/turn/turn.h"

/* The format this code writes and reads in full, and the oldest reader format that can
 * read what it writes. See docs/session-format.md for when each is bumped. Format 2 added
 * the optional floor_source and floor_hash, which a format-1 reader may ignore; format 3 the
 * reload line, which an older reader skips (its replay then runs the sources of the start,
 * and --verify reports what that changes as a difference, never as identical); format 4 the
 * header's "scoring", the rules of play the session was scored under (absent: 1), the
 * "unpark" turn, and the optional scenario_title, so the export and the library show the
 * title without running the stored scenario. */
#define SESSION_FORMAT 4
#define SESSION_MIN_READER 1

/* Results: 0 or one of these. */
enum {
    SESSION_OK = 0,
    SESSION_ERR_IO = -30,      /* a file operation failed; errno says why */
    SESSION_ERR_NOMEM = -31,   /* out of memory */
    SESSION_ERR_ARG = -32,     /* a value cannot be saved (bad kind, text not UTF-8, ...) */
    SESSION_ERR_MISSING = -33, /* no such file */
    SESSION_ERR_EMPTY = -34,   /* the file holds 0 bytes */
    SESSION_ERR_FORMAT = -35,  /* not a session file, or its header is damaged */
    SESSION_ERR_TOO_NEW = -36, /* written by a newer Heard this reader cannot read */
    SESSION_ERR_ALTERED = -37, /* the scenario or flow source does not match its hash */
    SESSION_ERR_TOO_BIG = -38  /* write: the line or the file would pass its limit
                                  (LIMITS_LINE_MAX, LIMITS_SESSION_FILE); load: the file is
                                  larger than LIMITS_SESSION_FILE */
};

/* What a session is about. On write, strings are borrowed from the caller; on load, they
 * are owned by the Session and freed by session_free. */
typedef struct SessionHeader {
    int format;                  /* load: the file's format; ignored on write */
    int min_reader;              /* load: the oldest reader able to read it; ignored on write */
    const char *game_version;    /* load: the Heard that wrote it; write: HEARD_VERSION */
    const char *scenario_id;     /* "microwave" */
    const char *scenario_path;   /* "scripts/scenarios/microwave.lua" */
    const char *scenario_title;  /* the scenario's title as played, for the export and the
                                    library (nothing runs the source to read it); NULL: not
                                    stored (files before format 4; optional on write) */
    const char *scenario_source; /* the scenario's full Lua source (UTF-8) */
    char scenario_hash[17];      /* load: FNV-1a 64 of the source, hex; computed on write */
    const char *floor_source;    /* the flow library run (flow_floor_source), UTF-8; NULL:
                                    not stored (files before format 2; optional on write) */
    char floor_hash[17];         /* load: FNV-1a 64 of floor_source, hex, or "" without it */
    const char *rules_hash;      /* rules_hash() of the rules in force */
    const char *players[2];      /* the two names, UTF-8 */
    int first;                   /* 0 or 1: which player is the customer first */
    uint64_t seed;               /* the seed of the session's generator */
    char started[32];            /* "2026-11-22T09:15:02Z"; write: "" means now */
    int scoring;                 /* the rules of play it was scored under (docs/scoring.md):
                                    load: the header's, 1 when absent (files before format 4);
                                    write: 0 leaves it out */
} SessionHeader;

/* An answer the flow received (a typed text, or a choice such as Got it / Partly). */
typedef enum SessionAnswerKind {
    SESSION_ANSWER_TEXT = 0,
    SESSION_ANSWER_CHOICE = 1
} SessionAnswerKind;

typedef struct SessionAnswer {
    SessionAnswerKind kind;
    const char *text;     /* SESSION_ANSWER_TEXT: UTF-8; NULL for a choice */
    int index;            /* SESSION_ANSWER_CHOICE: which option, from 0 */
    uint32_t ms;          /* milliseconds since the session began */
    long line;            /* load: line number in the file (orders answers among turns) */
    size_t events_before; /* load: events recorded before this answer (what led to it) */
} SessionAnswer;

/* A hot reload during play (flow_reload): the scenario or the flow library was edited and
 * the flow re-ran its answers with the new sources. On write, the sources are borrowed and
 * are the ones in force after the reload (flow_scenario_source, flow_floor_source); on load,
 * each is owned by the Session and NULL when the line did not change it. */
typedef struct SessionReload {
    uint32_t ms;                 /* milliseconds since the session began */
    const char *scenario_source; /* the scenario from now on; load: NULL when unchanged */
    char scenario_hash[17];      /* load: its FNV-1a 64 hash, or "" when unchanged */
    const char *floor_source;    /* the flow library from now on; load: NULL when unchanged */
    char floor_hash[17];         /* load: its hash, or "" when unchanged */
    size_t answers; /* answers in force after the reload: replay applies it once that many
                       answers were fed (fewer than before when the edited flow dropped
                       answers that no longer fit; load: lowered by a later undo) */
    long line;      /* load: line number in the file */
} SessionReload;

/* An answer taken back (an undo line): for a replay to show that it was given, and taken
 * back. On load, its text is owned by the Session. */
typedef struct SessionTakenBack {
    SessionAnswer answer; /* as it was given (its line, its time) */
    uint32_t undo_ms;     /* when it was taken back */
    size_t in_force;      /* answers in force when it was given: it came after that many */
} SessionTakenBack;

/* ---- writing ------------------------------------------------------------------------ */

typedef struct SessionWriter SessionWriter;

/* Creates a new session file in the folder DIR (which must exist), named after the start
 * time and scenario ("2026-11-22T09-15-02Z-microwave.jsonl", with "-2", "-3"... added if
 * that name is taken), and writes and syncs its header. H->scenario_source, scenario_id
 * and both players are required. PATH_OUT (if not NULL) receives the file's path. Returns
 * NULL on failure with ERR (if not NULL) saying what happened and where, e.g. "cannot
 * create a session file in /data: Read-only file system". The caller owns the writer. */
SessionWriter *session_writer_create(const char *dir, const SessionHeader *h, char *path_out,
                                     size_t path_size, char *err, size_t errsize);

/* Appends an input event (key, text, edit, click, wheel, resize); not synced by itself,
 * the next answer or turn syncs it. Mouse moves, quit and empty events are not recorded:
 * 0 and nothing written. Returns 0 or SESSION_ERR_* (see session_writer_error). */
int session_write_event(SessionWriter *w, const Event *e);

/* Appends an answer and syncs the file before returning. Write an answer before the turns
 * it produced, so an undo can take both back. Returns 0 or SESSION_ERR_*. */
int session_write_answer(SessionWriter *w, const SessionAnswer *a);

/* Records that the last answer was taken back (flow_back), with the turns written after
 * it; synced. The file keeps everything: the loader applies the undo. Returns 0, or
 * SESSION_ERR_ARG when no answer is left to undo, or SESSION_ERR_IO. */
int session_write_undo(SessionWriter *w, uint32_t ms);

/* Records a hot reload: R->scenario_source and R->floor_source are the sources in force now
 * (either may be NULL: unchanged). Only a source whose hash differs from the one in force
 * in the file (the header's, or the last reload's) is written, with its hash; R->answers is
 * the flow's answer count after the reload (flow_answer_count), at most the answers in force
 * in the file; answers beyond it were dropped by the reload, with the turns written after
 * them, as by undos. When no source changed and no answer was dropped nothing is written
 * (0). Synced. Returns 0, SESSION_ERR_ARG (R->answers too large, a source not UTF-8) or
 * SESSION_ERR_IO / SESSION_ERR_NOMEM. */
int session_write_reload(SessionWriter *w, const SessionReload *r);

/* Appends a committed turn (numbered by the writer; T->n, context and line are not saved)
 * and syncs the file before returning. Its points are T->moves.total. Returns 0 or
 * SESSION_ERR_* (SESSION_ERR_ARG: player not -1..1, bad role, text not UTF-8). */
int session_write_turn(SessionWriter *w, const Turn *t);

/* Appends the end line of a session that finished normally, and syncs. Returns 0 or
 * SESSION_ERR_*. */
int session_write_end(SessionWriter *w, int team_score, uint32_t ms);

/* The last error, with the path and the reason ("cannot write to ...: No space left on
 * device"), or "". Borrowed, valid until the next call on W. */
const char *session_writer_error(const SessionWriter *w);

/* The session file's path. Borrowed, valid until session_writer_destroy. */
const char *session_writer_path(const SessionWriter *w);

/* Closes the file and frees W. Returns 0, or SESSION_ERR_IO if closing failed. NULL is a
 * no-op returning 0. */
int session_writer_destroy(SessionWriter *w);

/* ---- loading ------------------------------------------------------------------------ */

typedef struct Session {
    SessionHeader header;
    Event *events;
    size_t n_events;
    SessionAnswer *answers; /* the answer log as it stood at the end (undos applied) */
    size_t n_answers;
    Turn *turns; /* the turns as they stood at the end (undos applied); each with its line in
                    the file, no context, and the points recorded as moves.total */
    size_t n_turns;
    SessionReload *reloads; /* hot reloads, in order (see SessionReload.answers) */
    size_t n_reloads;
    int undos;                    /* answers taken back during the session */
    SessionTakenBack *taken_back; /* those answers, in the order they were taken back */
    size_t n_taken_back;
    int ended;       /* the file has an end line: the session finished normally */
    int team_score;  /* from the end line, else the sum of the turns' points */
    uint32_t end_ms; /* from the end line, else 0 */
} Session;

#define SESSION_WARNINGS_MAX 8

typedef struct SessionLoadReport {
    int code;          /* 0 or SESSION_ERR_* */
    char error[512];   /* when loading failed: file, line, what is wrong, what to do */
    int n_warnings;    /* warnings kept in warnings[] */
    int more_warnings; /* warnings beyond SESSION_WARNINGS_MAX, not kept */
    char warnings[SESSION_WARNINGS_MAX][320]; /* each names the file and line */
    long skipped_lines; /* damaged lines after the header that were left out */
    int torn;           /* the last line was incomplete and was dropped */
} SessionLoadReport;

/* Reads the session file PATH. A damaged line after the header (bad JSON, invalid UTF-8, a
 * line over 8 MiB, a missing field) is skipped with a warning; a torn last line is dropped
 * with a warning. Returns the session, owned by the caller (free with session_free), or
 * NULL when the file cannot be used at all: missing, empty, not a session file, a damaged
 * header, made by a Heard too new for this one, no scenario source, or a scenario or flow
 * source (in the header or a reload line) that does not match its hash. REP (may be NULL) gets the
 * code, the error and the warnings. */
Session *session_load(const char *path, SessionLoadReport *rep);

/* Frees S and everything it owns. NULL is a no-op. */
void session_free(Session *s);

/* Reopens the session file PATH, loaded as S (session_load), to go on writing a session that
 * was stopped (no end line): answers, turns and undos continue where the file left off (the
 * turns numbered on, an undo taking back the answers S holds in force), and a reload is
 * compared with the sources in force at the end of the file. A torn last line (a crash in
 * the middle of a write) is cut off first, so the next line starts on a line of its own.
 * Returns the writer (the caller owns it), or NULL with ERR saying what and where: S ended
 * normally ("... is finished"), or the file cannot be opened for writing. */
SessionWriter *session_writer_reopen(const char *path, const Session *s, char *err, size_t errsize);

/* ---- the library of saved sessions ------------------------------------------------- */

typedef struct SessionSummary {
    char *path;       /* owned by the list */
    char started[32]; /* ISO 8601 UTC; for an unreadable file, its modification time */
    char scenario_id[64];
    char title[128]; /* the scenario's title, read from the stored source (its id when that
                        cannot be read) */
    char players[2][64];
    int team_score;    /* the sum of the turns' points (session_stats) */
    int ended;         /* the session finished normally */
    int turns;         /* number of turns */
    int played;        /* turns the players took (notes left out): 0 for a game left before
                          anyone said a word */
    int reflections;   /* moves tagged "reflection" over all turns */
    int felt_heard[2]; /* how often each player's partner said Got it to their listening */
    int rated[2];      /* how often each player's listening was rated */
    int ok;            /* 1 when the file loaded; 0: see error */
    char error[512];   /* why the file could not be read */
} SessionSummary;

/* Lists the session files (*.jsonl) in DIR, newest first. Unreadable files are listed with
 * ok = 0 and their error rather than failing the list. A missing DIR is an empty list.
 * Returns 0 with *OUT (owned by the caller, free with session_list_free) and *N, or
 * SESSION_ERR_IO (errno kept) / SESSION_ERR_NOMEM with *OUT = NULL and *N = 0. */
int session_list(const char *dir, SessionSummary **out, size_t *n);

/* Frees a list from session_list. NULL is a no-op. */
void session_list_free(SessionSummary *list, size_t n);

/* A start time ISO ("2026-11-22T09:15:02Z") in the words people read dates in, in the local
 * time zone, into OUT (N bytes): "Sunday 22 November 2026, 10:15"; ISO itself when it is not
 * such a time. Returns OUT. */
const char *session_date_words(const char *iso, char *out, size_t n);

/* The same, short, for a chart's axis: "22 Nov"; "?" when ISO is not a time. */
const char *session_date_short(const char *iso, char *out, size_t n);

/* The local time of day of ISO, for telling apart two sessions of one day: "09:15"; "?"
 * when ISO is not a time. Returns OUT. */
const char *session_time_short(const char *iso, char *out, size_t n);

/* Deletes the session file PATH. Only regular files named *.jsonl are deleted. Returns 0,
 * SESSION_ERR_ARG for anything else, or SESSION_ERR_MISSING / SESSION_ERR_IO (errno kept). */
int session_delete(const char *path);

#endif
