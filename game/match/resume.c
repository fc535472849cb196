/* resume.c: going on with a stopped session (see resume.h).
 *
 * Depends on: game/match (match, replay), game/session, libc. */
#include "game/match/resume.h"

#include <stdio.h>

#include "game/match/replay.h"

/* A second after the last answer or event S recorded: where the clock goes on from. */
static uint32_t clock_of(const Session *s)
{
    uint32_t ms = 0;
    if (s->n_answers)
        ms = s->answers[s->n_answers - 1].ms;
    if (s->n_events && s->events[s->n_events - 1].ms > ms)
        ms = s->events[s->n_events - 1].ms;
    for (size_t i = 0; i < s->n_turns; i++)
        ms = s->turns[i].ms > ms ? s->turns[i].ms : ms;
    return ms + 1000;
}

Match *resume_match(const char *path, Rules *rules, const char *root, MatchSavedFn saved, void *ud,
                    uint32_t *clock, char *err, size_t errsize)
{
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s) {
        snprintf(err, errsize, "%s", rep.error);
        return NULL;
    }
    if (s->ended) {
        snprintf(err, errsize, "%s is finished: replay it instead", path);
        session_free(s);
        return NULL;
    }
    char why[768];
    Replay *rp = replay_create(s, path, rules, root, why, sizeof why);
    if (!rp || replay_seek(rp, s->n_answers, why, sizeof why) != 0) {
        snprintf(err, errsize, "This session cannot be continued: %s", why);
        replay_destroy(rp);
        session_free(s);
        return NULL;
    }
    Match *m = replay_take_match(rp);
    replay_destroy(rp);
    if (match_attach(m, path, s, saved, ud, err, errsize) != 0) {
        match_destroy(m);
        m = NULL;
    }
    *clock = clock_of(s);
    session_free(s);
    return m;
}
