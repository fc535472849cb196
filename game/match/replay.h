/* replay.h: re-running a saved session. The flow is started again from the scenario source
 * and the flow library (scripts/lib/floor.lua as played) stored in the session, so a replay
 * works after either file changed or was deleted; a session saved before the flow library
 * was stored runs the one under the root instead. The recorded seed, names and first player
 * are used, and the recorded answers are
 * fed to it in order through a Match (game/match/match.h) scored by the Rules given, the
 * same turn pipeline as in play, and a hot reload recorded during play is applied when as
 * many answers were fed as were in force then (match_reload_sources), so the answers after
 * it run the sources the players saw. Each re-scored turn can then be compared with the one in the
 * file: the first difference is what `heard replay --verify` reports, and what a rules change would
 * alter.
 *
 * Two ways in: replay_run does everything at once and returns the re-scored turns and the
 * comparison; a Replay steps answer by answer, for the on-screen viewer.
 *
 * Depends on: game/match, game/session (the loaded Session). No SDL. */
#ifndef HEARD_REPLAY_H
#define HEARD_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "game/match/match.h"
#include "game/session/session.h"

/* Results: 0 or one of these. */
enum {
    REPLAY_OK = 0,
    REPLAY_ERR_ARG = -40,      /* a required argument is NULL */
    REPLAY_ERR_NOMEM = -41,    /* out of memory */
    REPLAY_ERR_SCENARIO = -42, /* the stored scenario (or the flow library), or one reloaded
                                 during play, does not run */
    REPLAY_ERR_ANSWER = -43    /* a recorded answer does not fit the flow, or fails in it */
};

/* What differs between a recorded turn and the re-run one, checked in this order. */
typedef enum ReplayField {
    REPLAY_SAME = 0,
    REPLAY_DIFF_MISSING, /* recorded, but the re-run made no such turn */
    REPLAY_DIFF_EXTRA,   /* the re-run made a turn the file does not have */
    REPLAY_DIFF_KIND,
    REPLAY_DIFF_PLAYER,
    REPLAY_DIFF_ROLE,
    REPLAY_DIFF_ROUND,
    REPLAY_DIFF_TEXT,
    REPLAY_DIFF_MOVES, /* the set of move tags, or the points of one of them */
    REPLAY_DIFF_POINTS /* the turn's points */
} ReplayField;

/* ---- stepping (the viewer) ------------------------------------------------------------- */

typedef struct Replay Replay;

/* Starts the flow of session S again: the stored scenario source, seed, names and first
 * player, and the stored flow library, or when S has none (files of format 1)
 * scripts/lib/floor.lua under ROOT (NULL or "" means "."); turns are scored
 * with RULES (borrowed, must outlive the Replay) through the match's pipeline. PATH is the session
 * file's name for messages (may be NULL). S is borrowed and must outlive the Replay. The flow runs
 * up to its first ask; no answer is fed yet, and the reloads recorded before the first answer are
 * applied. Returns the Replay (free with replay_destroy), or
 * NULL with ERR (may be NULL) saying why, e.g. "FILE: the stored scenario
 * scripts/scenarios/x.lua no longer runs: x.lua:3: ...". */
Replay *replay_create(const Session *s, const char *path, Rules *rules, const char *root, char *err,
                      size_t errsize);

/* Frees RP and its flow. NULL is a no-op. */
void replay_destroy(Replay *rp);

/* Takes RP's match, in the state RP has reached, out of RP (the caller owns it; RP keeps
 * none and steps no more: destroy it next). For going on with a stopped session
 * (resume.h). */
Match *replay_take_match(Replay *rp);

/* Feeds the next recorded answer (text or choice, with its recorded time), then applies the
 * reloads recorded once that many answers were in force (S->reloads), re-running the
 * answers so far with the new sources, as the match did in play. Returns 1 when an answer was fed,
 * 0 when every answer has been fed, REPLAY_ERR_ANSWER with ERR naming the answer's line:
 * "FILE:LINE: answer 5 ('Got it'...) no longer fits: ...", or REPLAY_ERR_SCENARIO naming the
 * reload's line when the reloaded sources do not run or no longer take the answers before them.
 * After an error RP stays as it was before the answer (or the reload), and further steps fail the
 * same way. */
int replay_step(Replay *rp, char *err, size_t errsize);

/* Goes to the state after the first N recorded answers (N beyond the log means all of
 * them): forward by stepping, backward by starting again. Returns 0 or an error as
 * replay_create / replay_step (RP then holds the state it reached). */
int replay_seek(Replay *rp, size_t n, char *err, size_t errsize);

/* 1 when RP runs the flow library stored in the session, 0 when the session stores none and
 * scripts/lib/floor.lua under the root runs instead. */
int replay_floor_stored(const Replay *rp);

/* How many recorded answers have been fed, and how many the session has. */
size_t replay_position(const Replay *rp);
size_t replay_answer_total(const Replay *rp);

/* The flow being re-run (borrowed, valid until the next step, seek or destroy): its ask,
 * round, turns, parking lot and scores. */
const Flow *replay_flow(const Replay *rp);

/* The re-run turns so far: count, and turn I (borrowed as flow_turn), or NULL. */
size_t replay_turn_count(const Replay *rp);
const Turn *replay_turn(const Replay *rp, size_t i);

/* Compares a recorded turn with a re-run one. Move tags are compared as a set (order does
 * not matter), each with its points; texts byte for byte; then the turns' points
 * (moves.total). Returns REPLAY_SAME or the first field that differs; REPLAY_DIFF_MISSING
 * when NOW is NULL, REPLAY_DIFF_EXTRA when RECORDED is NULL. */
ReplayField replay_compare_turn(const Turn *recorded, const Turn *now);

/* ---- all at once (verify) -------------------------------------------------------------- */

typedef struct ReplayDiff {
    ReplayField field;    /* REPLAY_SAME when nothing differs */
    size_t index;         /* 0-based index of the first turn that differs */
    const Turn *recorded; /* borrowed from the Session; NULL for REPLAY_DIFF_EXTRA */
    const Turn *now;      /* borrowed from the result; NULL for REPLAY_DIFF_MISSING */
} ReplayDiff;

typedef struct ReplayResult {
    Turn *turns; /* the re-scored turns, in order (copies); owned (replay_result_free) */
    size_t n_turns;
    size_t n_recorded;   /* turns in the file */
    int identical;       /* 1 when every recorded turn came out the same */
    ReplayDiff diff;     /* when not identical: the first turn that differs */
    size_t unrecorded;   /* turns the re-run made after the last one of a session that was
                            stopped (no end line): a crash between an answer and its turn */
    int team_score;      /* the re-run's team score */
    int rules_changed;   /* the rules' hash differs from the one recorded */
    int floor_from_root; /* the session stores no flow library: scripts/lib/floor.lua under
                            ROOT, as it is now, ran instead */
    int stopped;         /* an answer did not fit: the re-run ended early (see error) */
    char error[768];     /* why the replay failed, or why it stopped early */
} ReplayResult;

/* Replays session S (read from PATH, for messages; may be NULL) with RULES and its stored
 * flow library (else the one under ROOT, with RES->floor_from_root set), feeds every
 * recorded answer and compares every turn. Returns 0 when the
 * comparison was made: RES->identical says whether the turns match, or RES->diff names the
 * first that does not (an answer that stopped the re-run after turns had already diverged
 * is reported as that divergence, with RES->stopped and RES->error set). Returns
 * REPLAY_ERR_SCENARIO (also when a recorded reload does not run; every turn before it
 * matched), REPLAY_ERR_ANSWER (every turn before it matched) or
 * REPLAY_ERR_NOMEM with RES->error filled ("FILE:LINE: ..."). RES is always initialised;
 * free it with replay_result_free. */
int replay_run(const Session *s, const char *path, Rules *rules, const char *root,
               ReplayResult *res);

/* Frees what RES owns and clears it. NULL is a no-op. */
void replay_result_free(ReplayResult *res);

/* Writes one line about RES->diff into BUF of SIZE bytes, naming the turn, its round, the
 * player (from S's names) and its kind, then what was recorded and what is found now:
 * "turn 7 (round 2, Sam, reply): recorded reflection +3, feeling +2 (5); now reflection +3
 * (3)". Writes "" when the turns are identical. Returns BUF. */
char *replay_describe_diff(const Session *s, const ReplayResult *res, char *buf, size_t size);

#endif
