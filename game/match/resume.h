/* resume.h: going on with a stopped session (one with no end line: the game was left, closed
 * or cut off). Its flow is played again from the scenario source, the flow library and the
 * answers the file stores, as a replay does (replay.h), under its own rules of play; then
 * the match writes on to the same file, so the session is one file from its first turn to
 * its last, and the library shows it finished once it is.
 *
 * Depends on: game/match (match, replay), game/session. No SDL. */
#ifndef HEARD_RESUME_H
#define HEARD_RESUME_H

#include <stddef.h>
#include <stdint.h>

#include "game/match/match.h"

/* Loads the session file PATH, replays its answers scored by RULES (borrowed, must outlive
 * the match; ROOT: the folder holding scripts/, for a session that stores no flow library),
 * and attaches the match to the file. *CLOCK gets the milliseconds the session had reached,
 * for the answers and events from here to go on from (a second after its last answer or
 * event). SAVED (may be NULL) is told of every turn saved from now on. Returns the match
 * (free with match_destroy), or NULL with ERR (ERRSIZE bytes) saying why: the file cannot be
 * read, it is finished, its answers no longer run as played, or it cannot be written. */
Match *resume_match(const char *path, Rules *rules, const char *root, MatchSavedFn saved, void *ud,
                    uint32_t *clock, char *err, size_t errsize);

#endif
