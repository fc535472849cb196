/* stats.c: a session's figures from its turns (see stats.h). libc only. */
#include "game/session/stats.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_tag(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++)
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return 1;
    return 0;
}

int session_stats_waiting(const Turn *turns, size_t n, size_t i)
{
    if (i >= n || strcmp(turns[i].kind, "park") != 0)
        return 0;
    for (size_t j = i + 1; j < n; j++)
        if ((strcmp(turns[j].kind, "unpark") == 0 || strcmp(turns[j].kind, "startup") == 0) &&
            strcmp(turns[j].text, turns[i].text) == 0)
            return 0;
    return 1;
}

int session_stats_next_step(const Turn *turns, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    int hurts = 0;
    for (int m = 0; m < turns[i].moves.count; m++) {
        if (strcmp(turns[i].moves.items[m].tag, "next_step") == 0 &&
            turns[i].moves.items[m].points > 0)
            return 1;
        hurts |= turns[i].moves.items[m].points < 0;
    }
    /* the listener's answer to "a next step?" is one in their own words, whether or not the
     * analyser read it as one ("ill look up microwaves tonight"); a dig there is not */
    return strcmp(turns[i].kind, "closure") == 0 && !hurts;
}

int session_stats_felt_heard(const SessionStats *st, int player, int *rated)
{
    const int *h = st->heard[player == 1];
    if (rated)
        *rated = h[STATS_GOT_IT] + h[STATS_PARTLY] + h[STATS_NOT_YET];
    return h[STATS_GOT_IT];
}

/* Turn I's points with the partner's word on it: its own, and those of the "rated" turn
 * that followed its rating (before the player's next reply of the round). */
static int weighed_points(const Turn *turns, size_t n, size_t i)
{
    int points = turns[i].moves.total;
    for (size_t j = i + 1; j < n && turns[j].round == turns[i].round; j++) {
        if (strcmp(turns[j].kind, "rated") == 0 && turns[j].player == turns[i].player)
            return points + turns[j].moves.total;
        if (turns[j].player == turns[i].player && strcmp(turns[j].kind, "reply") == 0)
            break;
    }
    return points;
}

/* A startup's (or a returned toaster's) text and where it is, for finding the last one of
 * each text. */
typedef struct Return {
    const char *text;
    size_t at;
} Return;

static int by_text_then_place(const void *pa, const void *pb)
{
    const Return *a = pa, *b = pb;
    int c = strcmp(a->text, b->text);
    return c ? c : (a->at < b->at) - (a->at > b->at); /* the latest first */
}

static int by_text(const void *key, const void *elem)
{
    return strcmp(key, ((const Return *)elem)->text);
}

static int brings_back(const Turn *t)
{
    return strcmp(t->kind, "unpark") == 0 || strcmp(t->kind, "startup") == 0;
}

int session_stats_waiting_marks(const Turn *turns, size_t n, unsigned char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += brings_back(&turns[i]);
    Return *back = k ? malloc(k * sizeof *back) : NULL;
    if (k && !back) {
        for (size_t i = 0; i < n; i++)
            out[i] = (unsigned char)session_stats_waiting(turns, n, i);
        return -1;
    }
    k = 0;
    for (size_t i = 0; i < n; i++)
        if (brings_back(&turns[i]))
            back[k++] = (Return){turns[i].text, i};
    if (k)
        qsort(back, k, sizeof *back, by_text_then_place);
    size_t u = 0; /* keep the latest of each text */
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(back[u - 1].text, back[i].text) != 0)
            back[u++] = back[i];
    for (size_t i = 0; i < n; i++) {
        out[i] = 0;
        if (strcmp(turns[i].kind, "park") != 0)
            continue;
        const Return *last = u ? bsearch(turns[i].text, back, u, sizeof *back, by_text) : NULL;
        out[i] = !last || last->at < i;
    }
    free(back);
    return 0;
}

/* Adds V to *DST in 64 bits, kept within int: a hand-made file's points cannot wrap. */
static void add_points(int *dst, long long v)
{
    long long sum = (long long)*dst + v;
    *dst = sum > INT_MAX ? INT_MAX : sum < INT_MIN ? INT_MIN : (int)sum;
}

/* The slot of TAG in OUT's tag table, added at the end when new; -1 when full. */
static int tag_slot(SessionStats *out, const char *tag, int points)
{
    for (int i = 0; i < out->n_tags; i++)
        if (strcmp(out->tags[i], tag) == 0)
            return i;
    if (out->n_tags == STATS_TAGS_MAX)
        return -1;
    snprintf(out->tags[out->n_tags], MOVE_TAG_MAX, "%s", tag);
    out->tag_helps[out->n_tags] = points >= 0;
    return out->n_tags++;
}

/* Drops the tags nobody made; the table was seeded in the order of moves_tags, so the tags
 * the rules know come first and any others after them, as first seen. */
static void drop_unused_tags(SessionStats *out)
{
    int k = 0;
    for (int i = 0; i < out->n_tags; i++) {
        if (out->tag_counts[i][0] + out->tag_counts[i][1] == 0)
            continue;
        if (k != i) {
            memcpy(out->tags[k], out->tags[i], MOVE_TAG_MAX);
            out->tag_counts[k][0] = out->tag_counts[i][0];
            out->tag_counts[k][1] = out->tag_counts[i][1];
            out->tag_helps[k] = out->tag_helps[i];
        }
        k++;
    }
    out->n_tags = k;
}

/* A rating turn by player P rates the other partner's listening. */
static void count_rating(SessionStats *out, const Turn *t)
{
    static const char *const words[STATS_RATINGS] = {"got_it", "partly", "not_yet"};
    for (int r = 0; r < STATS_RATINGS; r++)
        if (strcmp(t->text, words[r]) == 0)
            out->heard[1 - t->player][r]++;
}

/* What the rules of play added to a turn (MOVE_SCORING moves), counted for player P. */
static void count_scoring(SessionStats *out, const Move *mv, int p)
{
    out->repairs[p] += strcmp(mv->tag, MOVE_REPAIR) == 0;
    out->cancelled[p] += strcmp(mv->tag, MOVE_TOASTER_CANCELS) == 0;
}

/* A move player P made. */
static void count_move(SessionStats *out, const Move *mv, int p)
{
    int k = tag_slot(out, mv->tag, mv->points);
    if (k >= 0) {
        if (out->tag_counts[k][0] + out->tag_counts[k][1] == 0)
            out->tag_helps[k] = mv->points >= 0; /* seeded: the first one made decides */
        out->tag_counts[k][p]++;
    }
    out->moves[p]++;
    out->reflections[p] += strcmp(mv->tag, "reflection") == 0;
    out->questions[p] +=
        strcmp(mv->tag, "question_open") == 0 || strcmp(mv->tag, "question_closed") == 0;
}

/* Counts turn I of TURNS (N); WAITING: it is a park whose toaster never came back; *BEST:
 * the weighed points of the best reflection so far. */
static void count_turn(SessionStats *out, const Turn *turns, size_t n, size_t i, int waiting,
                       long long *best)
{
    const Turn *t = &turns[i];
    add_points(&out->team_score, t->moves.total);
    int p = t->player;
    if (p != 0 && p != 1)
        return;
    add_points(&out->points[p], t->moves.total);
    out->turns[p]++;
    out->next_steps[p] += session_stats_next_step(turns, n, i);
    for (int m = 0; m < t->moves.count; m++) {
        const Move *mv = &t->moves.items[m];
        if (moves_group(mv->tag) == MOVE_SCORING)
            count_scoring(out, mv, p);
        else
            count_move(out, mv, p);
    }
    if (strcmp(t->kind, "rating") == 0)
        count_rating(out, t);
    out->toasters += strcmp(t->kind, "reply") == 0 && has_tag(t, "counter_complaint");
    if (strcmp(t->kind, "park") == 0) {
        out->parked++;
        out->returned += !waiting;
    }
    if (has_tag(t, "reflection")) {
        long long points = weighed_points(turns, n, i);
        if (out->best_reflection < 0 || points > *best) {
            out->best_reflection = (long)i;
            *best = points;
        }
    }
}

void session_stats(const Turn *turns, size_t n, SessionStats *out)
{
    memset(out, 0, sizeof *out);
    out->best_reflection = -1;
    /* seed the tag table in the order of moves_tags, so tables and charts read alike */
    size_t nknown;
    const char *const *known = moves_tags(&nknown);
    for (size_t i = 0; i < nknown; i++)
        tag_slot(out, known[i], 0);
    unsigned char *waiting = n ? malloc(n) : NULL;
    if (waiting) /* once for every turn: each park asked alone reads every later turn */
        session_stats_waiting_marks(turns, n, waiting);
    long long best = 0;
    for (size_t i = 0; i < n; i++) /* out of memory: park by park, the slow way */
        count_turn(out, turns, n, i, waiting ? waiting[i] : session_stats_waiting(turns, n, i),
                   &best);
    free(waiting);
    drop_unused_tags(out);
}
