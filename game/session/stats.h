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
    int turns[2];       /* each partner's turns (ratings, the partner's word on one's replies
                           and parks included) */
    int moves[2];       /* how many moves each partner made (not counting what the rules of
                           play added: felt heard, repairs, ...) */
    int reflections[2]; /* moves tagged reflection */
    int questions[2];   /* moves tagged question_open or question_closed */
    int n_tags;         /* tags made, in the order of moves_tags, then any others */
    char tags[STATS_TAGS_MAX][MOVE_TAG_MAX];
    int tag_counts[STATS_TAGS_MAX][2]; /* how often each partner made each tag (the tags of
                                          the rules of play are not moves: see repairs) */
    int tag_helps[STATS_TAGS_MAX];     /* 1 when the tag's first move earned points (or 0) */
    int heard[2][STATS_RATINGS];       /* how each partner's listening was rated by the other: Got
                                          it, Partly, Not yet */
    int next_steps[2];                 /* next steps each partner offered (turns for which
                                          session_stats_next_step says so) */
    int repairs[2];                    /* repairs each partner made after a slip */
    int cancelled[2];                  /* replies whose listening a toaster cancelled */
    int toasters;                      /* replies that brought a toaster (counter_complaint) */
    int parked;                        /* toasters parked ("park" turns) */
    int returned;                      /* parked toasters that came back (an "unpark" turn, or
                                          in older files a later startup in the same words) */
    long best_reflection; /* index of the turn with a reflection that counted most, with the
                             partner's word on it (the earliest of equals); -1 when nobody
                             reflected */
} SessionStats;

/* Counts the figures of the N turns TURNS into OUT. Notes from the game (player -1) count
 * towards the team score only. */
void session_stats(const Turn *turns, size_t n, SessionStats *out);

/* 1 when turn I of TURNS (N of them) is a "park" whose text never came back (no later
 * "unpark" or startup in the same words): a toaster still waiting for its turn, else 0.
 * Reads the turns after I: to ask about every turn, use session_stats_waiting_marks. */
int session_stats_waiting(const Turn *turns, size_t n, size_t i);

/* Sets OUT[I] (N bytes) to session_stats_waiting(TURNS, N, I) for every turn at once, in
 * O(N log N): the returns are sorted by text once, instead of each park reading every turn
 * after it (60,000 parks took 38 s to export). Returns 0, or -1 when out of memory (OUT is
 * then filled the slow way). */
int session_stats_waiting_marks(const Turn *turns, size_t n, unsigned char *out);

/* 1 when turn I of TURNS (N of them) offers a next step: a next_step move that counts, or a
 * "closure" turn (the listener's answer to "a next step or a follow-up?") with no move that
 * costs points. The take-away lists these as what the couple agreed; else 0. */
int session_stats_next_step(const Turn *turns, size_t n, size_t i);

/* How many times PLAYER's partner said each of Got it, Partly, Not yet to PLAYER's listening
 * is ST->heard[PLAYER]; this is how often PLAYER's partner felt heard: the Got its, out of
 * *RATED ratings (may be NULL). */
int session_stats_felt_heard(const SessionStats *st, int player, int *rated);

#endif
