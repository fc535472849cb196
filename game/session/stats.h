/* stats.h: a session's figures, counted once from its turns, for everyone who shows them:
 * the summary screen, the export, the library's chart and `heard replay`. The turns may be
 * a saved session's (Session.turns) or a match's as it is played (flow_turns).
 *
 * Depends on: game/turn (the Turn, the tag table), libc. No SDL, no Lua. */
#ifndef HEARD_STATS_H
#define HEARD_STATS_H

#include <stddef.h>

#include "game/turn/turn.h"

#define STATS_TAGS_MAX 32

/* Ratings, in the order the customer is offered them. */
enum { STATS_GOT_IT, STATS_PARTLY, STATS_NOT_YET, STATS_RATINGS };

typedef struct SessionStats {
    int team_score;     /* the sum of every turn's points: the couple's one score */
    int points[2];      /* each partner's points */
    int turns[2];       /* each partner's turns (ratings and parks included) */
    int moves[2];       /* how many moves each partner made */
    int reflections[2]; /* moves tagged reflection */
    int questions[2];   /* moves tagged question_open or question_closed */
    int n_tags;         /* tags made, in the order of moves_tags, then any others */
    char tags[STATS_TAGS_MAX][MOVE_TAG_MAX];
    int tag_counts[STATS_TAGS_MAX][2]; /* how often each partner made each tag */
    int tag_helps[STATS_TAGS_MAX];     /* 1 when the tag's first move earned points (or 0) */
    int heard[2][STATS_RATINGS];       /* how each partner's listening was rated by the other: Got
                                          it, Partly, Not yet */
    int next_steps[2];                 /* moves tagged next_step each partner offered */
    int parked;                        /* toasters parked ("park" turns) */
    int returned;                      /* parked toasters that came back as a later startup */
    long best_reflection; /* index of the highest-scoring turn with a reflection (the earliest
                             of equals); -1 when nobody reflected */
} SessionStats;

/* Counts the figures of the N turns TURNS into OUT. Notes from the game (player -1) count
 * towards the team score only. */
void session_stats(const Turn *turns, size_t n, SessionStats *out);

/* 1 when turn I of TURNS (N of them) is a "park" whose text never came back as a later
 * startup (a toaster still waiting for its turn), else 0. */
int session_stats_waiting(const Turn *turns, size_t n, size_t i);

#endif
