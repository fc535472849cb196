/* check.h: `heard check`, a scenario tested the way the game will use it, with every problem
 * said in compiler style ("FILE:LINE: error: what is wrong; how to fix it").
 *
 * For each file the check
 *   1. loads it as the scenario picker does (in a sandbox with the picker's small limits)
 *      and checks every field: types, ranges, required fields, unknown names;
 *   2. scores each of its examples through the match's turn pipeline (the real analyser and
 *      rules, then the scenario's own `rules`, then its `points`, as in play), and compares the
 * moves found with the moves expected. An example passes when every expected move is found and no
 * hurting move (negative points) is found that it did not expect; helping moves it did not list are
 *      fine;
 *   3. dry-runs its flow (its own `play`, or scripts/lib/floor.lua) with scripted answers
 *      until the flow ends, at most CHECK_FLOW_ANSWERS answers (see check_file).
 * Errors, endless loops and memory bombs in the scenario come back as messages, stopped by
 * the sandbox's limits; nothing a scenario does stops the check. docs/scenarios.md explains
 * every message to coaches.
 *
 * Depends on: game/match (the turn pipeline, and a match for the dry run), game/scenario,
 * engine/script. No SDL. Lua is touched only in check_lua.c. */
#ifndef HEARD_CHECK_H
#define HEARD_CHECK_H

#include <stddef.h>

#include "engine/script/script.h"
#include "game/turn/moves.h"

/* check_file's error: out of memory in the checker itself. */
enum { CHECK_ERR_MEMORY = -60 };

#define CHECK_FLOW_ANSWERS 500 /* the dry run's cap: a flow still asking after this never ends */
#define CHECK_TAGS_MAX 24      /* distinct moves an example may expect */

typedef enum CheckLevel { CHECK_ERROR, CHECK_WARNING, CHECK_NOTE } CheckLevel;

/* One message. FILE is the scenario, or another file the error happened in (a note then
 * points back into the scenario). */
typedef struct CheckMessage {
    CheckLevel level;
    char file[512];
    int line;       /* 0 when the message is about the whole file */
    char text[640]; /* what is wrong and what to do, without place or level */
} CheckMessage;

/* One example as written and as scored. */
typedef struct CheckExample {
    int index;     /* 1-based, in the order written */
    int line;      /* where its reply is written */
    Role role;     /* "role", or agent when the context is not empty, else customer */
    char *context; /* owned by the CheckResult */
    char *reply;   /* owned by the CheckResult */
    char expected[CHECK_TAGS_MAX][MOVE_TAG_MAX];
    int nexpected;
    char rating[8]; /* "got_it", "partly", "not_yet", or "" when the example states none */
    MoveList found; /* what the rules saw, with the scenario's rules and points, then what
                       the rating adds (docs/scoring.md) */
    int passed;
    char *known_miss; /* what the analyser is known to get wrong here (owned), or NULL: the
                       * example then fails with a warning, not an error */
} CheckExample;

typedef struct CheckResult {
    char path[512];
    int passed; /* 1 when no message is an error */
    int errors, warnings;
    int loaded; /* 1 when the fields checked out, so examples and flow could run */
    CheckMessage *messages;
    size_t nmessages, capmessages;
    CheckExample *examples;
    size_t nexamples;
    int flow_finished; /* the dry run reached the end of the flow */
    int flow_answers;  /* answers the dry run gave */
} CheckResult;

typedef struct Checker Checker;

/* Loads the rules from ROOT (the folder holding scripts/) once for many checks. Returns a
 * Checker owned by the caller (free with check_destroy), or NULL with ERR (may be NULL)
 * saying why. */
Checker *check_create(const char *root, ScriptError *err);

/* Frees C. check_destroy(NULL) is a no-op. */
void check_destroy(Checker *c);

/* Checks the scenario file PATH and fills OUT (always; free it with check_result_free).
 * The dry run answers every ask in turn: a text ask with its first choice when it has
 * choices (the scenario's prompts), else with a fixed sentence (a reflection for the agent,
 * a softened startup for the customer); a rating with "Got it", except the first rating
 * from round 2 on, which is "Partly" (once); a choice with its first option the first time
 * a question with that title is asked and its last option after that (so "Is there more?"
 * is answered yes once, then no). Returns 0, or CHECK_ERR_MEMORY when memory ran out in
 * the checker itself before an error could be recorded (OUT then fails without messages). */
int check_file(Checker *c, const char *path, CheckResult *out);

/* Frees what OUT holds and zeroes it. check_result_free(NULL) is a no-op. */
void check_result_free(CheckResult *out);

/* Writes M as one line without a newline, "FILE:LINE: error: TEXT" (or "FILE: note: TEXT"
 * without a line) into BUF of CAP bytes. Returns the length it needed, like snprintf. */
int check_message_format(const CheckMessage *m, char *buf, size_t cap);

/* Writes R's verdict as one line without a newline into BUF of CAP bytes:
 * "FILE: passed: 3 examples, the flow ended after 17 answers" or
 * "FILE: failed: 1 error, 0 warnings". Returns the length it needed, like snprintf. */
int check_result_format(const CheckResult *r, char *buf, size_t cap);

/* The level's word: "error", "warning" or "note". */
const char *check_level_name(CheckLevel level);

/* Compiles the Lua text SRC (LEN bytes, named NAME in messages) without running it, for
 * checking code examples. Returns 0, or SCRIPT_ERR_SYNTAX with "NAME:LINE: message" in MSG
 * (CAP bytes), or SCRIPT_ERR_MEMORY. */
int check_compile(const char *name, const char *src, size_t len, char *msg, size_t cap);

#endif
